using System.Text.Json;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The firms' DGUEs in a joint bid: what a sign-off records of its firm's DGUE, why a sign-off no longer counts once
/// that DGUE changed, and the DGUEs as sealed with the bid.
/// </summary>
public static class JointBidDgues
{
    /// <summary>What a sign-off records for a firm that keeps no DGUE (no SHA-256 looks like it).</summary>
    public const string None = "none";

    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static readonly Refusal Changed = new("jointBid.dgueChanged",
        "{firms} changed the DGUE after signing: the sign-off no longer counts, and the firm signs the bid again.");

    public static readonly Refusal Missing = new("jointBid.dgueMissing",
        "{firms}: no DGUE yet. The firm's Owners or Managers answer it on its page before the bid goes in.");

    public static readonly Refusal Stale = new("jointBid.dgueStale",
        "{firms}: DGUE confirmed more than six months ago. The firm's Owners or Managers confirm it again on its page before the bid goes in.");

    /// <summary>
    /// A DGUE as it goes into the sealed bid: its criteria resolved to the attestations and figures the firm records
    /// now (one it no longer records is left out: it declares nothing any more).
    /// </summary>
    public static BidDgue Sealed(Guid firmId, FirmDgue dgue, FirmQualifications held) =>
        new(firmId, dgue.Answers, [.. held.Attestations.Where(a => dgue.Selection.Categories.Contains(a.Category))],
            dgue.Selection.Figures ? held.Figures : null, dgue.ConfirmedAt);

    /// <summary>
    /// What a firm's sign-off approves of its DGUE: SHA-256 of the DGUE exactly as it would be sealed now (answers, the
    /// attestations and figures it points at as recorded, when it was confirmed), or <see cref="None"/>. A firm that
    /// answers, confirms or changes its DGUE, or what its criteria point at, after signing has another digest.
    /// </summary>
    public static string Digest(Guid firmId, FirmDgue? dgue, FirmQualifications held) =>
        dgue is null ? None : AuditChain.Sha256Hex(JsonSerializer.Serialize(Sealed(firmId, dgue, held), Canonical));

    /// <summary>The firm's DGUE digest as it stands now, with its name and when it was confirmed (<see cref="JointBidState.DguesNow"/>).</summary>
    public static DgueNow Now(BusinessSnapshot firm) =>
        new(Digest(firm.Id, firm.Dgue, firm.Qualifications ?? FirmQualifications.None), firm.Profile.Name, firm.Dgue?.ConfirmedAt);

    /// <summary>
    /// Whether the firm's DGUE is no longer the one its sign-off approved. Only known when the DGUEs were read now
    /// (<see cref="JointBidState.DguesNow"/>), and only for sign-offs that recorded one.
    /// </summary>
    public static bool DgueChangedSince(this JointBidState bid, SignOff signOff) =>
        signOff.Dgue is not null && bid.DguesNow?.GetValueOrDefault(signOff.FirmId) is { } now && now.Digest != signOff.Dgue;

    /// <summary>The firms that signed the current content but changed their DGUE since, named: the lead may not submit until they sign again.</summary>
    public static IEnumerable<Problem> ChangedDgues(this JointBidState bid)
    {
        var digest = bid.Digest;
        var changed = bid.SignOffs.Where(s => s.Digest == digest && bid.DgueChangedSince(s)).Select(s => bid.DguesNow![s.FirmId].Name).ToList();
        return changed.Count == 0 ? [] : [Problem.Conflict(Changed, ("firms", string.Join(", ", changed)))];
    }

    /// <summary>
    /// The bidding firms and the auxiliaries relied upon that have no DGUE (<see cref="Missing"/>), or one not confirmed
    /// within <see cref="DgueRules.MonthsCurrent"/> months (<see cref="Stale"/>), named: the lead may not submit until
    /// each answers or confirms its own. Each operator of an RTI presents its own DGUE, and so does each auxiliary firm (D.Lgs. 36/2023, art. 91 and
    /// art. 104; read on public copies, not confirmed against Normattiva here); a buyer would exclude the bid otherwise.
    /// Only known when the DGUEs were read now (<see cref="JointBidState.DguesNow"/>).
    /// </summary>
    public static IEnumerable<Problem> MissingDgues(this JointBidState bid, DateTimeOffset now)
    {
        if (bid.DguesNow is not { } read) return [];
        var today = QualificationRules.Today(now);
        var firms = bid.DgueFirms().Select(read.GetValueOrDefault).OfType<DgueNow>().ToList();
        var missing = firms.Where(d => d.ConfirmedAt is null).Select(d => d.Name).ToList();
        var stale = firms.Where(d => d.ConfirmedAt is { } at && !DgueRules.IsCurrent(at, today)).Select(d => d.Name).ToList();
        return [.. Named(Missing, missing), .. Named(Stale, stale)];
        static IEnumerable<Problem> Named(Refusal refusal, List<string> names) =>
            names.Count == 0 ? [] : [Problem.Conflict(refusal, ("firms", string.Join(", ", names)))];
    }
}
