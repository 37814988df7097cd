using System.Text.Json.Serialization;
using Marketplace.Businesses;
using Marketplace.Qualifications;

namespace Marketplace.Spaces;

/// <summary>The stored standing of one firm in one space and its history, with the rules that guard every change.</summary>
public sealed class MembershipState
{
    static readonly Refusal
        AlreadyMember = new("space.alreadyMember", "This firm is already a member."),
        PolicyChanged = new("space.policyChanged", "The policy is now at version {version}: read it and accept that version."),
        MessageLength = new("space.messageLength", "At most {max} characters."),
        AlreadyApplied = new("space.alreadyApplied", "This firm's application is already pending."),
        Suspended = new("space.suspended", "This firm is suspended; the space's admins can reinstate it."),
        NothingToWithdraw = new("space.nothingToWithdraw", "There is no pending application or invitation to withdraw from."),
        NotAMember = new("space.notMember", "This firm is not a member of the space."),
        OnlyMembersAccept = new("space.onlyMembersAccept", "Only members accept policy versions."),
        NotCurrentPolicy = new("space.notCurrentPolicy", "The current policy version is {version}."),
        PolicyAlreadyAccepted = new("space.policyAlreadyAccepted", "This firm has already accepted version {version} of the policy."),
        UnknownDecision = new("space.decisionUnknown", "Unknown decision."),
        DecisionNotAllowed = new("space.decisionNotAllowed", "A firm that is {status} cannot be given '{decision}'."),
        DecisionUnknownFirm = new("space.decisionUnknownFirm", "A firm that is not known to this space cannot be given '{decision}'."),
        InviteNotAFirm = new("space.inviteNotAFirm", "Only a registered firm can be invited."),
        AlreadyInvited = new("space.alreadyInvited", "This firm is already invited."),
        HasApplied = new("space.hasApplied", "This firm has applied: approve its application instead."),
        VouchNotMember = new("space.vouchNotMember", "Only a current member can be vouched for."),
        NothingToVouch = new("space.nothingToVouch", "The firm's profile has no size class or VAT number to vouch for."),
        AlreadyVouched = new("space.alreadyVouched", "The association already vouches for these values."),
        NoVouch = new("space.noVouch", "There is no vouch to revoke."),
        NotFirmEditor = new("space.notFirmEditor", "Only the firm's Owners and Managers may do this."),
        MemberNotAFirm = new("space.memberNotAFirm", "Only a registered firm can be a member of a space."),
        QualificationsNotFound = new("space.qualificationsNotFound", "This space has no member firm with these qualifications."),
        AttestationNotRecorded = new("space.attestationNotRecorded", "The firm records no SOA attestation in {category}."),
        FiguresNotRecorded = new("space.figuresNotRecorded", "The firm records no turnover and similar work."),
        QualificationsChanged = new("space.qualificationsChanged", "The firm changed its qualifications meanwhile: you read version {expected}, the current one is {current}."),
        AlreadyChecked = new("space.alreadyChecked", "The association has already checked this as the firm records it now."),
        NoCheck = new("space.noCheck", "The association has no check of this to withdraw.");

    public Guid SpaceId { get; set; }
    public Guid FirmId { get; set; }
    public SpaceMember? Standing { get; set; }
    public List<MembershipEvent> History { get; set; } = [];
    public Vouch? Vouch { get; set; }

    /// <summary>The space's checks of the firm's attestations and figures, one per attestation category and one for the figures.</summary>
    public List<QualificationVouch> Checked { get; set; } = [];

    public int Version { get; set; }

    [JsonIgnore] public MembershipStatus? Status => Standing?.Status;

    /// <summary>The admissible decisions: from which standings, to which, and whether the firm must be told why.</summary>
    static readonly Dictionary<MembershipDecision, (MembershipStatus[] From, MembershipStatus To, bool NeedsReason)> Decisions = new()
    {
        [MembershipDecision.Approve] = ([MembershipStatus.Applied], MembershipStatus.Member, false),
        // Rejecting an invitation is how admins take it back.
        [MembershipDecision.Reject] = ([MembershipStatus.Applied, MembershipStatus.Invited], MembershipStatus.Rejected, true),
        [MembershipDecision.Suspend] = ([MembershipStatus.Member], MembershipStatus.Suspended, true),
        [MembershipDecision.Reinstate] = ([MembershipStatus.Suspended], MembershipStatus.Member, false),
        [MembershipDecision.Remove] = ([MembershipStatus.Member, MembershipStatus.Suspended], MembershipStatus.Removed, true),
    };

    public Problem? CheckApply(ApplyToSpace command, MembershipContext context) =>
        GuardFirm(context)
        ?? (command.AcceptedPolicyVersion != context.Space!.Policy.Version
            ? Problem.Conflict(PolicyChanged, ("version", context.Space.Policy.Version))
            : command.Message?.Length > SpaceRules.MaxMessage ? Problem.Invalid("message", MessageLength, ("max", SpaceRules.MaxMessage))
            : Status switch
            {
                MembershipStatus.Applied => Problem.Conflict(AlreadyApplied),
                MembershipStatus.Member => Problem.Conflict(AlreadyMember),
                MembershipStatus.Suspended => Problem.Conflict(Suspended),
                _ => null,
            });

    public void Apply(ApplyToSpace command, DateTimeOffset now)
    {
        // An invited firm that accepts the policy is in at once; anyone else waits for the admins.
        var status = Status == MembershipStatus.Invited ? MembershipStatus.Member : MembershipStatus.Applied;
        var message = command.Message.Clean();
        Record(new SpaceMember(FirmId, status, command.AcceptedPolicyVersion, message, null, now), command.ActorId, null, now);
    }

    /// <summary>
    /// A firm withdraws its application, or declines an invitation. Declining is this command, not one of its own:
    /// both end a step the firm has not completed and leave it free to apply later; the page offers it to an invited
    /// firm as "decline the invitation". Only the standing it leaves says which it was (<see cref="Withdraw"/>).
    /// </summary>
    public Problem? CheckWithdraw(MembershipContext context) =>
        GuardFirm(context) ?? (Status is not (MembershipStatus.Applied or MembershipStatus.Invited)
            ? Problem.Conflict(NothingToWithdraw) : null);

    public Problem? CheckLeave(MembershipContext context) =>
        GuardFirm(context) ?? (Status is not (MembershipStatus.Member or MembershipStatus.Suspended)
            ? Problem.Conflict(NotAMember) : null);

    /// <summary>An invited firm that steps back has declined; a firm that applied has withdrawn its application.</summary>
    public void Withdraw(Guid actorId, DateTimeOffset now) =>
        FirmStep(actorId, Status == MembershipStatus.Invited ? MembershipStatus.Declined : MembershipStatus.Withdrawn, now);

    /// <summary>The firm's own step (withdrawn, declined, left); what it accepted before is kept.</summary>
    public void FirmStep(Guid actorId, MembershipStatus to, DateTimeOffset now) =>
        Record(Standing! with { Status = to, Reason = null, Since = now }, actorId, null, now);

    /// <summary>
    /// A member accepts the policy version in force. Accepting the version it has already accepted is a conflict:
    /// it would change nothing yet store and announce a change, and the action is offered exactly while the firm's
    /// acceptance is pending (<see cref="PolicyAcceptance.Pending"/>), as a page that did not know it yet would ask.
    /// </summary>
    public Problem? CheckAcceptPolicy(AcceptPolicy command, MembershipContext context) =>
        GuardFirm(context)
        ?? (Status != MembershipStatus.Member ? Problem.Conflict(OnlyMembersAccept)
            : command.Version != context.Space!.Policy.Version ? Problem.Conflict(NotCurrentPolicy, ("version", context.Space.Policy.Version))
            : Standing!.AcceptedPolicyVersion == command.Version ? Problem.Conflict(PolicyAlreadyAccepted, ("version", command.Version))
            : null);

    public void AcceptPolicy(AcceptPolicy command)
    {
        Standing = Standing! with { AcceptedPolicyVersion = command.Version };
        Version++;
    }

    public Problem? CheckDecide(DecideMembership command, MembershipContext context) =>
        CheckDecision(command.Decision, context) ?? SpaceRules.CheckReason(command.Reason, NeedsReason(command.Decision));

    /// <summary>Whether the decision may be taken about this firm now, whatever reason the admin gives.</summary>
    Problem? CheckDecision(MembershipDecision decision, MembershipContext context) =>
        GuardAdmin(context)
        ?? (!Decisions.TryGetValue(decision, out var rule) ? Problem.Invalid("decision", UnknownDecision)
            : Status is { } status && rule.From.Contains(status) ? null
            : Status is { } standing ? Problem.Conflict(DecisionNotAllowed, ("status", standing), ("decision", decision))
            : Problem.Conflict(DecisionUnknownFirm, ("decision", decision)));

    /// <summary>Rejections, suspensions and removals must say why: the firm is shown the reason.</summary>
    public static bool NeedsReason(MembershipDecision decision) => Decisions.TryGetValue(decision, out var rule) && rule.NeedsReason;

    /// <summary>Whether the standing is one the admins chose and had to explain, so its reason is the firm's to read.</summary>
    public static bool Explained(MembershipStatus status) => Decisions.Values.Any(rule => rule.NeedsReason && rule.To == status);

    public void Decide(DecideMembership command, DateTimeOffset now)
    {
        var reason = command.Reason.Clean();
        Record(Standing! with { Status = Decisions[command.Decision].To, Reason = reason, Since = now }, command.ActorId, reason, now);
    }

    public Problem? CheckInvite(MembershipContext context) =>
        GuardAdmin(context)
        ?? (context.Firm is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", InviteNotAFirm)
            : Status switch
            {
                MembershipStatus.Member or MembershipStatus.Suspended => Problem.Conflict(AlreadyMember),
                MembershipStatus.Invited => Problem.Conflict(AlreadyInvited),
                MembershipStatus.Applied => Problem.Conflict(HasApplied),
                _ => null,
            });

    public void Invite(Guid actorId, DateTimeOffset now) =>
        Record(new SpaceMember(FirmId, MembershipStatus.Invited, null, null, null, now), actorId, null, now);

    public Problem? CheckVouch(MembershipContext context) =>
        GuardAdmin(context)
        ?? (Status != MembershipStatus.Member ? Problem.Conflict(VouchNotMember)
            // The firm's profile, not the admin's input, lacks what a vouch speaks for: a conflict, shown to the admin as why.
            : context.Firm is not { Size: { } size, VatNumber: { } vat } ? Problem.Conflict(NothingToVouch)
            : Vouch is { } v && v.Size == size && v.VatNumber == vat ? Problem.Conflict(AlreadyVouched)
            : null);

    public void VouchFor(MemberFirm firm, Guid actorId, DateTimeOffset now)
    {
        Vouch = new Vouch(firm.Size!.Value, firm.VatNumber!, actorId, now);
        Version++;
    }

    public Problem? CheckRevokeVouch(MembershipContext context) =>
        GuardAdmin(context) ?? (Vouch is null ? Problem.Conflict(NoVouch) : null);

    public void RevokeVouch()
    {
        Vouch = null;
        Version++;
    }

    /// <summary>
    /// Who may read and check a member's qualifications: the space's admins, while the firm is a member. The firm's own
    /// Owners and Managers, who know it is a member, are told the action is the admins'; anyone else gets the one answer
    /// an outsider gets, whether the space, the firm or the membership exists or not: the qualifications are private.
    /// </summary>
    public Problem? GuardQualifications(MembershipContext context) =>
        context.Space is not null && context.Firm is not null && !context.ActorIsAdmin && context.ActorActsForFirm && Status == MembershipStatus.Member
            ? Problem.Forbidden(SpaceState.NotAdmin)
            : context.Space is null || context.Firm is not { Kind: BusinessKind.Firm } || !context.ActorIsAdmin || Status != MembershipStatus.Member
            ? Problem.NotFound(QualificationsNotFound)
            : null;

    /// <summary>
    /// An admin checks what the firm records now, as read at <see cref="VouchQualification.Version"/> (an edit since is
    /// a conflict: the admin would vouch for content not seen), of a category the firm records (another category, or
    /// another firm's, is not found here, naming the field).
    /// </summary>
    public Problem? CheckVouchQualification(VouchQualification command, MembershipContext context, FirmQualifications current, int version) =>
        GuardQualifications(context)
        ?? (command.Version != version ? Problem.Conflict(QualificationsChanged, ("expected", command.Version), ("current", version))
            : Subject(command.Category, current) is { } missing ? missing
            : Checked.Any(v => v.Category == command.Category && QualificationDigests.Holds(v, current)) ? Problem.Conflict(AlreadyChecked)
            : null);

    /// <summary>The space's check replaces any older one of the same attestation or figures.</summary>
    public void VouchQualification(VouchQualification command, FirmQualifications current, DateTimeOffset now)
    {
        Checked.RemoveAll(v => v.Category == command.Category);
        Checked.Add(new QualificationVouch(command.Category, QualificationDigests.Of(current, command.Category)!, command.ActorId, now));
        Version++;
    }

    /// <summary>A check may be withdrawn whether or not it still holds: one that no longer holds shows nothing, but stays until withdrawn or replaced.</summary>
    public Problem? CheckWithdrawQualificationVouch(string? category, MembershipContext context) =>
        GuardQualifications(context) ?? (Checked.Any(v => v.Category == category) ? null : Problem.Conflict(NoCheck));

    public void WithdrawQualificationVouch(string? category)
    {
        Checked.RemoveAll(v => v.Category == category);
        Version++;
    }

    static Problem? Subject(string? category, FirmQualifications current) =>
        QualificationDigests.Of(current, category) is not null ? null
        : category is null ? Problem.NotFound(FiguresNotRecorded, ("field", "figures"))
        : Problem.NotFound(AttestationNotRecorded, ("field", "category"), ("category", category));

    /// <summary>
    /// What the viewer may do for the firm (one of theirs) now, judged by the rules its commands run with what the
    /// page would send: the policy version in force and no message. Refused for the viewer's role, nothing is offered.
    /// </summary>
    public ViewerActions<StandingAction> FirmActions(Guid viewerId, MembershipContext context)
    {
        var version = context.Space?.Policy.Version ?? 0;
        return ViewerActions<StandingAction>.Of(
            (StandingAction.Apply, CheckApply(new ApplyToSpace(viewerId, null, version), context)),
            (StandingAction.Withdraw, CheckWithdraw(context)),
            (StandingAction.Leave, CheckLeave(context)),
            (StandingAction.AcceptPolicy, CheckAcceptPolicy(new AcceptPolicy(viewerId, version), context)));
    }

    /// <summary>
    /// What the viewer may do about the firm as the space's admin now: each decision (whatever reason they would
    /// give), an invitation, the verified mark; and which of the decisions allowed must say why.
    /// </summary>
    public (ViewerActions<MembershipAction> Actions, MembershipDecision[] ReasonRequired) AdminActions(MembershipContext context)
    {
        var decisions = Enum.GetValues<MembershipDecision>();
        var actions = ViewerActions<MembershipAction>.Of([
            .. decisions.Select(d => (AsAction(d), CheckDecision(d, context))),
            (MembershipAction.Invite, CheckInvite(context)),
            (MembershipAction.Vouch, CheckVouch(context)),
            (MembershipAction.RevokeVouch, CheckRevokeVouch(context))]);
        return (actions, [.. decisions.Where(d => NeedsReason(d) && actions.Allows(AsAction(d)))]);
    }

    /// <summary>A decision as the admins' action of the same name.</summary>
    static MembershipAction AsAction(MembershipDecision decision) => Enum.Parse<MembershipAction>(decision.ToString());

    public MembershipSnapshot ToSnapshot() => new(SpaceId, FirmId, Standing!, [.. History], Vouch, Version);

    static Problem? GuardAdmin(MembershipContext context) =>
        context.Space is null ? Problem.NotFound(SpaceState.NotFound)
        : !context.ActorIsAdmin ? Problem.Forbidden(SpaceState.NotAdmin)
        : null;

    static Problem? GuardFirm(MembershipContext context) =>
        context.Space is null ? Problem.NotFound(SpaceState.NotFound)
        : !context.ActorActsForFirm ? Problem.Forbidden(NotFirmEditor)
        : context.Firm is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", MemberNotAFirm)
        : null;

    void Record(SpaceMember standing, Guid actorId, string? reason, DateTimeOffset now)
    {
        Standing = standing;
        History.Add(new MembershipEvent(FirmId, standing.Status, actorId, reason, now));
        Version++;
    }
}
