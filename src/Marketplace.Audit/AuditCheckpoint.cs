using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Tenders;

/// <summary>
/// A signed checkpoint: the Merkle root over every published tender's chain heads at one moment, signed with the
/// server's key (ECDSA P-256, SHA-256, the signature as r‖s in base64). Copies kept outside the server anchor the
/// chains: a later rewrite no longer matches a root signed before it.
/// </summary>
public sealed record AuditCheckpoint(long Number, DateTimeOffset At, int Tenders, string Root, string Signature)
{
    /// <summary>The exact bytes the signature covers.</summary>
    public static byte[] Payload(long number, DateTimeOffset at, int tenders, string root) => Encoding.UTF8.GetBytes(string.Join('\n',
        "marketplace-audit-checkpoint/1", number.ToString(CultureInfo.InvariantCulture), at.UtcTicks.ToString(CultureInfo.InvariantCulture),
        tenders.ToString(CultureInfo.InvariantCulture), root));

    public static string Sign(ECDsa key, long number, DateTimeOffset at, int tenders, string root) =>
        Convert.ToBase64String(key.SignData(Payload(number, at, tenders, root), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>Whether the signature is the holder of <paramref name="publicKeyPem"/>'s (a PEM "PUBLIC KEY").</summary>
    public bool SignedBy(string publicKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        var signature = new byte[Signature.Length];
        return Convert.TryFromBase64String(Signature, signature, out var length)
            && key.VerifyData(Payload(Number, At, Tenders, Root), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}

/// <summary>One step of an inclusion proof: the sibling's hash, and whether it sits on the left.</summary>
public sealed record MerkleStep(bool Left, string Hash);

/// <summary>
/// The Merkle tree of a checkpoint. A tender's leaf covers its public head in the clear and its sealed head only
/// blinded by a fresh random nonce per checkpoint, so watching checkpoints tells nobody when hidden events happened.
/// </summary>
public static class AuditMerkle
{
    public static string SealedCommitment(Guid tenderId, long sealedSequence, string sealedHash, string nonce) =>
        AuditChain.Sha256Hex(string.Join('\n', "sealed", tenderId.ToString("N"), sealedSequence.ToString(CultureInfo.InvariantCulture), sealedHash, nonce));

    public static string Leaf(Guid tenderId, long publicSequence, string publicHash, string sealedCommitment) =>
        AuditChain.Sha256Hex(string.Join('\n', "leaf", tenderId.ToString("N"), publicSequence.ToString(CultureInfo.InvariantCulture), publicHash, sealedCommitment));

    static string Node(string left, string right) => AuditChain.Sha256Hex(string.Join('\n', "node", left, right));

    /// <summary>The root over the leaves in order: pairs are hashed level by level, an odd last node moves up as it is; no leaf gives <see cref="AuditChain.Genesis"/>.</summary>
    public static string Root(IReadOnlyList<string> leaves)
    {
        if (leaves.Count == 0) return AuditChain.Genesis;
        var level = leaves.ToList();
        while (level.Count > 1) level = Up(level);
        return level[0];
    }

    /// <summary>The siblings from the leaf at <paramref name="index"/> up to the root.</summary>
    public static MerkleStep[] Proof(IReadOnlyList<string> leaves, int index)
    {
        var steps = new List<MerkleStep>();
        var level = leaves.ToList();
        while (level.Count > 1)
        {
            var sibling = index ^ 1;
            if (sibling < level.Count) steps.Add(new MerkleStep(sibling < index, level[sibling]));
            level = Up(level);
            index /= 2;
        }
        return [.. steps];
    }

    public static string RootFrom(string leaf, IEnumerable<MerkleStep> path) =>
        path.Aggregate(leaf, (hash, step) => step.Left ? Node(step.Hash, hash) : Node(hash, step.Hash));

    static List<string> Up(List<string> level) =>
        [.. Enumerable.Range(0, (level.Count + 1) / 2).Select(i => 2 * i + 1 < level.Count ? Node(level[2 * i], level[2 * i + 1]) : level[2 * i])];
}
