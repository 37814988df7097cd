using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>
/// What a buyer's standing needs to know to judge a command: whether the space exists, whether the actor administers
/// it or acts for the buyer (its Owner or Manager), and the buyer's kind (null when no business has its id). Plain
/// facts, so that a list can judge its rows from its read model as the grain judges its commands.
/// </summary>
public sealed record SpaceBuyerContext(bool SpaceExists, bool ActorIsAdmin, bool ActorActsForBuyer, BusinessKind? BuyerKind)
{
    /// <param name="actor">The actor's roles as <see cref="IActsFor"/> answers them; the buyer's snapshot gives only its kind.</param>
    public static SpaceBuyerContext Of(SpaceSnapshot? space, bool actorIsAdmin, ActingFor actor, BusinessSnapshot? buyer) =>
        new(space is not null, actorIsAdmin, buyer is not null && actor.Edits(buyer.Id), buyer?.Kind);
}

/// <summary>The stored standing of one buyer in one space and its history, with the rules that guard every change.</summary>
public sealed class SpaceBuyerState
{
    static readonly Refusal
        AlreadyRequested = new("spaceBuyer.alreadyRequested", "This buyer has already asked to publish in this space; its admins have not decided yet."),
        AlreadyApprovedToPublish = new("spaceBuyer.alreadyApprovedToPublish", "This buyer is already approved to publish in this space."),
        AlreadyMandated = new("spaceBuyer.alreadyMandated", "The space's admins already hold this buyer's mandate."),
        NoMandate = new("spaceBuyer.noMandate", "The space's admins hold no mandate from this buyer."),
        NotApprover = new("spaceBuyer.notAdmin", "Only the space's admins approve buyers or revoke their approval."),
        UnknownDecision = new("spaceBuyer.decisionUnknown", "Approve or Revoke."),
        NotRequested = new("spaceBuyer.notRequested", "This buyer has not asked to publish in this space."),
        AlreadyApproved = new("spaceBuyer.alreadyApproved", "This buyer is already approved."),
        RevokedAskAgain = new("spaceBuyer.revokedAskAgain", "The approval was revoked: the buyer asks again first."),
        AlreadyRevoked = new("spaceBuyer.alreadyRevoked", "This buyer's approval is already revoked."),
        NotBuyerEditor = new("spaceBuyer.notBuyerEditor", "Only the buyer's Owners and Managers ask to publish in a space and grant or revoke its mandates."),
        NotABuyer = new("spaceBuyer.notABuyer", "Only a buyer publishes tenders.");

    public Guid SpaceId { get; set; }
    public Guid BuyerId { get; set; }
    public BuyerApproval? Approval { get; set; }
    public bool Mandated { get; set; }
    public List<SpaceBuyerEvent> History { get; set; } = [];
    public int Version { get; set; }

    public Problem? CheckRequest(SpaceBuyerContext context) =>
        GuardBuyer(context) ?? Approval switch
        {
            BuyerApproval.Requested => Problem.Conflict(AlreadyRequested),
            BuyerApproval.Approved => Problem.Conflict(AlreadyApprovedToPublish),
            _ => null,
        };

    public void Request(Guid actorId, DateTimeOffset now)
    {
        Approval = BuyerApproval.Requested;
        Record(SpaceBuyerStep.PublishingRequested, actorId, now);
    }

    public Problem? CheckGrantMandate(SpaceBuyerContext context) =>
        GuardBuyer(context) ?? (Mandated ? Problem.Conflict(AlreadyMandated) : null);

    /// <summary>A mandate is consent to publish there: a buyer that never asked asks now. A revoked approval stays revoked.</summary>
    public void GrantMandate(Guid actorId, DateTimeOffset now)
    {
        Mandated = true;
        Record(SpaceBuyerStep.MandateGranted, actorId, now);
        if (Approval is null) Request(actorId, now);
    }

    public Problem? CheckRevokeMandate(SpaceBuyerContext context) =>
        GuardBuyer(context) ?? (!Mandated ? Problem.Conflict(NoMandate) : null);

    public void RevokeMandate(Guid actorId, DateTimeOffset now)
    {
        Mandated = false;
        Record(SpaceBuyerStep.MandateRevoked, actorId, now);
    }

    /// <summary>Admins approve a pending request, and revoke an approval or decline a request.</summary>
    public Problem? CheckDecide(BuyerDecision decision, SpaceBuyerContext context) =>
        !context.ActorIsAdmin ? Problem.Forbidden(NotApprover)
        : !Enum.IsDefined(decision) ? Problem.Invalid("decision", UnknownDecision)
        : context.BuyerKind != BusinessKind.Buyer || Approval is null ? Problem.NotFound(NotRequested)
        : decision == BuyerDecision.Approve && Approval != BuyerApproval.Requested
            ? Problem.Conflict(Approval == BuyerApproval.Approved ? AlreadyApproved : RevokedAskAgain)
        : decision == BuyerDecision.Revoke && Approval == BuyerApproval.Revoked ? Problem.Conflict(AlreadyRevoked)
        : null;

    public void Decide(BuyerDecision decision, Guid actorId, DateTimeOffset now)
    {
        Approval = decision == BuyerDecision.Approve ? BuyerApproval.Approved : BuyerApproval.Revoked;
        Record(decision == BuyerDecision.Approve ? SpaceBuyerStep.Approved : SpaceBuyerStep.ApprovalRevoked, actorId, now);
    }

    /// <summary>
    /// What the viewer may do with this standing now, judged by the rules its commands run: the buyer's Owners and
    /// Managers ask and mandate, the space's admins decide. Refused for the viewer's role, nothing is offered.
    /// </summary>
    public ViewerActions<BuyerStandingAction> ActionsFor(SpaceBuyerContext context) =>
        ViewerActions<BuyerStandingAction>.Of(
            (BuyerStandingAction.RequestPublishing, CheckRequest(context)),
            (BuyerStandingAction.GrantMandate, CheckGrantMandate(context)),
            (BuyerStandingAction.RevokeMandate, CheckRevokeMandate(context)),
            (BuyerStandingAction.Approve, CheckDecide(BuyerDecision.Approve, context)),
            (BuyerStandingAction.Revoke, CheckDecide(BuyerDecision.Revoke, context)));

    public SpaceBuyerSnapshot ToSnapshot() => new(SpaceId, BuyerId, Approval, Mandated, [.. History], Version);

    /// <summary>The actor first: to anyone but the buyer's Owners and Managers the answer is the same whatever exists.</summary>
    static Problem? GuardBuyer(SpaceBuyerContext context) =>
        !context.ActorActsForBuyer ? Problem.Forbidden(NotBuyerEditor)
        : context.BuyerKind != BusinessKind.Buyer ? Problem.Invalid("buyerId", NotABuyer)
        : !context.SpaceExists ? Problem.NotFound(SpaceState.NotFound)
        : null;

    void Record(SpaceBuyerStep step, Guid actorId, DateTimeOffset now)
    {
        History.Add(new SpaceBuyerEvent(step, actorId, now));
        Version++;
    }
}
