namespace Marketplace.Data.Audit;

/// <summary>A signed checkpoint, as stored; every one is kept, so its root and signature can be compared with copies taken earlier.</summary>
public sealed class AuditCheckpointEntry
{
    public long Number { get; set; }
    public DateTimeOffset At { get; set; }
    public int Tenders { get; set; }
    public required string Root { get; set; }
    public required string Signature { get; set; }
}

/// <summary>
/// A tender's leaf in the latest checkpoint (earlier checkpoints' leaves are dropped): its heads, and the nonce that
/// blinds its sealed head. The nonce is never published; it lets the server show later which sealed head it committed to.
/// </summary>
public sealed class AuditCheckpointLeafEntry
{
    public long Checkpoint { get; set; }
    public Guid TenderId { get; set; }
    public int Index { get; set; }
    public long PublicSequence { get; set; }
    public required string PublicHash { get; set; }
    public long SealedSequence { get; set; }
    public required string SealedHash { get; set; }
    public required string Nonce { get; set; }
    public required string SealedCommitment { get; set; }
}
