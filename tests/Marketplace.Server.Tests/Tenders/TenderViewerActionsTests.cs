using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class TenderViewerActionsTestsOnSqlite(ClockedSqliteHost fixture) : TenderViewerActionsTests<ClockedSqliteHost>(fixture);

public sealed class TenderViewerActionsTestsOnPostgres(ClockedPostgresHost fixture) : TenderViewerActionsTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The tender says what its viewer may do, by the rules its commands run: the buyer's people the buyer's actions,
/// each firm's editors that firm's; anyone else sees no action, not even a blocked one.
/// </summary>
public abstract class TenderViewerActionsTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static ActionBlocker<TAction> Blocker<TAction>(TAction action, string code, params (string Key, string Value)[] args) where TAction : struct, Enum =>
        new(action, code, args.ToDictionary(a => a.Key, a => a.Value));

    [Fact]
    public async Task The_buyer_s_people_are_offered_the_draft_s_actions_and_told_why_the_others_wait()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var draft = await w.Draft();

        draft.Actions.Allowed.Should().BeEquivalentTo([TenderAction.Edit, TenderAction.Publish, TenderAction.Cancel]);
        draft.Actions.Blocked.Should().ContainEquivalentOf(Blocker(TenderAction.Amend, "tender.wrongStatus", ("status", "Draft")));
        draft.ViewerFirms.Should().BeEmpty("the buyer is no firm, and no firm takes part in a draft");
    }

    [Fact]
    public async Task A_published_tender_offers_the_buyer_its_actions_and_each_firm_s_editors_their_firm_s()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();

        var buyer = await w.Get(w.Buyer, tender.Id);
        var builder = await w.Get(w.Builder, tender.Id);
        var outsider = await w.Get(w.Outsider, tender.Id);
        var anonymous = await w.Get(w.Anonymous, tender.Id);

        buyer.Actions.Allowed.Should().BeEquivalentTo([TenderAction.Amend, TenderAction.Answer, TenderAction.Cancel]);
        builder.Actions.Should().BeEquivalentTo(ViewerActions<TenderAction>.None, "a firm does not act for the buyer");
        var firm = builder.ViewerFirms.Should().ContainSingle().Subject;
        firm.FirmId.Should().Be(w.BuilderId);
        firm.Actions.Allowed.Should().Equal(TenderFirmAction.Ask);
        firm.Actions.Blocked.Should().Contain(b => b.Action == TenderFirmAction.Bid && b.Code == "bid.tooEarly", "bids are taken after the enquiries");
        outsider.ViewerFirms.Should().ContainSingle().Which.Actions.Should().BeEquivalentTo(new ViewerActions<TenderFirmAction>([],
            [Blocker(TenderFirmAction.Ask, "tender.firmNotEligible"), Blocker(TenderFirmAction.Bid, "bid.firmNotEligible", ("firm", "Neri Edilizia"))]),
            "a firm outside the tender's spaces takes no part, and its Owner is told why, as a refused request would tell them");
        (await w.Outsider.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.OutsiderId, "Sopralluogo?"), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the server refuses what the page does not offer");
        anonymous.Actions.Should().BeEquivalentTo(ViewerActions<TenderAction>.None);
        anonymous.ViewerFirms.Should().BeEmpty();
        // Every reader's page names the buyer and the spaces alike, as the tender's answer after a change does.
        foreach (var page in new[] { buyer, builder, outsider, anonymous })
            page.Should().BeEquivalentTo(new { tender.Buyer, tender.Spaces }, "whoever reads it");
        tender.Buyer.Name.Should().NotBeEmpty();
        tender.Spaces.Should().NotBeEmpty().And.OnlyContain(s => s.Name != "");
    }

    [Fact]
    public async Task Once_bids_are_taken_a_firm_may_bid_then_withdraw_and_after_the_deadline_is_told_it_has_passed()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);

        var before = (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().Actions;
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();
        var bidding = (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().Actions;
        w.PassTo(tender.SubmissionDeadline);
        var late = (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().Actions;

        before.Allowed.Should().Equal(TenderFirmAction.Bid);
        before.Blocked.Select(b => b.Code).Should().BeEquivalentTo(["tender.enquiriesClosed", "bid.nothingToWithdraw"]);
        bidding.Allowed.Should().Equal(TenderFirmAction.Bid, TenderFirmAction.Withdraw);
        late.Allowed.Should().BeEmpty();
        late.Blocked.Where(b => b.Action != TenderFirmAction.Ask).Select(b => b.Code).Should().Equal("bid.deadlinePassed", "bid.deadlinePassed");
    }

    [Fact]
    public async Task An_admin_whose_mandate_the_buyer_revoked_is_offered_nothing_on_the_draft_they_started_and_told_why()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        (await w.Buyer.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(w.SpaceId), Json)).EnsureSuccessStatusCode();
        var draft = await (await w.Admin.PostAsJsonAsync("/api/tenders", w.Request(), Json)).Read<TenderDto>();
        draft.Actions.Allowed.Should().BeEquivalentTo([TenderAction.Edit, TenderAction.Publish, TenderAction.Cancel]);

        (await w.Buyer.DeleteAsync($"/api/businesses/{w.BuyerId}/mandates/{w.SpaceId}")).EnsureSuccessStatusCode();
        var seen = await w.Get(w.Admin, draft.Id);

        seen.Actions.Allowed.Should().BeEmpty("the draft is the buyer's, for its own people now");
        seen.Actions.Blocked.Should().BeEquivalentTo(
            new[] { TenderAction.Edit, TenderAction.Publish, TenderAction.Cancel }.Select(a => Blocker(a, "tender.mandateRevoked", ("space", "Spazio Gare"))));
        var r = w.Request();
        var edit = new EditTenderRequest(seen.Version, r.Spaces, "Altro titolo", r.Description, r.Lots, r.Eligibility, r.Criteria,
            r.EnquiryDeadline, r.SubmissionDeadline, r.ContractStart, r.ContractEnd, r.DisclosesBidCount, r.Documents);
        foreach (var refused in new[]
        {
            await w.Admin.PutAsJsonAsync($"/api/tenders/{draft.Id}", edit, Json),
            await w.Admin.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(seen.Version), Json),
            await w.Admin.PostAsJsonAsync($"/api/tenders/{draft.Id}/cancel", new TextRequest("Annullata"), Json),
        })
        {
            (await refused.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "tender.mandateRevoked" },
                "the server accepts none of what the page no longer offers, and says the same why");
        }
        (await w.Get(w.Buyer, draft.Id)).Actions.Allowed.Should().BeEquivalentTo([TenderAction.Edit, TenderAction.Publish, TenderAction.Cancel],
            "the buyer's own people still work on it");
    }

    [Fact]
    public async Task Each_firm_s_view_says_whether_it_has_a_bid_so_its_page_asks_for_the_bid_only_then()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        (await w.Get(w.Builder, tender.Id)).ViewerFirms.Should().ContainSingle().Which.HasBid.Should().BeFalse();
        (await w.Builder.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "the request the page no longer makes when the view says there is no bid");

        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).EnsureSuccessStatusCode();
        (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().HasBid.Should().BeTrue();
        (await w.Get(w.Coder, tender.Id)).ViewerFirms.Single().HasBid.Should().BeFalse("the other firm has no bid");
        (await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).EnsureSuccessStatusCode();
        (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().HasBid.Should().BeTrue("a withdrawn bid is still the firm's to read");

        w.PassOpening(tender);
        (await w.Get(w.Coder, tender.Id)).ViewerFirms.Single().HasBid.Should().BeFalse();
        (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().HasBid.Should().BeTrue();
        (await w.Builder.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
