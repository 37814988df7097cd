using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Marketplace.Qualifications;

/// <summary>
/// What an association's check of a qualification speaks for: the SHA-256 of the attestation's or figures' canonical
/// content. The one home of the rule "a check holds while the content is what was checked": a firm's edit of any field
/// (class, expiry, issuer, document; year, turnover, similar work) changes the digest and the mark no longer shows.
/// </summary>
public static class QualificationDigests
{
    /// <summary>
    /// Written field by field, not by serialising the record: the same attestation read back from its row (which keeps
    /// no document while none can be attached) or with amounts at another scale ("100" and "100.00") must hash the same.
    /// </summary>
    public static string Of(SoaAttestation a) => Sha256(JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["category"] = a.Category,
        ["class"] = a.Class.ToString(),
        ["expires"] = a.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["issuedBy"] = a.IssuedBy,
        ["document"] = a.Document?.Sha256,
    }));

    public static string Of(FinancialFigures f) => Sha256(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["lastYear"] = f.LastYear.ToString(CultureInfo.InvariantCulture),
        ["turnover"] = Amount(f.Turnover),
        ["similarWork"] = Amount(f.SimilarWork),
    }));

    /// <summary>The digest of the attestation of <paramref name="category"/> (the figures when null) as recorded now; null when none is.</summary>
    public static string? Of(FirmQualifications current, string? category) =>
        category is null ? current.Figures is { } f ? Of(f) : null
        : current.Attestations.FirstOrDefault(a => a.Category == category) is { } a ? Of(a) : null;

    /// <summary>Whether the check still speaks for what the firm records now.</summary>
    public static bool Holds(QualificationVouch vouch, FirmQualifications current) => Of(current, vouch.Category) == vouch.Digest;

    // Not the audit chain's helper: qualifications come before tenders (tenders read them), never the reverse.
    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    static string Amount(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
