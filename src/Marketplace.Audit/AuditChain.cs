using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Tenders;

/// <summary>One stored link of a tender's audit chain: a tender or bid event, and the hash that ties it to the previous link.</summary>
public sealed record AuditLink(long Sequence, string Subject, string Kind, string Detail, DateTimeOffset At, string PreviousHash, string Hash);

/// <summary>
/// Which of a tender's two chains a link belongs to. The public chain holds the tender's own events, and anyone who
/// sees the tender verifies it; the sealed chain holds the bids' and alliances' events, whose number and timing are
/// nobody else's business until the bids are opened.
/// </summary>
public enum AuditChainKind
{
    Public,
    Sealed,
}

/// <summary>
/// A tender's audit chains: each link's hash covers its own content, its chain and the previous link's hash, so
/// changing, removing or reordering any stored link breaks every hash after it. The canonical form is in
/// docs/audit-chain.md.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The subject of a tender's own events (the public chain); a bid's events name the bid's id.</summary>
    public const string TenderSubject = "tender";

    /// <summary>
    /// The subjects of an alliance's events and of its joint bid's, in the tender's sealed chain: who was invited,
    /// declined or signed when is the alliance's own business, so only its firms read these links.
    /// </summary>
    public static string AllianceSubject(Guid allianceId) => AlliancePrefix + allianceId.ToString("N");

    public static string JointBidSubject(Guid allianceId) => JointBidPrefix + allianceId.ToString("N");

    /// <summary>An alliance's or joint bid's subject: of <paramref name="allianceId"/>, or of any alliance.</summary>
    public static bool IsAlliances(string subject, Guid? allianceId = null) => allianceId is { } id
        ? subject == AllianceSubject(id) || subject == JointBidSubject(id)
        : subject.StartsWith(AlliancePrefix, StringComparison.Ordinal) || subject.StartsWith(JointBidPrefix, StringComparison.Ordinal);

    /// <summary>The chain a subject's events go to: only the tender's own events are public.</summary>
    public static AuditChainKind ChainOf(string subject) => subject == TenderSubject ? AuditChainKind.Public : AuditChainKind.Sealed;

    // "l" and "j" are not hex digits, so these never start a bid's subject (its id in "N" form).
    const string AlliancePrefix = "al-", JointBidPrefix = "jb-";

    /// <summary>
    /// The detail the public opening link adds: the sealed chain's head at opening, so that from then on the bids'
    /// links can be checked against something public.
    /// </summary>
    public static string SealedHeadDetail(long sequence, string hash) => $"{SealedHeadKey}{sequence.ToString(CultureInfo.InvariantCulture)}:{hash}";

    public const string SealedHeadKey = "sealedHead=";

    /// <summary>The sealed head a link's detail records (<see cref="SealedHeadDetail"/>), if it records one.</summary>
    public static (long Sequence, string Hash)? SealedHeadIn(string detail) =>
        detail.Split(';').FirstOrDefault(p => p.StartsWith(SealedHeadKey, StringComparison.Ordinal)) is { } part
        && part[SealedHeadKey.Length..].Split(':') is [var sequence, var hash]
        && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, hash) : null;

    public static string Label(AuditChainKind chain) => chain == AuditChainKind.Public ? "public" : "sealed";

    public static string Hash(Guid tenderId, AuditChainKind chain, long sequence, string subject, string kind, string detail, DateTimeOffset at, string previousHash) =>
        Sha256Hex(string.Join('\n', tenderId.ToString("N"), Label(chain), sequence.ToString(CultureInfo.InvariantCulture), subject, kind, detail,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), previousHash));

    public static AuditLink Link(Guid tenderId, AuditChainKind chain, long sequence, string subject, string kind, string detail, DateTimeOffset at, string previousHash) =>
        new(sequence, subject, kind, detail, at, previousHash, Hash(tenderId, chain, sequence, subject, kind, detail, at, previousHash));

    /// <summary>
    /// The sequence number of the first link that does not hold (wrong hash, wrong predecessor, a gap, a missing
    /// end when the recorded head says the chain is longer, or a last link that is not the recorded head); null when
    /// the whole chain verifies.
    /// </summary>
    public static long? FirstBroken(Guid tenderId, AuditChainKind chain, IReadOnlyList<AuditLink> links, long headSequence, string headHash)
    {
        var previous = Genesis;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Sequence != i + 1 || link.PreviousHash != previous
                || link.Hash != Hash(tenderId, chain, link.Sequence, link.Subject, link.Kind, link.Detail, link.At, link.PreviousHash))
                return i + 1;
            previous = link.Hash;
        }
        if (links.Count != headSequence) return Math.Min(links.Count, headSequence) + 1;
        if (previous != (headSequence == 0 ? Genesis : headHash)) return headSequence;
        return null;
    }

    /// <summary>
    /// Whether a verified chain still holds an earlier head (e.g. one a checkpoint recorded): the link at that
    /// sequence has that hash. A chain that was cut back or rewritten since does not.
    /// </summary>
    public static bool Extends(IReadOnlyList<AuditLink> links, long sequence, string hash) =>
        sequence == 0 ? hash == Genesis : sequence <= links.Count && links[(int)sequence - 1].Hash == hash;

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
