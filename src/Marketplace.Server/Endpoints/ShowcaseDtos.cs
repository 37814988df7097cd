using Marketplace.Showcase;

namespace Marketplace.Server.Endpoints;

public sealed record ShowcasePartnerDto(Guid FirmId, string FirmName, PartnerConfirmation Confirmation, string? Reason);

/// <summary>
/// Who verified a project: an award (<see cref="VerifierName"/> is the buyer that awarded it) or the association
/// hosting a space of its firms (<see cref="VerifierName"/> is the association).
/// </summary>
public sealed record ShowcaseVerificationDto(ShowcaseVerifier By, Guid VerifierId, string VerifierName, DateTimeOffset At);

/// <summary>
/// A showcase project; <see cref="Verified"/> (verified joint work, what endorsements need) when it comes from an
/// award on the platform or the hosting association confirmed this version, as <see cref="Verification"/> says.
/// </summary>
/// <param name="Actions">What the viewer may do with it for the publisher (<see cref="ShowcaseState.ViewFor"/>).</param>
/// <param name="ViewerFirms">The viewer's firms named in it as partners, and what the viewer may do for each.</param>
public sealed record ShowcaseDto(
    Guid Id, Guid PublisherId, string PublisherName, string Title, string? Description, string? Client, int Year, MoneyDto? Value,
    CapabilityDto[] Cpv, ShowcasePartnerDto[] Partners, bool Verified, int Version, DateTimeOffset PublishedAt, ShowcaseVerificationDto? Verification,
    ViewerActions<ShowcaseAction> Actions, ShowcaseViewerFirm[] ViewerFirms);

/// <summary>A business's showcase: the projects the viewer sees, and what the viewer may do with it (publish a project for it).</summary>
public sealed record BusinessShowcaseDto(ShowcaseDto[] Projects, ViewerActions<BusinessShowcaseAction> Actions);

public sealed record PublishShowcaseRequest(
    Guid FirmId, string? Title, [LongText] string? Description, string? Client, int Year, MoneyDto? Value, string[]? Cpv, Guid[]? Partners)
{
    public ShowcaseDetails ToDetails() => ShowcaseRequests.Details(Title, Description, Client, Year, Value, Cpv, Partners);
}

public sealed record EditShowcaseRequest(
    int Version, string? Title, [LongText] string? Description, string? Client, int Year, MoneyDto? Value, string[]? Cpv, Guid[]? Partners)
{
    public ShowcaseDetails ToDetails() => ShowcaseRequests.Details(Title, Description, Client, Year, Value, Cpv, Partners);
}

static class ShowcaseRequests
{
    public static ShowcaseDetails Details(string? title, string? description, string? client, int year, MoneyDto? value, string[]? cpv, Guid[]? partners) =>
        new(title ?? "", description, client, year, value?.ToMoney(), cpv ?? [], partners ?? []);
}

public sealed record AnswerShowcaseRequest(Guid PartnerId, bool? Confirm, int Version, [LongText] string? Reason);

/// <summary>An admin of <see cref="SpaceId"/> verifies version <see cref="Version"/> for the hosting association.</summary>
public sealed record VerifyShowcaseRequest(Guid SpaceId, int Version);

public sealed record EndorseRequest(Guid EndorserFirmId, Guid ProjectId, [LongText] string? Text);

/// <param name="Actions">What the viewer may do with the endorsement (withdraw it for the endorsing firm).</param>
public sealed record EndorsementDto(Guid EndorserId, string EndorserName, Guid EndorsedId, Guid ProjectId, string ProjectTitle, string? Text, DateTimeOffset At,
    ViewerActions<EndorsementAction> Actions);

/// <summary>A verified project an endorsing firm may name.</summary>
public sealed record EndorsableProjectDto(Guid Id, string Title, int Year);

/// <summary>
/// One of the viewer's firms that shares a verified project with the endorsed business, where the viewer may endorse
/// it for that firm (<see cref="Projects"/>: naming one of these) or is told why not now.
/// </summary>
public sealed record EndorserDto(Guid FirmId, string FirmName, EndorsableProjectDto[] Projects, ViewerActions<EndorserAction> Actions);

/// <summary>The endorsements a business received that stand, and the viewer's firms that may endorse it.</summary>
public sealed record EndorsementsDto(EndorsementDto[] Items, EndorserDto[] Endorsers);

/// <summary>Pushed to watchers of the project's firms and of their spaces.</summary>
public sealed record ShowcaseChangedDto(Guid ProjectId, int Version, bool Verified);

/// <summary>
/// Pushed to the watchers of the endorsed firm's page: <see cref="EndorserId"/> endorsed it or withdrew its endorsement.
/// The page reads the endorsements again, since what the viewer may do with them depends on who they are.
/// </summary>
public sealed record EndorsementChangedDto(Guid EndorsedId, Guid EndorserId);
