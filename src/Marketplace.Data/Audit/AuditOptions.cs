namespace Marketplace.Data.Audit;

/// <summary>Settings of the section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// The server's checkpoint signing key (an ECDSA P-256 private key, PEM), relative to the content root. It is made
    /// on first start (readable by its owner only) and must never be in the database or its backups: whoever holds it
    /// can sign checkpoints.
    /// </summary>
    public string SigningKeyFile { get; set; } = Path.Combine("data", "audit-signing.key");

    /// <summary>How often a checkpoint is signed over every tender's chain heads.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(10);
}
