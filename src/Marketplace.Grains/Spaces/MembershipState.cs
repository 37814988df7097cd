using System.Text.Json.Serialization;
using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>The stored standing of one firm in one space and its history, with the rules that guard every change.</summary>
public sealed class MembershipState
{
    public Guid SpaceId { get; set; }
    public Guid FirmId { get; set; }
    public SpaceMember? Standing { get; set; }
    public List<MembershipEvent> History { get; set; } = [];
    public Vouch? Vouch { get; set; }
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
            ? Problem.Conflict($"The policy is now at version {context.Space.Policy.Version}: read it and accept that version.")
            : command.Message?.Length > SpaceRules.MaxMessage ? Problem.Invalid("message", $"At most {SpaceRules.MaxMessage} characters.")
            : Status switch
            {
                MembershipStatus.Applied => Problem.Conflict("This firm's application is already pending."),
                MembershipStatus.Member => Problem.Conflict("This firm is already a member."),
                MembershipStatus.Suspended => Problem.Conflict("This firm is suspended; the space's admins can reinstate it."),
                _ => null,
            });

    public void Apply(ApplyToSpace command, DateTimeOffset now)
    {
        // An invited firm that accepts the policy is in at once; anyone else waits for the admins.
        var status = Status == MembershipStatus.Invited ? MembershipStatus.Member : MembershipStatus.Applied;
        var message = command.Message.Clean();
        Record(new SpaceMember(FirmId, status, command.AcceptedPolicyVersion, message, null, now), command.ActorId, null, now);
    }

    /// <summary>A firm withdraws its application, or declines an invitation.</summary>
    public Problem? CheckWithdraw(MembershipContext context) =>
        GuardFirm(context) ?? (Status is not (MembershipStatus.Applied or MembershipStatus.Invited)
            ? Problem.Conflict("There is no pending application or invitation to withdraw from.") : null);

    public Problem? CheckLeave(MembershipContext context) =>
        GuardFirm(context) ?? (Status is not (MembershipStatus.Member or MembershipStatus.Suspended)
            ? Problem.Conflict("This firm is not a member of the space.") : null);

    /// <summary>The firm's own step (withdrawn, left); what it accepted before is kept.</summary>
    public void FirmStep(Guid actorId, MembershipStatus to, DateTimeOffset now) =>
        Record(Standing! with { Status = to, Reason = null, Since = now }, actorId, null, now);

    public Problem? CheckAcceptPolicy(AcceptPolicy command, MembershipContext context) =>
        GuardFirm(context)
        ?? (Status != MembershipStatus.Member ? Problem.Conflict("Only members accept policy versions.")
            : command.Version != context.Space!.Policy.Version ? Problem.Conflict($"The current policy version is {context.Space.Policy.Version}.")
            : null);

    public void AcceptPolicy(AcceptPolicy command)
    {
        Standing = Standing! with { AcceptedPolicyVersion = command.Version };
        Version++;
    }

    public Problem? CheckDecide(DecideMembership command, MembershipContext context)
    {
        if (GuardAdmin(context) is { } no) return no;
        if (!Decisions.TryGetValue(command.Decision, out var rule)) return Problem.Invalid("decision", "Unknown decision.");
        if (SpaceRules.CheckReason(command.Reason, rule.NeedsReason) is { } bad) return bad;
        return Status is { } status && rule.From.Contains(status) ? null
            : Problem.Conflict($"A firm that is {Status?.ToString() ?? "not known to this space"} cannot be given '{command.Decision}'.");
    }

    public void Decide(DecideMembership command, DateTimeOffset now)
    {
        var reason = command.Reason.Clean();
        Record(Standing! with { Status = Decisions[command.Decision].To, Reason = reason, Since = now }, command.ActorId, reason, now);
    }

    public Problem? CheckInvite(MembershipContext context) =>
        GuardAdmin(context)
        ?? (context.Firm is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", "Only a registered firm can be invited.")
            : Status switch
            {
                MembershipStatus.Member or MembershipStatus.Suspended => Problem.Conflict("This firm is already a member."),
                MembershipStatus.Invited => Problem.Conflict("This firm is already invited."),
                MembershipStatus.Applied => Problem.Conflict("This firm has applied: approve its application instead."),
                _ => null,
            });

    public void Invite(Guid actorId, DateTimeOffset now) =>
        Record(new SpaceMember(FirmId, MembershipStatus.Invited, null, null, null, now), actorId, null, now);

    public Problem? CheckVouch(MembershipContext context) =>
        GuardAdmin(context)
        ?? (Status != MembershipStatus.Member ? Problem.Conflict("Only a current member can be vouched for.")
            : context.Firm?.Profile is not { Size: { } size, VatNumber: { } vat }
                ? Problem.Invalid("firm", "The firm's profile has no size class or VAT number to vouch for.")
            : Vouch is { } v && v.Size == size && v.VatNumber == vat ? Problem.Conflict("The association already vouches for these values.")
            : null);

    public void VouchFor(BusinessProfile profile, Guid actorId, DateTimeOffset now)
    {
        Vouch = new Vouch(profile.Size!.Value, profile.VatNumber!, actorId, now);
        Version++;
    }

    public Problem? CheckRevokeVouch(MembershipContext context) =>
        GuardAdmin(context) ?? (Vouch is null ? Problem.Conflict("There is no vouch to revoke.") : null);

    public void RevokeVouch()
    {
        Vouch = null;
        Version++;
    }

    public MembershipSnapshot ToSnapshot() => new(SpaceId, FirmId, Standing!, [.. History], Vouch, Version);

    static Problem? GuardAdmin(MembershipContext context) =>
        context.Space is null ? Problem.NotFound("No space has this id.")
        : !context.ActorIsAdmin ? Problem.Forbidden("Only the space's admins may do this.")
        : null;

    static Problem? GuardFirm(MembershipContext context) =>
        context.Space is null ? Problem.NotFound("No space has this id.")
        : !context.ActorActsForFirm ? Problem.Forbidden("Only the firm's Owners and Managers may do this.")
        : context.Firm is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", "Only a registered firm can be a member of a space.")
        : null;

    void Record(SpaceMember standing, Guid actorId, string? reason, DateTimeOffset now)
    {
        Standing = standing;
        History.Add(new MembershipEvent(FirmId, standing.Status, actorId, reason, now));
        Version++;
    }
}
