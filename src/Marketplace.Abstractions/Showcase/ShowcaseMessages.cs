namespace Marketplace.Showcase;

/// <summary>Where a named partner stands on a showcase project.</summary>
[GenerateSerializer, Alias("Marketplace.PartnerConfirmation")]
public enum PartnerConfirmation
{
    Pending,
    Confirmed,
    Declined,
}

/// <summary>Money as an amount in a currency (ISO 4217); never floating point.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Money")]
public sealed record Money(decimal Amount, string Currency);

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

[GenerateSerializer, Immutable, Alias("Marketplace.ShowcasePartner")]
public sealed record ShowcasePartner(Guid FirmId, PartnerConfirmation Confirmation, string? Reason, DateTimeOffset Since);

/// <summary>
/// A completed joint project published by one firm. It is verified only when every named partner has confirmed
/// this exact version: an edit asks them again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseSnapshot")]
public sealed record ShowcaseSnapshot(
    Guid Id,
    Guid PublisherId,
    ShowcaseDetails Details,
    ShowcasePartner[] Partners,
    int Version,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt)
{
    public bool Verified => Partners.Length > 0 && Partners.All(p => p.Confirmation == PartnerConfirmation.Confirmed);

    /// <summary>The publisher and every named partner.</summary>
    public IEnumerable<Guid> Participants => [PublisherId, .. Partners.Select(p => p.FirmId)];
}

[GenerateSerializer, Immutable, Alias("Marketplace.PublishShowcase")]
public sealed record PublishShowcase(Guid ActorId, Guid PublisherId, ShowcaseDetails Details);

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
