using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class TenderViewerActionsTestsOnSqlite(ClockedSqliteHost fixture) : TenderViewerActionsTests<ClockedSqliteHost>(fixture);

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
        outsider.ViewerFirms.Should().ContainSingle().Which.Actions.Should().BeEquivalentTo(ViewerActions<TenderFirmAction>.None,
            "a firm outside the tender's spaces takes no part");
        anonymous.Actions.Should().BeEquivalentTo(ViewerActions<TenderAction>.None);
        anonymous.ViewerFirms.Should().BeEmpty();
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
}
