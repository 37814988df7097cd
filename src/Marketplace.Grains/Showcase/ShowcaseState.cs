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
    static readonly Refusal
        AlreadyExists = new("showcase.alreadyExists", "This project already exists."),
        PublisherNotAFirm = new("showcase.publisherNotAFirm", "Only a registered firm publishes showcase projects."),
        NotPublisherEditor = new("showcase.notPublisherEditor", "Only the firm's Owners and Managers publish its projects."),
        NotAwarded = new("showcase.notAwarded", "No lot of this tender was awarded to this bid."),
        NotWinners = new("showcase.notWinners", "Only the firms of the winning bid are named in its project."),
        NotEditor = new("showcase.notEditor", "Only the publishing firm's Owners and Managers edit the project."),
        AwardNotEdited = new("showcase.awardNotEdited", "This project is the work of an award on the platform: it says what the tender awarded and is not edited."),
        ChangedMeanwhile = new("showcase.changedMeanwhile", "The project was changed meanwhile: the current version is {version}."),
        NotAPartner = new("showcase.notAPartner", "This firm is not named as a partner of the project."),
        NotPartnerEditor = new("showcase.notPartnerEditor", "Only the partner firm's Owners and Managers answer for it."),
        ChangedBeforeAnswer = new("showcase.changedBeforeAnswer", "The project changed: read version {version} before answering."),
        ReasonLength = new("showcase.reasonLength", "At most {max} characters."),
        NotVerifierAdmin = new("showcase.notVerifierAdmin", "Only the admins of a space that every firm of the project belongs to verify it for the association."),
        NotAllMembers = new("showcase.notAllMembers", "Not every firm of the project is a member of \"{space}\": only a space all of them belong to verifies it."),
        ChangedBeforeVerify = new("showcase.changedBeforeVerify", "The project changed: read version {version} before verifying it."),
        AlreadyVerified = new("showcase.alreadyVerified", "This project is already verified."),
        NotAllConfirmed = new("showcase.notAllConfirmed", "Every partner confirms the project first; then the association verifies it.");

    public Guid Id { get; set; }
    public Guid PublisherId { get; set; }
    public ShowcaseDetails? Details { get; set; }
    public List<ShowcasePartner> Partners { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public ShowcaseVerification? Verification { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;

    /// <param name="publisher">The publishing firm as found (its kind); null when no business has its id.</param>
    /// <param name="actor">The actor's roles as <see cref="IActsFor"/> answers them, as every check below takes them.</param>
    public Problem? CheckPublish(PublishShowcase command, BusinessSnapshot? publisher, ActingFor actor) =>
        Exists ? Problem.Conflict(AlreadyExists)
        : publisher is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", PublisherNotAFirm)
        : !actor.Edits(command.PublisherId) ? Problem.Forbidden(NotPublisherEditor)
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
        command.Award is not { } award || winners is null ? Problem.Invalid("award", NotAwarded)
        : !command.Details.Partners.Append(command.PublisherId).All(winners.Contains) ? Problem.Invalid("partners", NotWinners)
        : new ShowcaseVerification(ShowcaseVerifier.Award, award.TenderId, buyerId, command.ActorId, now);

    public Problem? CheckEdit(EditShowcase command, ActingFor actor) =>
        !Exists ? Problem.NotFound(ShowcaseRules.NoSuchProject)
        : !actor.Edits(PublisherId) ? Problem.Forbidden(NotEditor)
        : Verification?.By == ShowcaseVerifier.Award ? Problem.Conflict(AwardNotEdited)
        : command.ExpectedVersion != Version ? Problem.Conflict(ChangedMeanwhile, ("version", Version))
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

    public Problem? CheckAnswer(AnswerShowcase command, ActingFor actor) =>
        !Exists ? Problem.NotFound(ShowcaseRules.NoSuchProject)
        : Partners.All(p => p.FirmId != command.PartnerId) ? Problem.Invalid("partnerId", NotAPartner)
        : !actor.Edits(command.PartnerId) ? Problem.Forbidden(NotPartnerEditor)
        : command.Version != Version ? Problem.Conflict(ChangedBeforeAnswer, ("version", Version))
        : command.Reason?.Length > ShowcaseRules.MaxReason ? Problem.Invalid("reason", ReasonLength, ("max", ShowcaseRules.MaxReason))
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
        !check.ActorIsAdmin ? Problem.Forbidden(NotVerifierAdmin)
        : !Exists ? Problem.NotFound(ShowcaseRules.NoSuchProject)
        : !check.AllFirmsMembers ? Problem.Forbidden(NotAllMembers, ("space", check.Space!.Settings.Name))
        : command.Version != Version ? Problem.Conflict(ChangedBeforeVerify, ("version", Version))
        : Verification is not null ? Problem.Conflict(AlreadyVerified)
        : !ToSnapshot().AllPartnersConfirmed ? Problem.Conflict(NotAllConfirmed)
        : null;

    public void Verify(VerifyShowcase command, Guid hostId, DateTimeOffset now)
    {
        Verification = new ShowcaseVerification(ShowcaseVerifier.Association, command.SpaceId, hostId, command.ActorId, now);
        UpdatedAt = now;
    }

    /// <summary>
    /// What the viewer may do with the project now, judged by the rules its commands run with what the page would
    /// send (the current version, no reason): edit it for the publisher, and answer for each of the viewer's firms
    /// named as a partner, and, in a space's showcase, verify it for the association. Refused for the viewer's role,
    /// nothing is offered.
    /// </summary>
    /// <param name="viewer">The viewer's roles as <see cref="IActsFor"/> answers them.</param>
    /// <param name="association">In a space's showcase: the space and what <see cref="CheckVerify"/> asks of it.</param>
    public ShowcaseViewerActions ViewFor(Guid viewerId, ActingFor viewer, AssociationCheck? association = null) => new(
        ViewerActions<ShowcaseAction>.Of(
            (ShowcaseAction.Edit, CheckEdit(new EditShowcase(viewerId, Version, Details!), viewer)),
            (ShowcaseAction.Verify, association is { Space: { } space }
                ? CheckVerify(new VerifyShowcase(viewerId, space.Id, Version), association) : Problem.Forbidden(NotVerifierAdmin))),
        [.. Partners.Where(p => viewer.Reads(p.FirmId)).Select(p => new ShowcaseViewerFirm(p.FirmId, ViewerActions<ShowcasePartnerAction>.Of(
            (ShowcasePartnerAction.Answer, CheckAnswer(new AnswerShowcase(viewerId, p.FirmId, true, Version, null), viewer)))))]);

    /// <summary>What the viewer may do with a business's showcase: publish a project for it, as <see cref="CheckPublish"/> judges a new one.</summary>
    /// <param name="business">The business as found (its kind); null when no business has its id.</param>
    public static ViewerActions<BusinessShowcaseAction> ActionsOn(Guid businessId, Guid viewerId, BusinessSnapshot? business, ActingFor viewer) =>
        ViewerActions<BusinessShowcaseAction>.Of((BusinessShowcaseAction.Publish,
            new ShowcaseState().CheckPublish(new PublishShowcase(viewerId, businessId, Unwritten), business, viewer)));

    /// <summary>The details of a project not written yet: <see cref="CheckPublish"/> reads none (<see cref="ShowcaseRules.Normalize"/> judges them).</summary>
    static readonly ShowcaseDetails Unwritten = new("", null, null, 0, null, [], []);

    public ShowcaseSnapshot ToSnapshot() => new(Id, PublisherId, Details!, [.. Partners], Version, PublishedAt, UpdatedAt, Verification);

    /// <summary>The state a snapshot shows, so that its viewer's actions are judged by the same rules (<see cref="ViewFor"/>).</summary>
    public static ShowcaseState From(ShowcaseSnapshot project) => new()
    {
        Id = project.Id, PublisherId = project.PublisherId, Details = project.Details, Partners = [.. project.Partners],
        Version = project.Version, PublishedAt = project.PublishedAt, UpdatedAt = project.UpdatedAt, Verification = project.Verification,
    };
}

/// <summary>The stored endorsement of one firm by another, with its rules.</summary>
public sealed class EndorsementState
{
    static readonly Refusal
        SelfEndorsement = new("endorsement.self", "A firm cannot endorse itself."),
        NotEndorserEditor = new("endorsement.notEndorserEditor", "Only the endorsing firm's Owners and Managers endorse for it."),
        AlreadyEndorses = new("endorsement.alreadyEndorses", "This firm already endorses that firm."),
        TextLength = new("endorsement.textLength", "At most {max} characters."),
        NoSharedProject = new("endorsement.noSharedProject", "Endorsements are only between firms that share a verified showcase project."),
        NoSuchEndorsement = new("endorsement.notFound", "There is no such endorsement."),
        NotWithdrawer = new("endorsement.notWithdrawer", "Only the endorsing firm's Owners and Managers withdraw its endorsements.");

    public EndorsementSnapshot? Current { get; set; }

    /// <param name="endorser">The endorsing firm as found; null when no business has its id.</param>
    /// <param name="actor">The actor's roles as <see cref="IActsFor"/> answers them.</param>
    public Problem? CheckEndorse(Endorse command, Guid endorserId, Guid endorsedId, BusinessSnapshot? endorser, ActingFor actor, ShowcaseSnapshot? project) =>
        endorserId == endorsedId ? Problem.Invalid("endorserFirmId", SelfEndorsement)
        : endorser is null ? Problem.Invalid("endorserFirmId", BusinessState.NotFound)
        : !actor.Edits(endorserId) ? Problem.Forbidden(NotEndorserEditor)
        : Current is not null ? Problem.Conflict(AlreadyEndorses)
        : command.Text?.Length > ShowcaseRules.MaxEndorsement ? Problem.Invalid("text", TextLength, ("max", ShowcaseRules.MaxEndorsement))
        : project is null ? Problem.Invalid("projectId", ShowcaseRules.NoSuchProject)
        // The rule that makes endorsements worth reading: you vouch only for firms you verifiably worked with.
        : !project.Verified || !project.Participants.Contains(endorserId) || !project.Participants.Contains(endorsedId)
            ? Problem.Forbidden(NoSharedProject)
        : null;

    public void Endorse(Endorse command, Guid endorserId, Guid endorsedId, DateTimeOffset now) =>
        Current = new EndorsementSnapshot(endorserId, endorsedId, command.ProjectId,
            command.Text.Clean(), command.ActorId, now);

    public Problem? CheckWithdraw(Guid endorserId, ActingFor actor) =>
        Current is null ? Problem.NotFound(NoSuchEndorsement)
        : !actor.Edits(endorserId) ? Problem.Forbidden(NotWithdrawer)
        : null;

    /// <summary>What the viewer may do with the endorsement: withdraw it for the endorsing firm.</summary>
    /// <param name="viewer">The viewer's roles as <see cref="IActsFor"/> answers them.</param>
    public ViewerActions<EndorsementAction> ActionsFor(Guid endorserId, ActingFor viewer) =>
        ViewerActions<EndorsementAction>.Of((EndorsementAction.Withdraw, CheckWithdraw(endorserId, viewer)));

    /// <summary>
    /// What the viewer may do for the endorsing firm about the endorsed one: endorse it naming one of
    /// <paramref name="projects"/>, each judged by <see cref="CheckEndorse"/> as the form would send it (no text), and
    /// the projects it may name.
    /// </summary>
    /// <param name="endorser">The endorsing firm as found; null when no business has its id.</param>
    /// <param name="viewer">The viewer's roles as <see cref="IActsFor"/> answers them.</param>
    public (ViewerActions<EndorserAction> Actions, ShowcaseSnapshot[] Projects) EndorseOptions(Guid viewerId, Guid endorserId, Guid endorsedId,
        BusinessSnapshot? endorser, ActingFor viewer, IEnumerable<ShowcaseSnapshot> projects)
    {
        var checks = projects.Select(p => (Project: p, Refusal: CheckEndorse(new Endorse(viewerId, p.Id, null), endorserId, endorsedId, endorser, viewer, p)))
            .ToList();
        ShowcaseSnapshot[] namable = [.. checks.Where(c => c.Refusal is null).Select(c => c.Project)];
        // A refusal about the firms comes before any about the project, so it is the same for every project named;
        // with no project to name at all, the firms share none.
        var refusal = namable.Length > 0 ? null : checks.FirstOrDefault().Refusal ?? Problem.Forbidden(NoSharedProject);
        return (ViewerActions<EndorserAction>.Of((EndorserAction.Endorse, refusal)), namable);
    }
}
