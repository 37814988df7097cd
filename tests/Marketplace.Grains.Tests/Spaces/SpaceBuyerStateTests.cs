using Marketplace.Businesses;
using Marketplace.Grains.Tests.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Spaces;

public sealed class SpaceBuyerStateTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid Admin = Guid.NewGuid(), BuyerOwner = Guid.NewGuid(), BuyerViewer = Guid.NewGuid(), FirmOwner = Guid.NewGuid(), Stranger = Guid.NewGuid();
    static readonly BusinessSnapshot Buyer = SpaceStateTests.Business(BusinessKind.Buyer, BuyerOwner, (BuyerViewer, BusinessRole.Viewer));
    static readonly BusinessSnapshot Firm = SpaceStateTests.Business(BusinessKind.Firm, FirmOwner);
    static readonly SpaceSnapshot Space = SpaceStateTests.Created().ToSnapshot();

    static SpaceBuyerContext As(Guid actor, BusinessSnapshot? buyer = null, SpaceSnapshot? space = null) =>
        SpaceBuyerContext.Of(space ?? Space, actor == Admin, Acting.As(actor, buyer ?? Buyer), buyer ?? Buyer);

    static SpaceBuyerState Requested()
    {
        var state = new SpaceBuyerState { SpaceId = Space.Id, BuyerId = Buyer.Id };
        state.CheckRequest(As(BuyerOwner)).Should().BeNull();
        state.Request(BuyerOwner, Now);
        return state;
    }

    [Fact]
    public void A_buyer_asks_and_the_space_s_admins_approve_or_revoke_each_step_recorded()
    {
        var state = Requested();
        state.CheckDecide(BuyerDecision.Approve, As(Admin)).Should().BeNull();
        state.Decide(BuyerDecision.Approve, Admin, Now);
        state.Approval.Should().Be(BuyerApproval.Approved);
        state.CheckDecide(BuyerDecision.Revoke, As(Admin)).Should().BeNull();
        state.Decide(BuyerDecision.Revoke, Admin, Now.AddDays(1));

        state.ToSnapshot().Should().BeEquivalentTo(new
        {
            Approval = BuyerApproval.Revoked,
            History = new[]
            {
                new SpaceBuyerEvent(SpaceBuyerStep.PublishingRequested, BuyerOwner, Now),
                new SpaceBuyerEvent(SpaceBuyerStep.Approved, Admin, Now),
                new SpaceBuyerEvent(SpaceBuyerStep.ApprovalRevoked, Admin, Now.AddDays(1)),
            },
        });
        state.CheckDecide(BuyerDecision.Approve, As(Admin))!.Kind.Should().Be(ProblemKind.Conflict, "the buyer asks again first");
        state.CheckRequest(As(BuyerOwner)).Should().BeNull();
    }

    [Fact]
    public void Only_the_space_s_admins_decide_and_only_on_a_request()
    {
        var state = Requested();

        foreach (var who in new[] { BuyerOwner, BuyerViewer, FirmOwner, Stranger })
            state.CheckDecide(BuyerDecision.Approve, As(who))!.Kind.Should().Be(ProblemKind.Forbidden);
        new SpaceBuyerState().CheckDecide(BuyerDecision.Approve, As(Admin))!.Kind.Should().Be(ProblemKind.NotFound);
        new SpaceBuyerState().CheckDecide(BuyerDecision.Approve, As(Stranger))!.Kind.Should().Be(ProblemKind.Forbidden, "the actor is checked first");
    }

    [Fact]
    public void Only_the_buyer_s_Owners_and_Managers_ask_and_grant_or_revoke_mandates()
    {
        var state = new SpaceBuyerState();

        foreach (var who in new[] { BuyerViewer, FirmOwner, Admin, Stranger })
        {
            state.CheckRequest(As(who))!.Kind.Should().Be(ProblemKind.Forbidden);
            state.CheckGrantMandate(As(who))!.Kind.Should().Be(ProblemKind.Forbidden);
            state.CheckRevokeMandate(As(who))!.Kind.Should().Be(ProblemKind.Forbidden);
        }
        state.CheckRequest(As(FirmOwner, Firm))!.Errors!.Keys.Should().Equal("buyerId");
        state.CheckRequest(As(BuyerOwner) with { SpaceExists = false })!.Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void A_mandate_is_consent_to_publish_there_and_is_revoked_by_the_buyer()
    {
        var state = new SpaceBuyerState();
        state.CheckGrantMandate(As(BuyerOwner)).Should().BeNull();
        state.GrantMandate(BuyerOwner, Now);

        state.ToSnapshot().Should().BeEquivalentTo(new { Mandated = true, Approval = BuyerApproval.Requested, MandateRevoked = false });
        state.CheckGrantMandate(As(BuyerOwner))!.Kind.Should().Be(ProblemKind.Conflict);

        state.CheckRevokeMandate(As(BuyerOwner)).Should().BeNull();
        state.RevokeMandate(BuyerOwner, Now.AddDays(1));
        state.ToSnapshot().Should().BeEquivalentTo(new { Mandated = false, MandateRevoked = true });
        state.History.Select(e => e.Step).Should().Equal(SpaceBuyerStep.MandateGranted, SpaceBuyerStep.PublishingRequested, SpaceBuyerStep.MandateRevoked);
        state.CheckRevokeMandate(As(BuyerOwner))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void The_buyer_s_people_are_offered_their_steps_and_the_admins_their_decisions_by_the_commands_rules()
    {
        var state = Requested();

        state.ActionsFor(As(BuyerOwner)).Allowed.Should().Equal(BuyerStandingAction.GrantMandate);
        state.ActionsFor(As(BuyerOwner)).Blocked.Select(b => (b.Action, b.Code)).Should().Equal(
            (BuyerStandingAction.RequestPublishing, "spaceBuyer.alreadyRequested"), (BuyerStandingAction.RevokeMandate, "spaceBuyer.noMandate"));
        state.ActionsFor(As(Admin)).Allowed.Should().Equal(BuyerStandingAction.Approve, BuyerStandingAction.Revoke);
        state.Decide(BuyerDecision.Revoke, Admin, Now);
        state.ActionsFor(As(BuyerOwner)).Allowed.Should().Equal(BuyerStandingAction.RequestPublishing, BuyerStandingAction.GrantMandate);
    }

    [Fact]
    public void Nobody_else_is_offered_anything_about_a_buyer_s_standing()
    {
        foreach (var who in new[] { BuyerViewer, FirmOwner, Stranger })
        {
            var offered = Requested().ActionsFor(As(who));
            offered.Allowed.Should().BeEmpty();
            offered.Blocked.Should().BeEmpty();
        }
    }
}
