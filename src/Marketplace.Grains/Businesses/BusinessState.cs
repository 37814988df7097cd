using System.Text.Json.Serialization;

namespace Marketplace.Businesses;

/// <summary>The stored state of a business, with the rules that guard every change.</summary>
public sealed class BusinessState
{
    public const int MaxEmail = 256, MaxInvitations = 50;

    public Guid Id { get; set; }
    public BusinessKind Kind { get; set; }
    public BusinessProfile Profile { get; set; } = BusinessProfile.Named("");
    public List<BusinessMember> Members { get; set; } = [];
    public List<BusinessInvitation> Invitations { get; set; } = [];

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

    public Problem? CheckInvite(InviteToBusiness command) =>
        GuardEditor(command.ActorId)
        ?? (command.Role is not (BusinessRole.Manager or BusinessRole.Viewer) ? Problem.Invalid("role", "Invite a Manager or a Viewer.")
        : command.Email.Clean() is not { Length: <= MaxEmail } email || !IsEmail(email) ? Problem.Invalid("email", "Write an e-mail address.")
        : Invitations.Any(i => i.NormalizedEmail == command.NormalizedEmail) ? Problem.Conflict("This address already has a pending invitation.")
        : Invitations.Count >= MaxInvitations ? Problem.Conflict($"A business has at most {MaxInvitations} pending invitations: take some back first.")
        : null);

    public void Invite(InviteToBusiness command, DateTimeOffset now)
    {
        Invitations.Add(new BusinessInvitation(command.InvitationId, command.Email.Trim(), command.NormalizedEmail, command.Role, command.ActorId, now));
        Touch(now);
    }

    /// <summary>Only the person the invitation was made to hears of it; to anyone else it does not exist.</summary>
    public Problem? CheckAnswer(AnswerBusinessInvitation command) =>
        Invitations.FirstOrDefault(i => i.Id == command.InvitationId) is not { } invitation || invitation.NormalizedEmail != command.ActorNormalizedEmail
            ? Problem.NotFound("No invitation for you has this id.")
        : command.Accept && RoleOf(command.ActorId) is not null ? Problem.Conflict("You already act for this business.")
        : null;

    public void Answer(AnswerBusinessInvitation command, DateTimeOffset now)
    {
        var invitation = Invitations.Single(i => i.Id == command.InvitationId);
        Invitations.Remove(invitation);
        if (command.Accept) Members.Add(new BusinessMember(command.ActorId, invitation.Role));
        Touch(now);
    }

    public Problem? CheckRevoke(Guid actorId, Guid invitationId) =>
        GuardEditor(actorId) ?? (Invitations.Any(i => i.Id == invitationId) ? null : Problem.NotFound("No pending invitation has this id."));

    public void Revoke(Guid invitationId, DateTimeOffset now)
    {
        Invitations.RemoveAll(i => i.Id == invitationId);
        Touch(now);
    }

    /// <summary>Enough to be an address someone can sign in with; Identity has the final word when they register.</summary>
    static bool IsEmail(string email) =>
        email.IndexOf('@') is > 0 and var at && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);

    public BusinessSnapshot ToSnapshot() => new(Id, Kind, Profile, [.. Members], Version, CreatedAt, UpdatedAt, [.. Invitations]);

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
