using System.Text.Json.Serialization;
using Marketplace.Qualifications;

namespace Marketplace.Businesses;

/// <summary>The stored state of a business, with the rules that guard every change.</summary>
public sealed class BusinessState : IOwesMail
{
    public const int MaxEmail = 256, MaxInvitations = 50;

    /// <summary>How often an invitation's e-mail may be sent again: often enough for "it went to spam", never a mail cannon.</summary>
    public static readonly TimeSpan SendAgainEvery = TimeSpan.FromMinutes(10);

    public static readonly Refusal
        NotFound = new("business.notFound", "No business has this id."),
        NotAnEditor = new("business.notAnEditor", "Only the business's Owners and Managers may do this."),
        NotAMember = new("business.notAMember", "Only the business's members can see who acts for it."),
        InvitationsNotVisible = new("business.invitationsNotVisible", "Only the business's Owners and Managers see its pending invitations."),
        QualificationsNotVisible = new("business.qualificationsNotVisible", "Only the firm's people see its qualifications."),
        DgueNotFound = new("dgue.notFound", "No firm you act for has this id."),
        NotAFirm = new("business.notAFirm", "Only firms record qualifications: associations and buyers do not bid.");

    static readonly Refusal
        AlreadyExists = new("business.alreadyExists", "This business already exists."),
        UnknownKind = new("business.kindUnknown", "Kind must be Firm, Association or Buyer."),
        ChangedMeanwhile = new("business.changedMeanwhile", "The profile was changed by someone else: you edited version {expected}, the current one is {current}."),
        InviteRole = new("business.inviteRole", "Invite a Manager or a Viewer."),
        InviteEmail = new("business.inviteEmail", "Write an e-mail address."),
        SentRecently = new("business.invitationSentRecently", "This address was sent its invitation less than {minutes} minutes ago: send it again later."),
        TooManyInvitations = new("business.tooManyInvitations", "A business has at most {max} pending invitations: take some back first."),
        NoInvitationForYou = new("business.noInvitationForYou", "No invitation for you has this id."),
        AlreadyActsFor = new("business.alreadyActsFor", "You already act for this business."),
        NoPendingInvitation = new("business.noPendingInvitation", "No pending invitation has this id."),
        NoSuchMember = new("business.noSuchMember", "This person does not act for the business."),
        OwnerStays = new("business.ownerStays", "An Owner cannot be removed from the business.");

    public Guid Id { get; set; }
    public BusinessKind Kind { get; set; }
    public BusinessProfile Profile { get; set; } = BusinessProfile.Named("");
    public List<BusinessMember> Members { get; set; } = [];
    public List<BusinessInvitation> Invitations { get; set; } = [];

    /// <summary>The firms whose messages this one blocked (<see cref="FirmBlocks"/>).</summary>
    public List<FirmBlock> Blocked { get; set; } = [];

    /// <summary>A firm's SOA attestations and figures; read by its own people and, for an alliance's lots, by its alliances' firms.</summary>
    public FirmQualifications Qualifications { get; set; } = FirmQualifications.None;

    /// <summary>A firm's DGUE, reused across its bids; null until its Owners or Managers first answer it. Its own people read it.</summary>
    public FirmDgue? Dgue { get; set; }

    /// <summary>The logo, if any: its kind and digest; its bytes live in their own row.</summary>
    public BusinessLogo? Logo { get; set; }

    /// <summary>
    /// A new logo's bytes on their way to the logos row: set for the one write that stores <see cref="Logo"/>, so the
    /// row is written in the state's own transaction, never kept in the state's stored form.
    /// </summary>
    [JsonIgnore] public byte[]? LogoContent { get; set; }

    /// <summary>The e-mails the next write owes (an invitation's), stored with it in one transaction, never in the state.</summary>
    [JsonIgnore] public List<OutgoingMail> Outgoing { get; } = [];

    /// <summary>Counts every change; zero means the business does not exist. Editors send it back to detect stale edits.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;

    public BusinessRole? RoleOf(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.Role;

    public bool CanEdit(Guid userId) => RoleOf(userId).CanEdit();

    public Outcome<BusinessProfile> CheckCreate(CreateBusiness command) =>
        Exists ? Problem.Conflict(AlreadyExists)
        : !Enum.IsDefined(command.Kind) ? Problem.Invalid("kind", UnknownKind)
        : ProfileRules.Normalize(BusinessProfile.Named(command.Name), command.Kind);

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
            ? Problem.Conflict(ChangedMeanwhile, ("expected", command.ExpectedVersion), ("current", Version))
            : ProfileRules.Normalize(command.Profile, Kind));

    public void Edit(BusinessProfile profile, DateTimeOffset now)
    {
        Profile = profile;
        Touch(now);
    }

    public Outcome<FirmQualifications> CheckEditQualifications(EditQualifications command, DateTimeOffset now) =>
        GuardEditor(command.ActorId) ?? (command.ExpectedVersion != Version
            ? Problem.Conflict(ChangedMeanwhile, ("expected", command.ExpectedVersion), ("current", Version))
            : Kind != BusinessKind.Firm ? Problem.Conflict(NotAFirm)
            : QualificationInput.Normalize(command.Qualifications, QualificationRules.Today(now)));

    public void EditQualifications(FirmQualifications qualifications, DateTimeOffset now)
    {
        Qualifications = qualifications;
        Touch(now);
    }

    /// <summary>
    /// A firm's DGUE is its own people's business: to anyone else it does not exist (404, whatever exists), its Viewers
    /// read it, and only its Owners and Managers answer and confirm it, from the version they read.
    /// </summary>
    public Outcome<FirmDgue> CheckEditDgue(EditDgue command, DateTimeOffset now) =>
        CheckSeesDgue(Exists ? RoleOf(command.ActorId) : null) ?? CheckEditor(RoleOf(command.ActorId)) ?? (command.ExpectedVersion != Version
            ? Problem.Conflict(ChangedMeanwhile, ("expected", command.ExpectedVersion), ("current", Version))
            : Kind != BusinessKind.Firm ? Problem.Conflict(NotAFirm)
            : DgueRules.Normalize(command.Answers ?? [], command.Selection, Qualifications, command.ActorId, now));

    public void EditDgue(FirmDgue dgue, DateTimeOffset now)
    {
        Dgue = dgue;
        Touch(now);
    }

    /// <summary>Only the firm's people (any role) read its DGUE; everyone else is told no such firm.</summary>
    public static Problem? CheckSeesDgue(BusinessRole? role) => role is null ? Problem.NotFound(DgueNotFound) : null;

    /// <summary>A firm's qualifications are its own people's to read (any role).</summary>
    public static Problem? CheckSeesQualifications(BusinessRole? role) => role is null ? Problem.Forbidden(QualificationsNotVisible) : null;

    public Problem? CheckInvite(InviteToBusiness command, DateTimeOffset now) =>
        GuardEditor(command.ActorId)
        ?? (command.Role is not (BusinessRole.Manager or BusinessRole.Viewer) ? Problem.Invalid("role", InviteRole)
        : command.Email.Clean() is not { Length: <= MaxEmail } email || !IsEmail(email) ? Problem.Invalid("email", InviteEmail)
        : PendingFor(command.NormalizedEmail) is { } pending
            ? (now < pending.LastSent() + SendAgainEvery ? Problem.TooSoon(SentRecently, ("minutes", (int)SendAgainEvery.TotalMinutes)) : null)
        : CheckRoomToInvite(Invitations.Count));

    BusinessInvitation? PendingFor(string normalizedEmail) => Invitations.FirstOrDefault(i => i.NormalizedEmail == normalizedEmail);

    /// <summary>A business holds a bounded number of pending invitations: at the limit, some must be taken back first.</summary>
    public static Problem? CheckRoomToInvite(int pending) =>
        pending >= MaxInvitations ? Problem.Conflict(TooManyInvitations, ("max", MaxInvitations)) : null;

    public void Invite(InviteToBusiness command, DateTimeOffset now)
    {
        if (PendingFor(command.NormalizedEmail) is { } pending) Invitations[Invitations.IndexOf(pending)] = pending with { Role = command.Role, SentAgainAt = now };
        else Invitations.Add(new BusinessInvitation(command.InvitationId, command.Email.Trim(), command.NormalizedEmail, command.Role, command.ActorId, now));
        if (command.Mail is { } mail) Outgoing.Add(mail);
        Touch(now);
    }

    /// <summary>Only the person the invitation was made to hears of it; to anyone else it does not exist.</summary>
    public Problem? CheckAnswer(AnswerBusinessInvitation command) =>
        Invitations.FirstOrDefault(i => i.Id == command.InvitationId) is not { } invitation || invitation.NormalizedEmail != command.ActorNormalizedEmail
            ? Problem.NotFound(NoInvitationForYou)
        : command.Accept && RoleOf(command.ActorId) is not null ? Problem.Conflict(AlreadyActsFor)
        : null;

    public void Answer(AnswerBusinessInvitation command, DateTimeOffset now)
    {
        var invitation = Invitations.Single(i => i.Id == command.InvitationId);
        Invitations.Remove(invitation);
        if (command.Accept) Members.Add(new BusinessMember(command.ActorId, invitation.Role));
        Touch(now);
    }

    public Problem? CheckRevoke(Guid actorId, Guid invitationId) =>
        GuardEditor(actorId) ?? (Invitations.Any(i => i.Id == invitationId) ? null : Problem.NotFound(NoPendingInvitation));

    public void Revoke(Guid invitationId, DateTimeOffset now)
    {
        Invitations.RemoveAll(i => i.Id == invitationId);
        Touch(now);
    }

    /// <summary>Owners and Managers remove a Manager or a Viewer; an Owner stays (a business always has its Owner).</summary>
    public Problem? CheckRemoveMember(Guid actorId, Guid userId) =>
        !Exists ? Problem.NotFound(NotFound) : CheckRemoval(RoleOf(actorId), RoleOf(userId));

    /// <summary>Whether a person in <paramref name="actorRole"/> may remove one in <paramref name="memberRole"/> (null: none).</summary>
    public static Problem? CheckRemoval(BusinessRole? actorRole, BusinessRole? memberRole) =>
        CheckEditor(actorRole)
        ?? (memberRole switch
        {
            null => Problem.NotFound(NoSuchMember),
            BusinessRole.Owner => Problem.Conflict(OwnerStays),
            _ => null,
        });

    public void RemoveMember(Guid userId, DateTimeOffset now)
    {
        Members.RemoveAll(m => m.UserId == userId);
        Touch(now);
    }

    /// <summary>A logo is the business's to set or remove, as its profile is: its Owners and Managers.</summary>
    public Outcome<BusinessLogo?> CheckSetLogo(Guid actorId, LogoUpload? upload)
    {
        if (GuardEditor(actorId) is { } no) return no;
        if (upload is null) return (BusinessLogo?)null;
        var check = LogoImage.Check(upload);
        return check.Problem is { } bad ? bad : check.Value;
    }

    public void SetLogo(BusinessLogo? logo, byte[]? content, DateTimeOffset now)
    {
        Logo = logo;
        LogoContent = content;
        Touch(now);
    }

    /// <summary>Enough to be an address someone can sign in with; Identity has the final word when they register.</summary>
    static bool IsEmail(string email) =>
        email.IndexOf('@') is > 0 and var at && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);

    public BusinessSnapshot ToSnapshot() => new(Id, Kind, Profile.ForKind(Kind), [.. Members], Version, CreatedAt, UpdatedAt, [.. Invitations], Logo, Qualifications, [.. Blocked], Dgue);

    /// <summary>
    /// What a person in <paramref name="role"/> (null: no role) may do with the business now, each action judged by the
    /// rule its command (or guarded read) runs, with what the page would send. Refused for the role, an action is not
    /// offered; the checks of other features (drafting a tender for a buyer) are added where they are asked.
    /// </summary>
    public static IEnumerable<(BusinessAction Action, Problem? Refusal)> ActionChecks(BusinessRole? role, int pendingInvitations) =>
    [
        (BusinessAction.Edit, CheckEditor(role)),
        (BusinessAction.Invite, CheckEditor(role) ?? CheckRoomToInvite(pendingInvitations)),
        (BusinessAction.SeeMembers, CheckSeesMembers(role)),
        (BusinessAction.SeeInvitations, CheckSeesInvitations(role)),
    ];

    /// <summary>Any of the business's people sees who acts for it.</summary>
    public static Problem? CheckSeesMembers(BusinessRole? role) => role is null ? Problem.Forbidden(NotAMember) : null;

    /// <summary>The pending invitations are the business of those who make and take them back: its Owners and Managers.</summary>
    public static Problem? CheckSeesInvitations(BusinessRole? role) => role.CanEdit() ? null : Problem.Forbidden(InvitationsNotVisible);

    /// <summary>Profile edits, invitations and removals are for the business's Owners and Managers.</summary>
    static Problem? CheckEditor(BusinessRole? role) => role.CanEdit() ? null : Problem.Forbidden(NotAnEditor);

    Problem? GuardEditor(Guid actorId) =>
        !Exists ? Problem.NotFound(NotFound) : CheckEditor(RoleOf(actorId));

    public Problem? CheckBlock(Guid actorId, Guid firmId, bool firmIsFirm, bool blocked) =>
        GuardEditor(actorId) ?? (blocked ? FirmBlocks.CheckBlock(Id, firmId, firmIsFirm, Blocked) : null);

    /// <summary>Blocks or unblocks the firm; true when that changed anything (blocking twice, or unblocking a firm not blocked, changes nothing).</summary>
    public bool Block(Guid actorId, Guid firmId, bool blocked, DateTimeOffset now)
    {
        var had = Blocked.Any(b => b.FirmId == firmId);
        if (had == blocked) return false;
        if (blocked) Blocked.Add(new FirmBlock(firmId, actorId, now));
        else Blocked.RemoveAll(b => b.FirmId == firmId);
        Touch(now);
        return true;
    }

    void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
