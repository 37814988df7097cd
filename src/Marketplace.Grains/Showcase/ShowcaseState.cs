using System.Text.Json.Serialization;
using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Showcase;

/// <summary>
/// What verifying a project for an association needs: the space (null when it does not exist), whether the actor
/// administers it, and whether every firm of the project is a current member of it.
/// </summary>
public sealed record AssociationCheck(SpaceSnapshot? Space, bool ActorIsAdmin, bool AllFirmsMembers);

/// <summary>The stored state of a showcase project, with the rules that guard every change.</summary>
public sealed class ShowcaseState
{
    public Guid Id { get; set; }
    public Guid PublisherId { get; set; }
    public ShowcaseDetails? Details { get; set; }
    public List<ShowcasePartner> Partners { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public ShowcaseVerification? Verification { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;

    static bool Edits(BusinessSnapshot? firm, Guid actorId) => firm?.CanEdit(actorId) == true;

    public Problem? CheckPublish(PublishShowcase command, BusinessSnapshot? publisher) =>
        Exists ? Problem.Conflict("This project already exists.")
        : publisher is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", "Only a registered firm publishes showcase projects.")
        : !Edits(publisher, command.ActorId) ? Problem.Forbidden("Only the firm's Owners and Managers publish its projects.")
        : null;

    /// <param name="award">Set when the project is a won joint bid's work, as the tender's award shows.</param>
    public void Publish(Guid id, Guid publisherId, ShowcaseDetails details, ShowcaseVerification? award, DateTimeOffset now)
    {
        Id = id;
        PublisherId = publisherId;
        PublishedAt = now;
        Apply(details, now);
        Verification = award;
    }

    /// <summary>
    /// A won project is verified by its award: the bid won a lot of the tender, and every firm named bid in it.
    /// <paramref name="winners"/> are the firms of the winning bid, or null when the tender awarded it nothing.
    /// </summary>
    public static Outcome<ShowcaseVerification> CheckAward(PublishShowcase command, Guid buyerId, IReadOnlyCollection<Guid>? winners, DateTimeOffset now) =>
        command.Award is not { } award || winners is null ? Problem.Invalid("award", "No lot of this tender was awarded to this bid.")
        : !command.Details.Partners.Append(command.PublisherId).All(winners.Contains) ? Problem.Invalid("partners", "Only the firms of the winning bid are named in its project.")
        : new ShowcaseVerification(ShowcaseVerifier.Award, award.TenderId, buyerId, command.ActorId, now);

    public Problem? CheckEdit(EditShowcase command, BusinessSnapshot? publisher) =>
        !Exists ? Problem.NotFound("No showcase project has this id.")
        : !Edits(publisher, command.ActorId) ? Problem.Forbidden("Only the publishing firm's Owners and Managers edit the project.")
        : Verification?.By == ShowcaseVerifier.Award ? Problem.Conflict("This project is the work of an award on the platform: it says what the tender awarded and is not edited.")
        : command.ExpectedVersion != Version ? Problem.Conflict($"The project was changed meanwhile: the current version is {Version}.")
        : null;

    /// <summary>Sets the details; every partner and the association are asked (again) to confirm, because they confirm exact content.</summary>
    public void Apply(ShowcaseDetails details, DateTimeOffset now)
    {
        Details = details;
        Verification = null;
        Partners = [.. details.Partners.Select(id => new ShowcasePartner(id, PartnerConfirmation.Pending, null, now))];
        Version++;
        UpdatedAt = now;
    }

    public Problem? CheckAnswer(AnswerShowcase command, BusinessSnapshot? partner) =>
        !Exists ? Problem.NotFound("No showcase project has this id.")
        : Partners.All(p => p.FirmId != command.PartnerId) ? Problem.Invalid("partnerId", "This firm is not named as a partner of the project.")
        : !Edits(partner, command.ActorId) ? Problem.Forbidden("Only the partner firm's Owners and Managers answer for it.")
        : command.Version != Version ? Problem.Conflict($"The project changed: read version {Version} before answering.")
        : command.Reason?.Length > ShowcaseRules.MaxReason ? Problem.Invalid("reason", $"At most {ShowcaseRules.MaxReason} characters.")
        : null;

    public void Answer(AnswerShowcase command, DateTimeOffset now)
    {
        var index = Partners.FindIndex(p => p.FirmId == command.PartnerId);
        Partners[index] = new ShowcasePartner(command.PartnerId,
            command.Confirm ? PartnerConfirmation.Confirmed : PartnerConfirmation.Declined,
            command.Reason.Clean(), now);
        // The association confirmed work every partner stood by; a partner that now declines takes that away.
        if (!command.Confirm && Verification?.By == ShowcaseVerifier.Association) Verification = null;
        UpdatedAt = now;
    }

    public Problem? CheckVerify(VerifyShowcase command, AssociationCheck check) =>
        !check.ActorIsAdmin ? Problem.Forbidden("Only the admins of a space that every firm of the project belongs to verify it for the association.")
        : !Exists ? Problem.NotFound("No showcase project has this id.")
        : !check.AllFirmsMembers ? Problem.Forbidden($"Not every firm of the project is a member of \"{check.Space!.Settings.Name}\": only a space all of them belong to verifies it.")
        : command.Version != Version ? Problem.Conflict($"The project changed: read version {Version} before verifying it.")
        : Verification is not null ? Problem.Conflict("This project is already verified.")
        : !ToSnapshot().AllPartnersConfirmed ? Problem.Conflict("Every partner confirms the project first; then the association verifies it.")
        : null;

    public void Verify(VerifyShowcase command, Guid hostId, DateTimeOffset now)
    {
        Verification = new ShowcaseVerification(ShowcaseVerifier.Association, command.SpaceId, hostId, command.ActorId, now);
        UpdatedAt = now;
    }

    public ShowcaseSnapshot ToSnapshot() => new(Id, PublisherId, Details!, [.. Partners], Version, PublishedAt, UpdatedAt, Verification);
}

/// <summary>The stored endorsement of one firm by another, with its rules.</summary>
public sealed class EndorsementState
{
    public EndorsementSnapshot? Current { get; set; }

    public Problem? CheckEndorse(Endorse command, Guid endorserId, Guid endorsedId, BusinessSnapshot? endorser, ShowcaseSnapshot? project) =>
        endorserId == endorsedId ? Problem.Invalid("endorserFirmId", "A firm cannot endorse itself.")
        : endorser is null ? Problem.Invalid("endorserFirmId", "No business has this id.")
        : !endorser.CanEdit(command.ActorId)
            ? Problem.Forbidden("Only the endorsing firm's Owners and Managers endorse for it.")
        : Current is not null ? Problem.Conflict("This firm already endorses that firm.")
        : command.Text?.Length > ShowcaseRules.MaxEndorsement ? Problem.Invalid("text", $"At most {ShowcaseRules.MaxEndorsement} characters.")
        : project is null ? Problem.Invalid("projectId", "No showcase project has this id.")
        // The rule that makes endorsements worth reading: you vouch only for firms you verifiably worked with.
        : !project.Verified || !project.Participants.Contains(endorserId) || !project.Participants.Contains(endorsedId)
            ? Problem.Forbidden("Endorsements are only between firms that share a verified showcase project.")
        : null;

    public void Endorse(Endorse command, Guid endorserId, Guid endorsedId, DateTimeOffset now) =>
        Current = new EndorsementSnapshot(endorserId, endorsedId, command.ProjectId,
            command.Text.Clean(), command.ActorId, now);

    public Problem? CheckWithdraw(Guid actorId, BusinessSnapshot? endorser) =>
        Current is null ? Problem.NotFound("There is no such endorsement.")
        : endorser?.CanEdit(actorId) != true
            ? Problem.Forbidden("Only the endorsing firm's Owners and Managers withdraw its endorsements.")
        : null;
}
