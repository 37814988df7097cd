namespace Marketplace.Showcase;

/// <summary>Where a named partner stands on a showcase project.</summary>
[GenerateSerializer, Alias("Marketplace.PartnerConfirmation")]
public enum PartnerConfirmation
{
    Pending,
    Confirmed,
    Declined,
}

/// <summary>What a showcase project says: the work, the client, when, its value and CPV codes, and the partner firms.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseDetails")]
public sealed record ShowcaseDetails(
    string Title,
    string? Description,
    string? Client,
    int Year,
    Money? Value,
    string[] Cpv,
    Guid[] Partners);

/// <summary>What verified a showcase project as joint work.</summary>
[GenerateSerializer, Alias("Marketplace.ShowcaseVerifier")]
public enum ShowcaseVerifier
{
    /// <summary>The project is the work of a joint bid awarded on the platform.</summary>
    Award,
    /// <summary>An admin of a space every firm of the project belongs to confirmed it for the hosting association.</summary>
    Association,
}

/// <summary>
/// Who verified a showcase project: for an award, the tender (<paramref name="SourceId"/>) and its buyer
/// (<paramref name="VerifierId"/>); for an association, the space and its host. <paramref name="ActorId"/> is the
/// user whose step verified it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseVerification")]
public sealed record ShowcaseVerification(ShowcaseVerifier By, Guid SourceId, Guid VerifierId, Guid ActorId, DateTimeOffset At);

/// <summary>The award a won project comes from: the tender and the winning bid.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseAward")]
public sealed record ShowcaseAward(Guid TenderId, Guid BidId);

[GenerateSerializer, Immutable, Alias("Marketplace.ShowcasePartner")]
public sealed record ShowcasePartner(Guid FirmId, PartnerConfirmation Confirmation, string? Reason, DateTimeOffset Since);

/// <summary>
/// A completed joint project published by one firm. Partners confirm they are named; the project counts as verified
/// joint work (for endorsements and every verified mark) only when it comes from an award on the platform, or when
/// the hosting association confirmed this exact version after every partner did. An edit asks them all again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseSnapshot")]
public sealed record ShowcaseSnapshot(
    Guid Id,
    Guid PublisherId,
    ShowcaseDetails Details,
    ShowcasePartner[] Partners,
    int Version,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    ShowcaseVerification? Verification)
{
    public bool Verified => Verification is not null;

    public bool AllPartnersConfirmed => Partners.Length > 0 && Partners.All(p => p.Confirmation == PartnerConfirmation.Confirmed);

    /// <summary>The publisher and every named partner.</summary>
    public IEnumerable<Guid> Participants => [PublisherId, .. Partners.Select(p => p.FirmId)];
}

/// <summary>A firm publishes a project; <paramref name="Award"/> only when the platform publishes a won joint bid's work.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PublishShowcase")]
public sealed record PublishShowcase(Guid ActorId, Guid PublisherId, ShowcaseDetails Details, ShowcaseAward? Award = null);

/// <summary>A space admin confirms, for the hosting association, the current version of a project of its members.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.VerifyShowcase")]
public sealed record VerifyShowcase(Guid ActorId, Guid SpaceId, int Version);

[GenerateSerializer, Immutable, Alias("Marketplace.EditShowcase")]
public sealed record EditShowcase(Guid ActorId, int ExpectedVersion, ShowcaseDetails Details);

/// <summary>A named partner confirms or declines (with an optional reason) the current version.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AnswerShowcase")]
public sealed record AnswerShowcase(Guid ActorId, Guid PartnerId, bool Confirm, int Version, string? Reason);

/// <summary>One firm vouching for another's work, naming the verified project they delivered together.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Endorse")]
public sealed record Endorse(Guid ActorId, Guid ProjectId, string? Text);

[GenerateSerializer, Immutable, Alias("Marketplace.EndorsementSnapshot")]
public sealed record EndorsementSnapshot(Guid EndorserId, Guid EndorsedId, Guid ProjectId, string? Text, Guid ActorId, DateTimeOffset At);
