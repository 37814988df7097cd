using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Tenders;

/// <summary>One stored link of a tender's audit chain: a tender or bid event, and the hash that ties it to the previous link.</summary>
public sealed record AuditLink(long Sequence, string Subject, string Kind, string Detail, DateTimeOffset At, string PreviousHash, string Hash);

/// <summary>
/// The tender's audit chain: each link's hash covers its own content and the previous link's hash, so changing,
/// removing or reordering any stored link breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The subject of a tender's own events; a bid's events name the bid's id.</summary>
    public const string TenderSubject = "tender";

    /// <summary>
    /// The subjects of an alliance's events and of its joint bid's. The tender's chain covers them, so nobody can
    /// rewrite them, but who was invited, declined or signed when is the alliance's own business: only its firms see
    /// these links; everyone else only sees that the whole chain holds.
    /// </summary>
    public static string AllianceSubject(Guid allianceId) => AlliancePrefix + allianceId.ToString("N");

    public static string JointBidSubject(Guid allianceId) => JointBidPrefix + allianceId.ToString("N");

    /// <summary>An alliance's or joint bid's subject: of <paramref name="allianceId"/>, or of any alliance.</summary>
    public static bool IsAlliances(string subject, Guid? allianceId = null) => allianceId is { } id
        ? subject == AllianceSubject(id) || subject == JointBidSubject(id)
        : subject.StartsWith(AlliancePrefix, StringComparison.Ordinal) || subject.StartsWith(JointBidPrefix, StringComparison.Ordinal);

    // "l" and "j" are not hex digits, so these never start a bid's subject (its id in "N" form).
    const string AlliancePrefix = "al-", JointBidPrefix = "jb-";

    public static string Hash(Guid tenderId, long sequence, string subject, string kind, string detail, DateTimeOffset at, string previousHash) =>
        Sha256Hex(string.Join('\n', tenderId.ToString("N"), sequence.ToString(CultureInfo.InvariantCulture), subject, kind, detail,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), previousHash));

    public static AuditLink Link(Guid tenderId, long sequence, string subject, AuditEvent e, string previousHash) =>
        new(sequence, subject, e.Kind, e.Detail, e.At, previousHash, Hash(tenderId, sequence, subject, e.Kind, e.Detail, e.At, previousHash));

    /// <summary>
    /// The sequence number of the first link that does not hold (wrong hash, wrong predecessor, a gap, a missing
    /// end when the recorded head says the chain is longer, or a last link that is not the recorded head); null when
    /// the whole chain verifies.
    /// </summary>
    public static long? FirstBroken(Guid tenderId, IReadOnlyList<AuditLink> links, long headSequence, string headHash)
    {
        var previous = Genesis;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Sequence != i + 1 || link.PreviousHash != previous
                || link.Hash != Hash(tenderId, link.Sequence, link.Subject, link.Kind, link.Detail, link.At, link.PreviousHash))
                return i + 1;
            previous = link.Hash;
        }
        if (links.Count != headSequence) return Math.Min(links.Count, headSequence) + 1;
        if (previous != (headSequence == 0 ? Genesis : headHash)) return headSequence;
        return null;
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
