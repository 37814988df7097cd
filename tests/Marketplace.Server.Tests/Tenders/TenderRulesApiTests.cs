using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class TenderRulesApiTestsOnSqlite(ClockedSqliteHost fixture) : TenderRulesApiTests<ClockedSqliteHost>(fixture);

public sealed class TenderRulesApiTestsOnPostgres(ClockedPostgresHost fixture) : TenderRulesApiTests<ClockedPostgresHost>(fixture);

/// <summary>Who may do what to a tender, and what bad input gets back: a clear error and no change.</summary>
public abstract class TenderRulesApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static async Task<string[]> Fields(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        return [.. (await response.Read<ValidationProblemDetails>()).Errors.Keys];
    }

    [Fact]
    public async Task Only_the_buyer_amends_answers_scores_awards_and_cancels()
    {
        var w = await World();
        var tender = await w.Publish();
        var asked = await (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Domanda?"), Json)).Read<TenderDto>();
        var amend = new AmendTenderRequest(asked.Version, "Rettifica", false, tender.Title, "Nuova descrizione", null, null, null,
            tender.EnquiryDeadline, tender.SubmissionDeadline, null, null, false, null);

        foreach (var (who, client) in new[] { ("member firm", w.Builder), ("space admin", w.Admin), ("outside firm", w.Outsider) })
        {
            (await client.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amend, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions/1/answer", new TextRequest("Sì"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new TextRequest("Annullata"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(Guid.NewGuid(), 2, 50), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, null, "Deserta"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        }
        (await w.Anonymous.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new TextRequest("Annullata"), Json)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await w.Get(w.Anonymous, tender.Id)).Should().BeEquivalentTo(new { Status = TenderStatus.Enquiries, asked.Version });
    }

    [Fact]
    public async Task Only_member_firms_of_its_spaces_ask_and_bid_and_only_for_themselves()
    {
        var w = await World();
        var tender = await w.Publish();
        (await w.Outsider.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.OutsiderId, "Posso?"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Coder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "A nome d'altri"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        w.PassTo(tender.EnquiryDeadline);

        (await w.Bid(w.Outsider, tender.Id, w.OutsiderId, 100_000m)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Bid(w.Coder, tender.Id, w.BuilderId, 100_000m)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a firm's bid is submitted by its own people");
        (await w.Bid(w.Buyer, tender.Id, w.BuyerId, 100_000m)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the buyer is not a firm");
        (await fixture.Host.Query(db => db.Bids.CountAsync(b => b.TenderId == tender.Id))).Should().Be(0);
    }

    [Fact]
    public async Task A_draft_is_seen_only_by_the_buyer_and_published_tenders_by_everyone()
    {
        var w = await World();
        var draft = await w.Draft();
        var buyersViewer = fixture.Host.Browser();
        await buyersViewer.JoinAsViewer(w.Buyer, w.BuyerId);
        foreach (var client in new[] { w.Admin, w.Builder, w.Anonymous, buyersViewer })
        {
            (await client.GetAsync($"/api/tenders/{draft.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetFromJsonAsync<TenderSummaryDto[]>($"/api/businesses/{w.BuyerId}/tenders", Json)).Should().NotContain(t => t.Id == draft.Id,
                "a draft is not listed to anyone who may not open it");
        }
        (await w.Buyer.GetFromJsonAsync<TenderSummaryDto[]>($"/api/businesses/{w.BuyerId}/tenders", Json)).Should().Contain(t => t.Id == draft.Id);
        (await w.Builder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.BuilderId}/inbox", Json)).Should().NotContain(i => i.TenderId == draft.Id);
        (await w.Builder.GetAsync($"/api/businesses/{w.CoderId}/inbox")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "another firm's inbox is private");

        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        (await w.Anonymous.GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{w.SpaceId}/tenders", Json)).Should().Contain(t => t.Id == draft.Id);
    }

    [Fact]
    public async Task Invalid_details_name_their_fields_and_store_nothing()
    {
        var w = await World();
        var before = await fixture.Host.Query(db => db.Tenders.CountAsync());
        var request = w.Request() with
        {
            Title = "x",
            Lots = [new LotRequest(0, "Lotto", null, ["99999999"], new MoneyDto(10.555m, "EUR"), "000000")],
            Criteria = [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 70), new CriterionRequest(0, "Qualità", CriterionKind.Quality, 20)],
            SubmissionDeadline = w.Now.AddDays(1),
        };

        var fields = await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request, Json));

        fields.Should().BeEquivalentTo("title", "lots[0].cpv[0]", "lots[0].estimatedValue.amount", "lots[0].comuneCode", "criteria", "submissionDeadline");
        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", w.Request() with { EnquiryDeadline = null }, Json))).Should().Equal("enquiryDeadline");
        (await Fields(await w.Buyer.PostAsync("/api/tenders", new StringContent("{\"buyerId\": \"not a guid\"", Encoding.UTF8, "application/json")))).Should().NotBeEmpty();
        (await fixture.Host.Query(db => db.Tenders.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Publishing_a_stale_version_or_past_deadlines_is_refused()
    {
        var w = await World();
        var draft = await w.Draft();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version - 1), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        w.PassTo(draft.EnquiryDeadline);
        (await Fields(await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json))).Should().Equal("enquiryDeadline");
        (await w.Get(w.Buyer, draft.Id)).Status.Should().Be(TenderStatus.Draft);
    }

    [Fact]
    public async Task A_tender_is_published_only_if_it_gives_firms_the_space_s_minimum_days_to_bid()
    {
        var w = await World();
        async Task Minimum(int days)
        {
            var current = await w.Admin.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.SpaceId}", Json);
            (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/settings", new EditSpaceSettingsRequest(current!.Version, current.Summary.Name,
                null, [], [], current.Summary.Visibility, days), Json)).EnsureSuccessStatusCode();
        }
        await Minimum(10);
        var draft = await w.Draft(request: w.Request() with { EnquiryDeadline = w.Now.AddDays(1), SubmissionDeadline = w.Now.AddDays(3) });

        // The buyer's page says so before anyone tries; publishing anyway is refused with the same reason and changes nothing.
        draft.Actions.Blocked.Should().ContainSingle(b => b.Action == TenderAction.Publish).Which.Code.Should().Be("tender.tenderingTooShort");
        var refused = await (await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).Refusal();
        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.Code.Should().Be("tender.tenderingTooShort");
        (refused.Args["space"], refused.Args["days"]).Should().Be(("Spazio Gare", "10"));
        var after = await w.Get(w.Buyer, draft.Id);
        (after.Status, after.Version).Should().Be((TenderStatus.Draft, draft.Version));

        await Minimum(3);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).StatusCode.Should().Be(HttpStatusCode.OK,
            "three days meet a three-day minimum");
    }

    [Fact]
    public async Task A_material_amendment_gives_firms_the_minimum_time_and_amendments_stop_at_the_enquiry_deadline()
    {
        var w = await World();
        var tender = await w.Publish(request: w.Request() with { SubmissionDeadline = w.Now.AddDays(3) });
        w.Clock.Advance(TimeSpan.FromDays(1)); // 1 day before the enquiry deadline, 2 before submissions close
        var lots = tender.Lots.Select(l => new LotRequest(l.Number, l.Title, l.Description, [.. l.Cpv.Select(c => c.Code)], l.EstimatedValue, l.ComuneCode))
            .Append(new LotRequest(0, "Verde", null, ["77310000"], null, null)).ToArray();
        var amendment = new AmendTenderRequest(tender.Version, "Aggiunto il lotto 3", false, tender.Title, tender.Description, lots, tender.Eligibility,
            [.. tender.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))], tender.EnquiryDeadline, tender.SubmissionDeadline,
            tender.ContractStart, tender.ContractEnd, false, null);

        var amended = await (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amendment, Json)).Read<TenderDto>();

        amended.Lots.Select(l => l.Number).Should().Equal(1, 2, 3);
        amended.Amendments.Should().ContainSingle().Which.Material.Should().BeTrue("a new lot is a material change");
        amended.SubmissionDeadline.Should().Be(w.Now.AddDays(5), "the default minimum after a material amendment is 5 days");
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amendment with { Version = amended.Version - 1 }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a stale version is refused");

        w.PassTo(amended.EnquiryDeadline);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amendment with { Version = amended.Version }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Tardi?"), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_submission_retried_with_the_same_content_is_the_same_bid_with_the_same_receipt()
    {
        var w = await World();
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        var first = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).Read<ReceiptDto>();

        // The bidder never saw the first answer (a timeout) and sends the same bid again, a little later.
        w.Clock.Advance(TimeSpan.FromSeconds(30));
        var retried = await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m);

        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retried.Read<ReceiptDto>()).Should().BeEquivalentTo(first, "the stored bid's receipt: same submission, digest, time and salt");
        (await w.Builder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json))!.Receipt.Should().BeEquivalentTo(first);
        (await fixture.Host.Query(db => db.Bids.CountAsync(b => b.TenderId == tender.Id))).Should().Be(1);
        (await fixture.Host.Query(db => db.AuditEntries.CountAsync(e => e.TenderId == tender.Id && e.Kind == "BidSubmitted")))
            .Should().Be(1, "nothing new was submitted");
        var changed = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 499_000m)).Read<ReceiptDto>();
        changed.Submission.Should().Be(2, "another price is a new submission");
    }

    [Fact]
    public async Task A_bad_bid_names_its_fields_and_keeps_the_previous_receipt()
    {
        var w = await World();
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        var first = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).Read<ReceiptDto>();

        var bad = await w.Builder.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", new SubmitBidRequest(
            [new LotPriceRequest(1, new MoneyDto(1.005m, "EUR")), new LotPriceRequest(9, new MoneyDto(1m, "EUR")), new LotPriceRequest(2, new MoneyDto(5m, "USD"))],
            [], []), Json);

        (await Fields(bad)).Should().BeEquivalentTo("lots[0].price.amount", "lots[1].lot", "lots[2].price.currency", "answers[2]");
        var stored = await w.Builder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json);
        stored!.Receipt.Should().BeEquivalentTo(first);

        var second = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 480_000m)).Read<ReceiptDto>();
        second.Submission.Should().Be(2);
        second.Digest.Should().NotBe(first.Digest);
        second.BidId.Should().Be(first.BidId, "a resubmission replaces the same bid");
    }

    [Fact]
    public async Task A_cancelled_tender_takes_no_more_bids_and_cannot_be_cancelled_after_an_award()
    {
        var w = await World();
        var cancelled = await w.Publish();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{cancelled.Id}/cancel", new TextRequest(" "), Json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{cancelled.Id}/cancel", new TextRequest("Finanziamento revocato"), Json)).EnsureSuccessStatusCode();
        w.PassTo(cancelled.EnquiryDeadline);
        (await w.Bid(w.Builder, cancelled.Id, w.BuilderId, 500_000m)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Get(w.Anonymous, cancelled.Id)).Should().BeEquivalentTo(new { Status = TenderStatus.Cancelled, CancelReason = "Finanziamento revocato" });
    }
}
