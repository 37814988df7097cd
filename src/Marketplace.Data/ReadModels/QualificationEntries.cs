using Marketplace.Qualifications;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// One SOA attestation a firm records (expired ones too: the rules judge them by the day), written by
/// <see cref="BusinessProjector"/> with the firm's state, so the firms of a space that hold a category are found in
/// one query instead of one grain call per firm.
/// </summary>
public sealed class BusinessAttestationEntry
{
    public Guid BusinessId { get; set; }
    public required string Category { get; set; }
    public SoaClass Class { get; set; }
    public DateOnly Expires { get; set; }
    public required string IssuedBy { get; set; }
}

/// <summary>A firm's figures for services and supplies (<see cref="FinancialFigures"/>), one row when it records them.</summary>
public sealed class BusinessFiguresEntry
{
    public Guid BusinessId { get; set; }
    public int LastYear { get; set; }
    public decimal Turnover { get; set; }
    public decimal SimilarWork { get; set; }
}

/// <summary>
/// A space's check of a member firm's attestation (<see cref="Category"/>) or figures (null), mirrored from its
/// membership grain by <see cref="MembershipProjector"/>: the digest of what was checked, compared with the firm's
/// rows by <c>QualificationDigests</c> whenever a page shows the mark, so pages across firms read it in their queries.
/// </summary>
public sealed class QualificationCheckEntry
{
    public long Id { get; set; }
    public Guid SpaceId { get; set; }
    public Guid BusinessId { get; set; }
    public string? Category { get; set; }
    public required string Digest { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>
/// A firm's DGUE, one row when it keeps one: when it was last confirmed, for the alliance's qualification view to tell
/// each firm's DGUE current, to be confirmed or missing in its names query instead of one grain call per firm. Firms
/// that kept a DGUE before this row existed get theirs from <see cref="QualificationBackfill.RunDgues"/>.
/// </summary>
public sealed class BusinessDgueEntry
{
    public Guid BusinessId { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
}
