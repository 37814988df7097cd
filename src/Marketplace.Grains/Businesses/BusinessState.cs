using System.Text.Json.Serialization;

namespace Marketplace.Businesses;

/// <summary>The stored state of a business, with the rules that guard every change.</summary>
public sealed class BusinessState
{
    public Guid Id { get; set; }
    public BusinessKind Kind { get; set; }
    public BusinessProfile Profile { get; set; } = BusinessProfile.Named("");
    public List<BusinessMember> Members { get; set; } = [];

    /// <summary>Counts every change; zero means the business does not exist. Editors send it back to detect stale edits.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;

    public BusinessRole? RoleOf(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.Role;

    public bool CanEdit(Guid userId) => RoleOf(userId).CanEdit();

    public Outcome<BusinessProfile> CheckCreate(CreateBusiness command) =>
        Exists ? Problem.Conflict("This business already exists.")
        : !Enum.IsDefined(command.Kind) ? Problem.Invalid("kind", "Kind must be Firm, Association or Buyer.")
        : ProfileRules.Normalize(BusinessProfile.Named(command.Name));

    public void Create(Guid id, CreateBusiness command, BusinessProfile profile, DateTimeOffset now)
    {
        Id = id;
        Kind = command.Kind;
        Profile = profile;
        Members = [new BusinessMember(command.ActorId, BusinessRole.Owner)];
        CreatedAt = now;
        Touch(now);
    }

    public Outcome<BusinessProfile> CheckEdit(EditProfile command) =>
        GuardEditor(command.ActorId) ?? (command.ExpectedVersion != Version
            ? Problem.Conflict($"The profile was changed by someone else: you edited version {command.ExpectedVersion}, the current one is {Version}.")
            : ProfileRules.Normalize(command.Profile));

    public void Edit(BusinessProfile profile, DateTimeOffset now)
    {
        Profile = profile;
        Touch(now);
    }

    public Problem? CheckAddMember(AddBusinessMember command) =>
        GuardEditor(command.ActorId)
        ?? (command.Role is not (BusinessRole.Manager or BusinessRole.Viewer)
            ? Problem.Invalid("role", "A new member can be a Manager or a Viewer.")
            : command.UserId is not { } userId ? Problem.Invalid("email", "No registered user has this e-mail address.")
            : RoleOf(userId) is not null ? Problem.Conflict("This user is already a member of the business.")
            : null);

    public void AddMember(AddBusinessMember command, DateTimeOffset now)
    {
        Members.Add(new BusinessMember(command.UserId!.Value, command.Role));
        Touch(now);
    }

    public BusinessSnapshot ToSnapshot() => new(Id, Kind, Profile, [.. Members], Version, CreatedAt, UpdatedAt);

    Problem? GuardEditor(Guid actorId) =>
        !Exists ? Problem.NotFound("No business has this id.")
        : !CanEdit(actorId) ? Problem.Forbidden("Only the business's Owners and Managers may do this.")
        : null;

    void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
