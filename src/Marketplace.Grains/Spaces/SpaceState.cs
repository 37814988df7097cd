using System.Text.Json.Serialization;
using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>The stored state of a space, with the rules that guard every change.</summary>
public sealed class SpaceState
{
    public Guid Id { get; set; }
    public Guid HostId { get; set; }
    public SpaceSettings Settings { get; set; } = new("", null, [], [], DirectoryVisibility.Public);
    public List<SpacePolicy> Policies { get; set; } = [];
    public List<Guid> Moderators { get; set; } = [];
    public List<SpaceMember> Members { get; set; } = [];
    public List<MembershipEvent> History { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;
    [JsonIgnore] public SpacePolicy Policy => Policies[^1];

    /// <summary>The admissible decisions: from which standings, to which, and whether the firm must be told why.</summary>
    static readonly Dictionary<MembershipDecision, (MembershipStatus[] From, MembershipStatus To, bool NeedsReason)> Decisions = new()
    {
        [MembershipDecision.Approve] = ([MembershipStatus.Applied], MembershipStatus.Member, false),
        [MembershipDecision.Reject] = ([MembershipStatus.Applied], MembershipStatus.Rejected, true),
        [MembershipDecision.Suspend] = ([MembershipStatus.Member], MembershipStatus.Suspended, true),
        [MembershipDecision.Reinstate] = ([MembershipStatus.Suspended], MembershipStatus.Member, false),
        [MembershipDecision.Remove] = ([MembershipStatus.Member, MembershipStatus.Suspended], MembershipStatus.Removed, true),
    };

    public bool IsAdmin(SpaceActor actor) => actor.HostEditor || Moderators.Contains(actor.UserId);

    public MembershipStatus? StatusOf(Guid firmId) => Members.FirstOrDefault(m => m.BusinessId == firmId)?.Status;

    public Outcome<SpaceSettings> CheckCreate(CreateSpace command, BusinessSnapshot? host)
    {
        if (Exists) return Problem.Conflict("This space already exists.");
        if (host is null) return Problem.Invalid("hostId", "No business has this id.");
        if (host.Kind != BusinessKind.Association) return Problem.Invalid("hostId", "Only an association can host a space.");
        if (host.RoleOf(command.ActorId) is not (BusinessRole.Owner or BusinessRole.Manager))
            return Problem.Forbidden("Only the association's Owners and Managers may create its spaces.");
        if (SpaceRules.CheckPolicy(command.PolicyText, "policyText") is { } badPolicy) return badPolicy;
        return SpaceRules.Normalize(command.Settings);
    }

    public void Create(Guid id, CreateSpace command, SpaceSettings settings, DateTimeOffset now)
    {
        Id = id;
        HostId = command.HostId;
        Settings = settings;
        Policies = [new SpacePolicy(1, command.PolicyText.Trim(), now)];
        CreatedAt = now;
        Touch(now);
    }

    public Outcome<SpaceSettings> CheckEditSettings(EditSpaceSettings command, SpaceActor actor) =>
        GuardAdmin(actor) ?? (command.ExpectedVersion != Version
            ? Problem.Conflict($"The space was changed by someone else: you edited version {command.ExpectedVersion}, the current one is {Version}.")
            : SpaceRules.Normalize(command.Settings));

    public void EditSettings(SpaceSettings settings, DateTimeOffset now)
    {
        Settings = settings;
        Touch(now);
    }

    public Problem? CheckPublishPolicy(PublishPolicy command, SpaceActor actor) =>
        GuardAdmin(actor) ?? SpaceRules.CheckPolicy(command.Text, "text");

    public void PublishPolicy(PublishPolicy command, DateTimeOffset now)
    {
        Policies.Add(new SpacePolicy(Policy.Version + 1, command.Text.Trim(), now));
        Touch(now);
    }

    /// <summary>Members who have not yet accepted the current policy version.</summary>
    public IEnumerable<SpaceMember> PendingPolicyAcceptance() =>
        Members.Where(m => m.Status == MembershipStatus.Member && m.AcceptedPolicyVersion != Policy.Version);

    public Problem? CheckApply(ApplyToSpace command, SpaceActor actor) =>
        GuardFirm(command.FirmId, actor)
        ?? (command.AcceptedPolicyVersion != Policy.Version
            ? Problem.Conflict($"The policy is now at version {Policy.Version}: read it and accept that version.")
            : command.Message?.Length > SpaceRules.MaxMessage ? Problem.Invalid("message", $"At most {SpaceRules.MaxMessage} characters.")
            : StatusOf(command.FirmId) switch
            {
                MembershipStatus.Applied => Problem.Conflict("This firm's application is already pending."),
                MembershipStatus.Member => Problem.Conflict("This firm is already a member."),
                MembershipStatus.Suspended => Problem.Conflict("This firm is suspended; the space's admins can reinstate it."),
                _ => null,
            });

    public void Apply(ApplyToSpace command, Guid actorId, DateTimeOffset now)
    {
        // An invited firm that accepts the policy is in at once; anyone else waits for the admins.
        var status = StatusOf(command.FirmId) == MembershipStatus.Invited ? MembershipStatus.Member : MembershipStatus.Applied;
        var message = string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim();
        Record(new SpaceMember(command.FirmId, status, command.AcceptedPolicyVersion, message, null, now), actorId, null, now);
    }

    public Problem? CheckWithdraw(FirmStep command, SpaceActor actor) =>
        GuardFirm(command.FirmId, actor)
        ?? (StatusOf(command.FirmId) != MembershipStatus.Applied ? Problem.Conflict("There is no pending application to withdraw.") : null);

    public Problem? CheckLeave(FirmStep command, SpaceActor actor) =>
        GuardFirm(command.FirmId, actor)
        ?? (StatusOf(command.FirmId) is not (MembershipStatus.Member or MembershipStatus.Suspended)
            ? Problem.Conflict("This firm is not a member of the space.") : null);

    /// <summary>Moves a firm to a standing of its own choosing (withdrawn, left), keeping what it accepted.</summary>
    public void FirmStep(FirmStep command, MembershipStatus to, DateTimeOffset now)
    {
        var current = Members.First(m => m.BusinessId == command.FirmId);
        Record(current with { Status = to, Reason = null, Since = now }, command.ActorId, null, now);
    }

    public Problem? CheckAcceptPolicy(AcceptPolicy command, SpaceActor actor) =>
        GuardFirm(command.FirmId, actor)
        ?? (StatusOf(command.FirmId) != MembershipStatus.Member ? Problem.Conflict("Only members accept policy versions.")
            : command.Version != Policy.Version ? Problem.Conflict($"The current policy version is {Policy.Version}.")
            : null);

    public void AcceptPolicy(AcceptPolicy command, DateTimeOffset now)
    {
        var index = Members.FindIndex(m => m.BusinessId == command.FirmId);
        Members[index] = Members[index] with { AcceptedPolicyVersion = command.Version };
        Touch(now);
    }

    public Problem? CheckDecide(DecideMembership command, SpaceActor actor)
    {
        if (GuardAdmin(actor) is { } no) return no;
        if (!Decisions.TryGetValue(command.Decision, out var rule)) return Problem.Invalid("decision", "Unknown decision.");
        if (SpaceRules.CheckReason(command.Reason, rule.NeedsReason) is { } bad) return bad;
        return StatusOf(command.FirmId) is { } status && rule.From.Contains(status) ? null
            : Problem.Conflict($"A firm that is {StatusOf(command.FirmId)?.ToString() ?? "not known to this space"} cannot be given '{command.Decision}'.");
    }

    public void Decide(DecideMembership command, DateTimeOffset now)
    {
        var current = Members.First(m => m.BusinessId == command.FirmId);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        Record(current with { Status = Decisions[command.Decision].To, Reason = reason, Since = now }, command.ActorId, reason, now);
    }

    public Problem? CheckInvite(InviteFirm command, SpaceActor actor, BusinessSnapshot? firm) =>
        GuardAdmin(actor)
        ?? (firm is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", "Only a registered firm can be invited.")
            : StatusOf(command.FirmId) switch
            {
                MembershipStatus.Member or MembershipStatus.Suspended => Problem.Conflict("This firm is already a member."),
                MembershipStatus.Invited => Problem.Conflict("This firm is already invited."),
                MembershipStatus.Applied => Problem.Conflict("This firm has applied: approve its application instead."),
                _ => null,
            });

    public void Invite(InviteFirm command, DateTimeOffset now) =>
        Record(new SpaceMember(command.FirmId, MembershipStatus.Invited, null, null, null, now), command.ActorId, null, now);

    public Problem? CheckSetModerator(SetModerator command, SpaceActor actor) =>
        !Exists ? Problem.NotFound("No space has this id.")
        // Moderators are appointed by the association itself, not by other moderators.
        : !actor.HostEditor ? Problem.Forbidden("Only the association's Owners and Managers appoint moderators.")
        : command.Moderator == Moderators.Contains(command.UserId)
            ? Problem.Conflict(command.Moderator ? "Already a moderator." : "Not a moderator.")
        : null;

    public void SetModerator(SetModerator command, DateTimeOffset now)
    {
        if (command.Moderator) Moderators.Add(command.UserId);
        else Moderators.Remove(command.UserId);
        Touch(now);
    }

    public SpaceSnapshot ToSnapshot() =>
        new(Id, HostId, Settings, Policy, [.. Moderators], [.. Members], [.. History], Version, CreatedAt, UpdatedAt);

    Problem? GuardAdmin(SpaceActor actor) =>
        !Exists ? Problem.NotFound("No space has this id.")
        : !IsAdmin(actor) ? Problem.Forbidden("Only the space's admins may do this.")
        : null;

    Problem? GuardFirm(Guid firmId, SpaceActor actor) =>
        !Exists ? Problem.NotFound("No space has this id.")
        : actor.Firm is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", "Only a registered firm can be a member of a space.")
        : !actor.ActsFor(firmId) ? Problem.Forbidden("Only the firm's Owners and Managers may do this.")
        : null;

    void Record(SpaceMember member, Guid actorId, string? reason, DateTimeOffset now)
    {
        var index = Members.FindIndex(m => m.BusinessId == member.BusinessId);
        if (index >= 0) Members[index] = member;
        else Members.Add(member);
        History.Add(new MembershipEvent(member.BusinessId, member.Status, actorId, reason, now));
        Touch(now);
    }

    void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
