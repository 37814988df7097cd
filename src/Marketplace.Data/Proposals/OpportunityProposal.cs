namespace Marketplace.Data.Proposals;

/// <summary>
/// An OCDS release package a member firm found on a buyer's platform and proposes to its space's admins
/// (docs/open-data.md, "A firm proposes"). The package was checked whole when proposed and is kept until an admin
/// imports it (exactly as an upload, with the admin's authority) or declines it with a reason; then it is dropped.
/// </summary>
public sealed class OpportunityProposal
{
    public const int MaxFileName = 200, MaxNote = 1000, MaxReason = 1000, MaxOpportunities = 100_000, MaxResult = 200_000;

    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }

    /// <summary>The firm that proposes it, a member of the space.</summary>
    public Guid FirmId { get; set; }

    /// <summary>The Owner or Manager of the firm who proposed it.</summary>
    public Guid ProposedBy { get; set; }

    public DateTimeOffset ProposedAt { get; set; }
    public string FileName { get; set; } = "";
    public string Note { get; set; } = "";

    /// <summary>What the package holds, as read when proposed (JSON: ocid, title, buyer, deadline), shown to the admins before they import.</summary>
    public string Opportunities { get; set; } = "[]";

    /// <summary>The package as the firm sent it; null once decided.</summary>
    public byte[]? Package { get; set; }

    public ProposalStatus Status { get; set; }

    /// <summary>
    /// The admin who imported or declined it, and when; while <see cref="ProposalStatus.Importing"/>, when the import
    /// began (an import a dying node left behind may be taken up again after a while).
    /// </summary>
    public Guid? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why an admin declined it, for the firm to read.</summary>
    public string? Reason { get; set; }

    /// <summary>What the import did (JSON, the import's own answer), once imported.</summary>
    public string? Result { get; set; }
}

public enum ProposalStatus
{
    Waiting,
    Importing,
    Imported,
    Declined,
    Withdrawn,
}
