using System.Text.Json.Serialization;
using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>The stored state of a space (settings, policy versions, moderators), with the rules that guard it.</summary>
public sealed class SpaceState
{
    public static readonly Refusal
        NotFound = new("space.notFound", "No space has this id."),
        NotAdmin = new("space.notAdmin", "Only the space's admins may do this.");

    static readonly Refusal
        AlreadyExists = new("space.alreadyExists", "This space already exists."),
        HostNotAssociation = new("space.hostNotAssociation", "Only an association can host a space."),
        NotHostEditor = new("space.notHostEditor", "Only the association's Owners and Managers may create its spaces."),
        ChangedMeanwhile = new("space.changedMeanwhile", "The space was changed by someone else: you edited version {expected}, the current one is {current}."),
        NotModeratorAppointer = new("space.notModeratorAppointer", "Only the association's Owners and Managers appoint moderators."),
        NoSuchUser = new("space.noSuchUser", "No registered user has this e-mail address."),
        AlreadyModerator = new("space.alreadyModerator", "Already a moderator."),
        NotModerator = new("space.notModerator", "Not a moderator.");

    public Guid Id { get; set; }
    public Guid HostId { get; set; }
    public SpaceSettings Settings { get; set; } = new("", null, [], [], DirectoryVisibility.Public);
    public List<SpacePolicy> Policies { get; set; } = [];
    public List<Guid> Moderators { get; set; } = [];
    /// <summary>The admins' targets per quarter and measure (spaces stored before targets existed read none).</summary>
    public List<OutcomeTarget> Targets { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;
    [JsonIgnore] public SpacePolicy Policy => Policies[^1];

    public bool IsAdmin(SpaceActor actor) => Exists && actor.Administers(Moderators);

    /// <param name="actor">The actor, judged against the association that is to host the space.</param>
    public Outcome<SpaceSettings> CheckCreate(CreateSpace command, BusinessSnapshot? host, SpaceActor actor)
    {
        if (Exists) return Problem.Conflict(AlreadyExists);
        if (CheckHost(host?.Kind, actor) is { } badHost) return badHost;
        var settings = SpaceRules.Normalize(command.Settings);
        // Report a missing policy together with any settings errors, so the form is fixed in one round.
        if (SpaceRules.CheckPolicy(command.PolicyText, "policyText") is not { } badPolicy) return settings;
        return Problem.Invalid(new Dictionary<string, FieldProblem[]>(settings.Problem?.Errors ?? []) { ["policyText"] = badPolicy.Errors!["policyText"] });
    }

    /// <summary>
    /// Whether the actor may create a space hosted by a business of this kind (null: no business has the id): the
    /// part of <see cref="CheckCreate"/> that is about the host, which also lists the hosts a form offers.
    /// </summary>
    /// <param name="actor">The actor, judged against that business.</param>
    public static Problem? CheckHost(BusinessKind? hostKind, SpaceActor actor) =>
        hostKind is null ? Problem.Invalid("hostId", BusinessState.NotFound)
        : hostKind != BusinessKind.Association ? Problem.Invalid("hostId", HostNotAssociation)
        : !actor.HostEditor ? Problem.Forbidden(NotHostEditor)
        : null;

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
            ? Problem.Conflict(ChangedMeanwhile, ("expected", command.ExpectedVersion), ("current", Version))
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
        GuardAppointer(actor)
        ?? (command.UserId is not { } userId ? Problem.Invalid("email", NoSuchUser)
        : command.Moderator == Moderators.Contains(userId)
            ? Problem.Conflict(command.Moderator ? AlreadyModerator : NotModerator)
        : null);

    public void SetModerator(SetModerator command, DateTimeOffset now)
    {
        if (command.Moderator) Moderators.Add(command.UserId!.Value);
        else Moderators.Remove(command.UserId!.Value);
        Touch(now);
    }

    /// <summary>The admin first (anyone else learns nothing of the targets), then the quarter and each target.</summary>
    public Outcome<Quarter> CheckSetTargets(SetOutcomeTargets command, SpaceActor actor, DateTimeOffset now) =>
        GuardAdmin(actor) is { } no ? no : OutcomeTargets.Check(command, Quarter.Of(CreatedAt), Quarter.Of(now));

    public void SetTargets(Quarter quarter, OutcomeTargetChange[] changes, DateTimeOffset now)
    {
        foreach (var change in changes)
        {
            Targets.RemoveAll(t => t.Quarter == quarter && t.Measure == change.Measure);
            if (change.Value is { } value) Targets.Add(new OutcomeTarget(quarter, change.Measure!.Value, value));
        }
        Touch(now);
    }

    /// <summary>
    /// What the actor may do with the space now, judged by the guards its commands run before they read what the
    /// admin enters (the settings, a policy text, a person to appoint), which is judged when it is sent. Refused for
    /// the actor's role, nothing is offered.
    /// </summary>
    public ViewerActions<SpaceAction> ActionsFor(SpaceActor actor) =>
        ViewerActions<SpaceAction>.Of(
            (SpaceAction.EditSettings, GuardAdmin(actor)),
            (SpaceAction.PublishPolicy, GuardAdmin(actor)),
            (SpaceAction.SetModerator, GuardAppointer(actor)));

    public SpaceSnapshot ToSnapshot() => new(Id, HostId, Settings, Policy, [.. Moderators], Version, CreatedAt, UpdatedAt, [.. Targets]);

    Problem? GuardAdmin(SpaceActor actor) =>
        !Exists ? Problem.NotFound(NotFound)
        : !IsAdmin(actor) ? Problem.Forbidden(NotAdmin)
        : null;

    Problem? GuardAppointer(SpaceActor actor) =>
        !Exists ? Problem.NotFound(NotFound)
        // Moderators are appointed by the association itself, not by other moderators.
        : !actor.HostEditor ? Problem.Forbidden(NotModeratorAppointer)
        : null;

    void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
