using System.Security.Cryptography;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.Audit;

/// <summary>A chain read back from its rows: its links, and the first that does not hold (null when they all do).</summary>
public sealed record VerifiedChain(AuditLink[] Links, long? FirstBroken)
{
    public bool Holds => FirstBroken is null;
}

/// <summary>
/// Reads and verifies a tender's two audit chains, and signs the checkpoints that anchor every tender's heads
/// outside their rows. The canonical form and what each check proves are in docs/audit-chain.md.
/// </summary>
public sealed class AuditChains(AuditSigningKey key, MarketplaceClock clock)
{
    readonly SemaphoreSlim making = new(1, 1);

    public string PublicKeyPem => key.PublicKeyPem;

    /// <summary>The tender's public chain as anyone downloads it: links, head, the latest checkpoint and the tender's place in it.</summary>
    public async Task<AuditChainFile> Download(MarketplaceDbContext db, Guid tenderId, CancellationToken ct)
    {
        var head = await db.Tenders.AsNoTracking().Where(t => t.TenderId == tenderId).Select(t => new { t.AuditHeadSequence, t.AuditHeadHash }).SingleAsync(ct);
        var anchor = await Anchor(db, tenderId, ct);
        return new AuditChainFile(tenderId, await Links(db, tenderId, AuditChainKind.Public, ct), head.AuditHeadSequence, head.AuditHeadHash,
            anchor?.Checkpoint, anchor?.Inclusion);
    }

    /// <summary>The public chain, checked exactly as the offline verifier checks a download, with the server's own public key.</summary>
    public async Task<(AuditChainFile File, AuditVerdict Verdict)> Public(MarketplaceDbContext db, Guid tenderId, CancellationToken ct)
    {
        var file = await Download(db, tenderId, ct);
        return (file, AuditChainCheck.Check(file, key.PublicKeyPem));
    }

    /// <summary>
    /// The sealed chain of a tender (its bids', alliances' and joint bids' links, in order), verified against its
    /// head, against the sealed head the latest checkpoint committed to, and against the one the public opening link
    /// recorded: a link rewritten or cut off since either of them is found.
    /// </summary>
    public async Task<VerifiedChain> Sealed(MarketplaceDbContext db, Guid tenderId, CancellationToken ct)
    {
        var head = await db.Tenders.AsNoTracking().Where(t => t.TenderId == tenderId).Select(t => new { t.SealedHeadSequence, t.SealedHeadHash }).SingleAsync(ct);
        var links = await Links(db, tenderId, AuditChainKind.Sealed, ct);
        if (AuditChain.FirstBroken(tenderId, AuditChainKind.Sealed, links, head.SealedHeadSequence, head.SealedHeadHash) is { } broken)
            return new VerifiedChain(links, broken);
        var recorded = new List<(long Sequence, string Hash)>();
        if (await Anchor(db, tenderId, ct) is { } anchor && anchor.Holds(tenderId, key.PublicKeyPem))
            recorded.Add((anchor.Leaf.SealedSequence, anchor.Leaf.SealedHash));
        var opening = await db.AuditEntries.AsNoTracking()
            .Where(e => e.TenderId == tenderId && e.Chain == AuditChainKind.Public && e.Detail.Contains(AuditChain.SealedHeadKey))
            .Select(e => e.Detail).FirstOrDefaultAsync(ct);
        if (opening is not null && AuditChain.SealedHeadIn(opening) is { } atOpening) recorded.Add(atOpening);
        var lost = recorded.Where(r => !AuditChain.Extends(links, r.Sequence, r.Hash)).Select(r => Math.Min(links.Length + 1, Math.Max(r.Sequence, 1))).ToList();
        return new VerifiedChain(links, lost.Count > 0 ? lost.Min() : null);
    }

    /// <summary>The latest checkpoints, newest first.</summary>
    public async Task<AuditCheckpoint[]> Checkpoints(MarketplaceDbContext db, int take, CancellationToken ct) =>
        [.. (await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Number).Take(take).ToListAsync(ct)).Select(ToCheckpoint)];

    /// <summary>
    /// Signs a new checkpoint over every published tender's heads, each sealed head blinded by a fresh nonce, and
    /// keeps its leaves in place of the previous checkpoint's. One at a time in this process; two servers making one
    /// at once collide on its number and the later fails (it is made again at the next interval).
    /// </summary>
    public async Task<AuditCheckpoint> Checkpoint(MarketplaceDbContext db, CancellationToken ct)
    {
        await making.WaitAsync(ct);
        try
        {
            var heads = await db.Tenders.AsNoTracking().Where(t => t.Status != TenderStatus.Draft)
                .Select(t => new { t.TenderId, t.AuditHeadSequence, t.AuditHeadHash, t.SealedHeadSequence, t.SealedHeadHash }).ToListAsync(ct);
            var number = (await db.AuditCheckpoints.MaxAsync(c => (long?)c.Number, ct) ?? 0) + 1;
            var leaves = heads.OrderBy(h => h.TenderId).Select((h, i) =>
            {
                var nonce = RandomNumberGenerator.GetHexString(64, lowercase: true);
                return new AuditCheckpointLeafEntry
                {
                    Checkpoint = number, TenderId = h.TenderId, Index = i, PublicSequence = h.AuditHeadSequence, PublicHash = h.AuditHeadHash,
                    SealedSequence = h.SealedHeadSequence, SealedHash = h.SealedHeadHash, Nonce = nonce,
                    SealedCommitment = AuditMerkle.SealedCommitment(h.TenderId, h.SealedHeadSequence, h.SealedHeadHash, nonce),
                };
            }).ToList();
            var at = clock.GetUtcNow();
            var root = AuditMerkle.Root([.. leaves.Select(LeafHash)]);
            var entry = new AuditCheckpointEntry { Number = number, At = at, Tenders = leaves.Count, Root = root, Signature = key.Sign(number, at, leaves.Count, root) };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.AuditCheckpointLeaves.Where(l => l.Checkpoint < number).ExecuteDeleteAsync(ct);
            db.AuditCheckpoints.Add(entry);
            db.AuditCheckpointLeaves.AddRange(leaves);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ToCheckpoint(entry);
        }
        finally
        {
            making.Release();
        }
    }

    static async Task<AuditLink[]> Links(MarketplaceDbContext db, Guid tenderId, AuditChainKind chain, CancellationToken ct) =>
        [.. (await db.AuditEntries.AsNoTracking().Where(e => e.TenderId == tenderId && e.Chain == chain).OrderBy(e => e.Sequence).ToListAsync(ct)).Select(e => e.ToLink())];

    /// <summary>The latest checkpoint and the tender's leaf in it with its path to the root, as stored (checked by whoever reads it).</summary>
    static async Task<CheckpointAnchor?> Anchor(MarketplaceDbContext db, Guid tenderId, CancellationToken ct)
    {
        if (await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct) is not { } checkpoint) return null;
        var leaves = await db.AuditCheckpointLeaves.AsNoTracking().Where(l => l.Checkpoint == checkpoint.Number).OrderBy(l => l.Index).ToListAsync(ct);
        var index = leaves.FindIndex(l => l.TenderId == tenderId);
        if (index < 0) return null;
        var leaf = leaves[index];
        var path = AuditMerkle.Proof([.. leaves.Select(LeafHash)], index);
        return new CheckpointAnchor(ToCheckpoint(checkpoint), leaf, new AuditInclusion(index, leaf.PublicSequence, leaf.PublicHash, leaf.SealedCommitment, path));
    }

    sealed record CheckpointAnchor(AuditCheckpoint Checkpoint, AuditCheckpointLeafEntry Leaf, AuditInclusion Inclusion)
    {
        /// <summary>The signature holds, the leaf leads to the signed root, and its nonce opens its sealed commitment.</summary>
        public bool Holds(Guid tenderId, string publicKeyPem) => Checkpoint.SignedBy(publicKeyPem)
            && AuditMerkle.RootFrom(LeafHash(Leaf), Inclusion.Path) == Checkpoint.Root
            && AuditMerkle.SealedCommitment(tenderId, Leaf.SealedSequence, Leaf.SealedHash, Leaf.Nonce) == Leaf.SealedCommitment;
    }

    static string LeafHash(AuditCheckpointLeafEntry l) => AuditMerkle.Leaf(l.TenderId, l.PublicSequence, l.PublicHash, l.SealedCommitment);

    static AuditCheckpoint ToCheckpoint(AuditCheckpointEntry c) => new(c.Number, c.At, c.Tenders, c.Root, c.Signature);
}
