using System.Text.Json.Serialization;
using Marketplace.Businesses;

namespace Marketplace.Showcase;

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

    [JsonIgnore] public bool Exists => Version > 0;

    static bool Edits(BusinessSnapshot? firm, Guid actorId) => firm?.CanEdit(actorId) == true;

    public Problem? CheckPublish(PublishShowcase command, BusinessSnapshot? publisher) =>
        Exists ? Problem.Conflict("This project already exists.")
        : publisher is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", "Only a registered firm publishes showcase projects.")
        : !Edits(publisher, command.ActorId) ? Problem.Forbidden("Only the firm's Owners and Managers publish its projects.")
        : null;

    public void Publish(Guid id, Guid publisherId, ShowcaseDetails details, DateTimeOffset now)
    {
        Id = id;
        PublisherId = publisherId;
        PublishedAt = now;
        Apply(details, now);
    }

    public Problem? CheckEdit(EditShowcase command, BusinessSnapshot? publisher) =>
        !Exists ? Problem.NotFound("No showcase project has this id.")
        : !Edits(publisher, command.ActorId) ? Problem.Forbidden("Only the publishing firm's Owners and Managers edit the project.")
        : command.ExpectedVersion != Version ? Problem.Conflict($"The project was changed meanwhile: the current version is {Version}.")
        : null;

    /// <summary>Sets the details; every partner is asked (again) to confirm, because they confirm exact content.</summary>
    public void Apply(ShowcaseDetails details, DateTimeOffset now)
    {
        Details = details;
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
        UpdatedAt = now;
    }

    public ShowcaseSnapshot ToSnapshot() => new(Id, PublisherId, Details!, [.. Partners], Version, PublishedAt, UpdatedAt);
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
