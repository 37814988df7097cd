using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class SealedBidTestsOnSqlite(ClockedSqliteHost fixture) : SealedBidTests<ClockedSqliteHost>(fixture);

public sealed class SealedBidTestsOnPostgres(ClockedPostgresHost fixture) : SealedBidTests<ClockedPostgresHost>(fixture);

/// <summary>
/// Before the deadline nobody but the bidder reads anything of a bid: not the buyer, not the space's admin, not
/// another firm, not a visitor, on any path the API has. After it, the buyer reads it; other firms still do not.
/// </summary>
public abstract class SealedBidTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    // A price no other number in the answers can look like, so finding it anywhere means the seal leaked.
    const decimal SealedPrice = 712_345.67m;
    const string SealedAnswer = "Metodo di lavoro riservato Q7X";

    async Task<(TenderWorld World, TenderDto Tender)> SubmittedBid(bool disclosesBidCount = false)
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish(disclosesBidCount);
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, SealedPrice, quality: SealedAnswer)).EnsureSuccessStatusCode();
        return (w, tender);
    }

    /// <summary>Every read path of the API that touches the tender or bids, as one user sees it.</summary>
    static async Task<(HttpStatusCode Bid, HttpStatusCode Result, HttpStatusCode Evaluation, HttpStatusCode FirmBids, string Everything)> ReadAll(
        TenderWorld w, HttpClient client, Guid tenderId)
    {
        var bid = await client.GetAsync($"/api/tenders/{tenderId}/bids/{w.BuilderId}");
        var result = await client.GetAsync($"/api/tenders/{tenderId}/bids/{w.BuilderId}/result");
        var evaluation = await client.GetAsync($"/api/tenders/{tenderId}/evaluation");
        var firmBids = await client.GetAsync($"/api/businesses/{w.BuilderId}/bids");
        var texts = new List<string>();
        foreach (var response in new[] { bid, result, evaluation, firmBids }) texts.Add(await response.Content.ReadAsStringAsync());
        foreach (var path in new[] { $"/api/tenders/{tenderId}", $"/api/tenders/{tenderId}/audit", $"/api/spaces/{w.SpaceId}/tenders", $"/api/businesses/{w.BuyerId}/tenders" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            texts.Add(await response.Content.ReadAsStringAsync());
        }
        return (bid.StatusCode, result.StatusCode, evaluation.StatusCode, firmBids.StatusCode, string.Join('\n', texts));
    }

    static void ShouldRevealNothing(string everything, TenderWorld w)
    {
        everything.Should().NotContain("712345.67").And.NotContain("712345,67").And.NotContain(SealedAnswer);
        everything.Should().NotContain(w.BuilderId.ToString(), "not even who bid is known before the deadline");
    }

    [Fact]
    public async Task Before_the_deadline_nobody_but_the_bidder_reads_the_bid()
    {
        var (w, tender) = await SubmittedBid();

        foreach (var (who, client) in new[] { ("buyer", w.Buyer), ("space admin", w.Admin), ("other member firm", w.Coder), ("outside firm", w.Outsider) })
        {
            var seen = await ReadAll(w, client, tender.Id);
            seen.Bid.Should().Be(HttpStatusCode.NotFound, who);
            seen.Result.Should().Be(HttpStatusCode.NotFound, who);
            seen.Evaluation.Should().BeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Conflict], who);
            seen.FirmBids.Should().Be(HttpStatusCode.Forbidden, who);
            ShouldRevealNothing(seen.Everything, w);
        }
        var visitor = await ReadAll(w, w.Anonymous, tender.Id);
        visitor.Bid.Should().Be(HttpStatusCode.Unauthorized);
        ShouldRevealNothing(visitor.Everything, w);

        var own = await w.Builder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json);
        own!.Lots.Single().Price.Amount.Should().Be(SealedPrice);
        own.Answers.Single().Text.Should().Be(SealedAnswer);
        (await w.Get(w.Buyer, tender.Id)).ReceiptCount.Should().BeNull("this tender keeps its count of bids to itself");
    }

    [Fact]
    public async Task A_tender_that_discloses_its_bid_count_shows_the_count_and_nothing_else()
    {
        var (w, tender) = await SubmittedBid(disclosesBidCount: true);

        (await w.Get(w.Buyer, tender.Id)).ReceiptCount.Should().Be(1);
        var seen = await ReadAll(w, w.Buyer, tender.Id);
        seen.Bid.Should().Be(HttpStatusCode.NotFound);
        ShouldRevealNothing(seen.Everything, w);
    }

    [Fact]
    public async Task After_the_deadline_the_buyer_reads_the_bid_and_other_firms_still_do_not()
    {
        var (w, tender) = await SubmittedBid();
        w.PassOpening(tender);

        var opened = await w.Buyer.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json);
        opened!.Lots.Single().Price.Amount.Should().Be(SealedPrice);
        opened.MatchesReceipt.Should().BeTrue();
        foreach (var client in new[] { w.Admin, w.Coder, w.Outsider })
            (await client.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Admin.GetAsync($"/api/tenders/{tender.Id}/evaluation")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_withdrawn_bid_is_not_opened()
    {
        var (w, tender) = await SubmittedBid();
        (await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).EnsureSuccessStatusCode();
        w.PassOpening(tender);

        (await w.Get(w.Buyer, tender.Id)).Should().BeEquivalentTo(new { Status = TenderStatus.Unsuccessful, ReceiptCount = 0 });
        (await w.Buyer.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
