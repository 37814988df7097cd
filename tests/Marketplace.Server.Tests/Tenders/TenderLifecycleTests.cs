using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class TenderLifecycleTestsOnSqlite(ClockedSqliteHost fixture) : TenderLifecycleTests<ClockedSqliteHost>(fixture);

public sealed class TenderLifecycleTestsOnPostgres(ClockedPostgresHost fixture) : TenderLifecycleTests<ClockedPostgresHost>(fixture);

/// <summary>A tender's whole life through the API: publish, questions, bids with receipts, opening, scoring and award.</summary>
public abstract class TenderLifecycleTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    [Fact]
    public async Task A_tender_goes_from_publication_to_award()
    {
        var w = await World();
        var tender = await w.Publish();
        tender.Status.Should().Be(TenderStatus.Enquiries);
        tender.Lots.Select(l => l.Number).Should().Equal(1, 2);

        // The matching firm finds it in its inbox; the IT firm does not.
        (await w.Builder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.BuilderId}/inbox", Json)).Should().ContainSingle(i => i.TenderId == tender.Id && i.Unread)
            .Which.Should().BeEquivalentTo(new { tender.Title, Status = TenderStatus.Enquiries, tender.SubmissionDeadline }, "the notice says where its tender stands");
        (await w.Coder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.CoderId}/inbox", Json)).Should().BeEmpty();

        // A question, answered; other firms see it without the asker.
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Il sopralluogo è obbligatorio?"), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions/1/answer", new TextRequest("Sì, entro il 10."), Json)).EnsureSuccessStatusCode();
        (await w.Get(w.Builder, tender.Id)).Questions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Answer = "Sì, entro il 10.", Mine = true });
        (await w.Get(w.Coder, tender.Id)).Questions.Should().ContainSingle().Which.Mine.Should().BeFalse();

        // Bids are taken once enquiries close.
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        w.PassTo(tender.EnquiryDeadline);
        var first = await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m, 180_000m);
        (await w.Get(w.Builder, tender.Id)).Status.Should().Be(TenderStatus.Tendering, "whoever reads the tender first moves it past its deadline");
        (await w.Builder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.BuilderId}/inbox", Json)).Should().ContainSingle(i => i.TenderId == tender.Id)
            .Which.Status.Should().Be(TenderStatus.Tendering, "the notice follows its tender");
        (await w.Builder.PostAsync("/api/inbox/read", null)).EnsureSuccessStatusCode();
        (await w.Builder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.BuilderId}/inbox", Json)).Should().ContainSingle(i => i.TenderId == tender.Id)
            .Which.Unread.Should().BeFalse("the person has read their inbox since it came");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var receipt = await first.Read<ReceiptDto>();
        receipt.Digest.Should().MatchRegex("^[0-9a-f]{64}$");
        receipt.ReceivedAt.Should().Be(w.Now.AddTicks(-(w.Now.Ticks % 10)));
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();

        // Sealed: the buyer sees neither content nor count.
        (await w.Buyer.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Get(w.Buyer, tender.Id)).Should().BeEquivalentTo(new { ReceiptCount = (int?)null, BidsOpened = false });
        (await w.Buyer.GetAsync($"/api/tenders/{tender.Id}/evaluation")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        // After the deadline the bids are opened, and each matches its receipt.
        w.PassOpening(tender);
        var opened = await w.Get(w.Buyer, tender.Id);
        opened.Status.Should().Be(TenderStatus.Evaluation);
        opened.ReceiptCount.Should().Be(2);
        opened.BidsOpened.Should().BeTrue("the pages show results and the evaluation from it");
        var bid = await w.Buyer.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json);
        bid!.Receipt!.Digest.Should().Be(receipt.Digest);
        bid.MatchesReceipt.Should().BeTrue();

        var evaluation = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots;
        var lot1 = evaluation.Single(l => l.Lot == 1);
        lot1.Ranking.Should().HaveCount(2);
        var builderBid = lot1.Ranking.Single(r => r.BidderId == w.BuilderId).BidId;
        var coderBid = lot1.Ranking.Single(r => r.BidderId == w.CoderId).BidId;

        // Award needs every bid scored; then it goes to the best-ranked bid.
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, builderBid, null), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(builderBid, 2, 100m), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(coderBid, 2, 50m), Json)).EnsureSuccessStatusCode();
        lot1 = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots.Single(l => l.Lot == 1);
        // Builder: price 650/700×100 = 92.86 points ×0.6 + 100×0.4 = 95.72; Coder: 100×0.6 + 50×0.4 = 80.
        lot1.Ranking.Select(r => (r.BidderId, r.Total)).Should().Equal((w.BuilderId, 95.72m), (w.CoderId, 80m));
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, coderBid, null), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, builderBid, null), Json)).EnsureSuccessStatusCode();
        var decided = await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(2, builderBid, null), Json);
        decided.EnsureSuccessStatusCode();
        var awarded = await decided.Read<TenderDto>();
        awarded.Status.Should().Be(TenderStatus.Awarded);
        awarded.Decisions.Should().HaveCount(2).And.OnlyContain(d => d.Winners.Single().Name == "Rossi Costruzioni");

        var result = await w.Builder.GetFromJsonAsync<BidResultDto[]>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}/result", Json);
        result!.Single(r => r.Lot == 1).Should().BeEquivalentTo(new { Rank = 1, Of = 2, Total = 95.72m, Awarded = true });
        var lost = await w.Coder.GetFromJsonAsync<BidResultDto[]>($"/api/tenders/{tender.Id}/bids/{w.CoderId}/result", Json);
        lost!.Single().Should().BeEquivalentTo(new { Rank = 2, Awarded = false, Decided = true });

        var audit = await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json);
        audit!.Valid.Should().BeTrue();
        audit.Shown.Select(l => l.Kind).Should().Contain(["Published", "EnquiriesClosed", "SubmissionsClosed", "BidsOpened", "LotAwarded", "Awarded"]);
        var bids = (await w.Buyer.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!.Sealed!;
        bids.Valid.Should().BeTrue();
        bids.Shown.Should().Contain(l => l.Kind == "BidSubmitted", "the buyer reads the opened bids' links");
    }
}
