using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Marketplace.Tenders;

/// <summary>The receipt digest: SHA-256 of the sealed bid's canonical JSON (fixed property order, camelCase, no spaces).</summary>
public static class BidSeal
{
    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static string Digest(SealedBid bid) => AuditChain.Sha256Hex(JsonSerializer.Serialize(bid, Canonical));

    /// <summary>The digest of a tender's details, recorded in its audit chain on publication and on each amendment.</summary>
    public static string Digest(TenderDetails details) => AuditChain.Sha256Hex(JsonSerializer.Serialize(details, Canonical));

    /// <summary>
    /// A fresh secret for one submission: 128 random bits (hex). The digest covers it, so the public digest of a bid
    /// whose every other field can be guessed (ids, the firm, a price to the cent) still cannot be matched by trying.
    /// </summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The audit chain's record of a receipt (<c>submission=N;digest=…</c>), the detail of a bid's BidSubmitted event.</summary>
    public static string ReceiptDetail(int submission, string digest) =>
        $"submission={submission.ToString(CultureInfo.InvariantCulture)};digest={digest}";

    /// <summary>The submission and digest of a <see cref="ReceiptDetail"/>; null when the detail is not one.</summary>
    public static (int Submission, string Digest)? ParseReceiptDetail(string detail)
    {
        var parts = detail.Split(';');
        return parts.Length == 2 && parts[0].StartsWith("submission=", StringComparison.Ordinal) && parts[1].StartsWith("digest=", StringComparison.Ordinal)
            && int.TryParse(parts[0]["submission=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var submission)
            ? (submission, parts[1]["digest=".Length..]) : null;
    }
}
