using System.Text.Json;

namespace Marketplace.Tenders;

/// <summary>The receipt digest: SHA-256 of the sealed bid's canonical JSON (fixed property order, camelCase, no spaces).</summary>
public static class BidSeal
{
    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static string Digest(SealedBid bid) => AuditChain.Sha256Hex(JsonSerializer.Serialize(bid, Canonical));

    /// <summary>The digest of a tender's details, recorded in its audit chain on publication and on each amendment.</summary>
    public static string Digest(TenderDetails details) => AuditChain.Sha256Hex(JsonSerializer.Serialize(details, Canonical));
}
