using Marketplace.Businesses;

namespace Marketplace.Alliances;

/// <summary>A firm's part in an alliance (RTI): the lead (mandataria), a member (mandante) or a subcontractor.</summary>
[GenerateSerializer, Alias("Marketplace.AllianceRole")]
public enum AllianceRole
{
    Lead,
    Member,
    Subcontractor,
}

/// <summary>Where a firm stands with an alliance.</summary>
[GenerateSerializer, Alias("Marketplace.AllianceStanding")]
public enum AllianceStanding
{
    Invited,
    Active,
    Declined,
    Left,
    Removed,
}

/// <summary>
/// A firm in an alliance: its role and standing, and the version of the alliance's agreement it accepted (null
/// until it accepts one).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AllianceMember")]
public sealed record AllianceMember(Guid FirmId, AllianceRole Role, AllianceStanding Standing, int? AcceptedAgreement, string? Reason, DateTimeOffset Since);

/// <summary>One version of the alliance's agreement terms (the accordo di RTI / contratto di rete).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AllianceAgreement")]
public sealed record AllianceAgreement(int Version, string Text, DateTimeOffset PublishedAt);

/// <summary>
/// Forms an alliance in a space, led by <paramref name="LeadId"/>: for one tender, or (no tender) a standing
/// alliance (rete d'impresa) reusable across tenders.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FormAlliance")]
public sealed record FormAlliance(Guid ActorId, Guid LeadId, Guid SpaceId, Guid? TenderId, string Name, string AgreementText);

/// <summary>
/// A standing alliance (rete d'impresa) <paramref name="ReteId"/> forms an RTI for a tender of its space in one step:
/// led by the rete's lead, with each of its active firms invited and its agreement as the RTI's first terms.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FormRtiFromRete")]
public sealed record FormRtiFromRete(Guid ActorId, Guid ReteId, Guid TenderId);

/// <summary>
/// A firm an alliance is to take in (its lead, or a firm invited) as the rules need to judge it: its business's kind
/// (null when no business has the id) and whether it is a member of the alliance's space.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AllianceFirm")]
public sealed record AllianceFirm(Guid FirmId, BusinessKind? Kind, bool InSpace);

[GenerateSerializer, Immutable, Alias("Marketplace.InviteToAlliance")]
public sealed record InviteToAlliance(Guid ActorId, Guid FirmId, AllianceRole Role);

/// <summary>An invited firm accepts (accepting the agreement version it read) or declines.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AnswerAllianceInvitation")]
public sealed record AnswerAllianceInvitation(Guid ActorId, Guid FirmId, bool Accept, int AgreementVersion);

[GenerateSerializer, Immutable, Alias("Marketplace.AcceptAllianceAgreement")]
public sealed record AcceptAllianceAgreement(Guid ActorId, Guid FirmId, int Version);

[GenerateSerializer, Immutable, Alias("Marketplace.RemoveFromAlliance")]
public sealed record RemoveFromAlliance(Guid ActorId, Guid FirmId, string Reason);

[GenerateSerializer, Immutable, Alias("Marketplace.AllianceEvent")]
public sealed record AllianceEvent(int Sequence, string Kind, Guid FirmId, Guid ActorId, string? Reason, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Marketplace.AllianceSnapshot")]
public sealed record AllianceSnapshot(
    Guid Id,
    Guid SpaceId,
    Guid? TenderId,
    string Name,
    Guid LeadId,
    AllianceMember[] Members,
    AllianceAgreement Agreement,
    AllianceEvent[] History,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? FormedFrom = null)
{
    /// <summary>The firms taking part now: the lead, members and subcontractors that accepted.</summary>
    public IEnumerable<AllianceMember> Active => Members.Where(m => m.Standing == AllianceStanding.Active);

    public bool IsActive(Guid firmId) => Active.Any(m => m.FirmId == firmId);

    /// <summary>An active firm that accepted the agreement in force (new terms ask every other firm to accept again).</summary>
    public bool HasAcceptedAgreement(Guid firmId) => Active.Any(m => m.FirmId == firmId && m.AcceptedAgreement == Agreement.Version);

    public bool IsInvited(Guid firmId) => Members.Any(m => m.FirmId == firmId && m.Standing == AllianceStanding.Invited);

    /// <summary>Who bids, and signs the joint bid: the lead and the active members (subcontractors work for them, they do not bid).</summary>
    public IEnumerable<Tenders.Tenderer> Tenderers() => Active.Where(m => m.Role != AllianceRole.Subcontractor)
        .Select(m => new Tenders.Tenderer(m.FirmId, m.Role == AllianceRole.Lead ? Tenders.TendererRole.Lead : Tenders.TendererRole.Member));

    /// <summary>The alliance as the tender's bids see it.</summary>
    public Tenders.JointBidder AsBidder() => new(LeadId, TenderId, [.. Active.Select(m => m.FirmId)], [.. Tenderers()]);
}
