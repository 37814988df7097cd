namespace Marketplace.Tenders;

/// <summary>
/// A tender's public chain as downloaded from GET /api/tenders/{id}/audit/chain: the links, the head recorded with
/// the tender, the latest signed checkpoint and where the tender's heads sit in it. The offline verifier reads it.
/// </summary>
public sealed record AuditChainFile(Guid TenderId, AuditLink[] Links, long HeadSequence, string HeadHash, AuditCheckpoint? Checkpoint, AuditInclusion? Inclusion);

/// <summary>The tender's leaf in a checkpoint (its public head and its blinded sealed head) and the path from it to the root.</summary>
public sealed record AuditInclusion(int Index, long PublicSequence, string PublicHash, string SealedCommitment, MerkleStep[] Path);

/// <summary>What a check of a downloaded chain found, from the first thing that does not hold.</summary>
public enum AuditFinding
{
    /// <summary>Every link holds, the checkpoint is signed by the given key, it includes the tender's head, and the chain extends that head.</summary>
    Holds,
    /// <summary>A link does not hold (see <see cref="AuditVerdict.FirstBroken"/>).</summary>
    BrokenLink,
    /// <summary>The links hold, but no checkpoint covers the tender yet (it was published after the latest one).</summary>
    NotCheckpointed,
    /// <summary>The checkpoint's signature is not the given key's.</summary>
    BadSignature,
    /// <summary>The tender's leaf does not lead to the checkpoint's signed root.</summary>
    NotIncluded,
    /// <summary>The chain no longer holds the head the checkpoint recorded: it was cut back or rewritten since.</summary>
    Rewritten,
}

public sealed record AuditVerdict(AuditFinding Finding, long? FirstBroken);

public static class AuditChainCheck
{
    /// <summary>Checks a downloaded public chain against the server's public key (PEM), offline.</summary>
    public static AuditVerdict Check(AuditChainFile file, string publicKeyPem)
    {
        if (AuditChain.FirstBroken(file.TenderId, AuditChainKind.Public, file.Links, file.HeadSequence, file.HeadHash) is { } broken)
            return new(AuditFinding.BrokenLink, broken);
        if (file.Checkpoint is not { } checkpoint || file.Inclusion is not { } inclusion) return new(AuditFinding.NotCheckpointed, null);
        if (!checkpoint.SignedBy(publicKeyPem)) return new(AuditFinding.BadSignature, null);
        var leaf = AuditMerkle.Leaf(file.TenderId, inclusion.PublicSequence, inclusion.PublicHash, inclusion.SealedCommitment);
        if (AuditMerkle.RootFrom(leaf, inclusion.Path) != checkpoint.Root) return new(AuditFinding.NotIncluded, null);
        return AuditChain.Extends(file.Links, inclusion.PublicSequence, inclusion.PublicHash)
            ? new(AuditFinding.Holds, null)
            : new(AuditFinding.Rewritten, Math.Min(file.Links.Length + 1, Math.Max(inclusion.PublicSequence, 1)));
    }
}
