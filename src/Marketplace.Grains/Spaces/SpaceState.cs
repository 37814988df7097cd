using System.Text.Json.Serialization;
using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>The stored state of a space (settings, policy versions, moderators), with the rules that guard it.</summary>
public sealed class SpaceState
{
    public Guid Id { get; set; }
    public Guid HostId { get; set; }
    public SpaceSettings Settings { get; set; } = new("", null, [], [], DirectoryVisibility.Public);
    public List<SpacePolicy> Policies { get; set; } = [];
    public List<Guid> Moderators { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;
    [JsonIgnore] public SpacePolicy Policy => Policies[^1];

    public bool IsAdmin(SpaceActor actor) => Exists && (actor.HostEditor || Moderators.Contains(actor.UserId));

    public Outcome<SpaceSettings> CheckCreate(CreateSpace command, BusinessSnapshot? host)
    {
        if (Exists) return Problem.Conflict("This space already exists.");
        if (host is null) return Problem.Invalid("hostId", "No business has this id.");
        if (host.Kind != BusinessKind.Association) return Problem.Invalid("hostId", "Only an association can host a space.");
        if (!host.CanEdit(command.ActorId))
            return Problem.Forbidden("Only the association's Owners and Managers may create its spaces.");
        var settings = SpaceRules.Normalize(command.Settings);
        // Report a missing policy together with any settings errors, so the form is fixed in one round.
        if (SpaceRules.CheckPolicy(command.PolicyText, "policyText") is not { } badPolicy) return settings;
        return Problem.Invalid(new Dictionary<string, FieldProblem[]>(settings.Problem?.Errors ?? []) { ["policyText"] = badPolicy.Errors!["policyText"] });
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

    public Problem? CheckSetModerator(SetModerator command, SpaceActor actor) =>
        !Exists ? Problem.NotFound("No space has this id.")
        // Moderators are appointed by the association itself, not by other moderators.
        : !actor.HostEditor ? Problem.Forbidden("Only the association's Owners and Managers appoint moderators.")
        : command.UserId is not { } userId ? Problem.Invalid("email", "No registered user has this e-mail address.")
        : command.Moderator == Moderators.Contains(userId)
            ? Problem.Conflict(command.Moderator ? "Already a moderator." : "Not a moderator.")
        : null;

    public void SetModerator(SetModerator command, DateTimeOffset now)
    {
        if (command.Moderator) Moderators.Add(command.UserId!.Value);
        else Moderators.Remove(command.UserId!.Value);
        Touch(now);
    }

    public SpaceSnapshot ToSnapshot() => new(Id, HostId, Settings, Policy, [.. Moderators], Version, CreatedAt, UpdatedAt);

    Problem? GuardAdmin(SpaceActor actor) =>
        !Exists ? Problem.NotFound("No space has this id.")
        : !IsAdmin(actor) ? Problem.Forbidden("Only the space's admins may do this.")
        : null;

    void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
