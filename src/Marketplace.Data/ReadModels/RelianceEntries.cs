using Marketplace.JointBids;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// One reliance (avvalimento) of a joint bid as the auxiliary firm's lists find it: "the bids relying on this firm",
/// which the to-do list and the notices ask by firm (the joint bid keeps its reliances in its state, by alliance).
/// </summary>
public sealed class RelianceEntry
{
    public Guid AllianceId { get; set; }
    /// <summary>The reliance's place in the bid's list: a bid may rely on one auxiliary for several lots or firms.</summary>
    public int Position { get; set; }
    public Guid TenderId { get; set; }
    public int Lot { get; set; }
    public Guid AuxiliaryId { get; set; }
    public Guid RelyingFirmId { get; set; }
    public RelianceStatus Status { get; set; }
    /// <summary>What the auxiliary signs now (null until a contract is attached).</summary>
    public string? Digest { get; set; }
    /// <summary>Since when the reliance stands as it is now (its digest and answer): when the auxiliary was asked, or answered.</summary>
    public DateTimeOffset Since { get; set; }
}

/// <summary>
/// Keeps a joint bid's reliance rows equal to its state (<see cref="JointBidReliances.Standings"/>), and asks each
/// auxiliary's Owners and Managers (who answer it) by a notice when one of its reliances comes to await it: first asked,
/// or asked again after a change of the reliance or its contract. Written by the joint bid's write, so a retried write
/// finds the rows as it left them and asks no one twice; a person's notice still waiting is moved to the latest ask.
/// </summary>
public static class RelianceEntries
{
    public static async Task Project(MarketplaceDbContext db, JointBidState bid, DateTimeOffset at, CancellationToken ct)
    {
        var before = await db.Reliances.AsNoTracking().Where(r => r.AllianceId == bid.AllianceId).OrderBy(r => r.Position).ToListAsync(ct);
        var now = bid.Standings().Select((s, i) => new RelianceEntry
        {
            AllianceId = bid.AllianceId, Position = i, TenderId = bid.TenderId, Lot = s.Reliance.Lot, AuxiliaryId = s.Reliance.AuxiliaryId,
            RelyingFirmId = s.Reliance.RelyingFirmId, Status = s.Status, Digest = s.Digest,
            Since = before.FirstOrDefault(b => b.AuxiliaryId == s.Reliance.AuxiliaryId && b.Digest == s.Digest && b.Status == s.Status)?.Since ?? at,
        }).ToList();
        bool Same(RelianceEntry a, RelianceEntry b) =>
            a.Position == b.Position && a.Lot == b.Lot && a.AuxiliaryId == b.AuxiliaryId && a.RelyingFirmId == b.RelyingFirmId && a.Status == b.Status && a.Digest == b.Digest;
        if (before.Count == now.Count && before.Zip(now).All(p => Same(p.First, p.Second))) return;
        await db.Reliances.Where(r => r.AllianceId == bid.AllianceId).ExecuteDeleteAsync(ct);
        db.Reliances.AddRange(now);
        var asked = now.Where(r => r.Status == RelianceStatus.Awaiting
                && !before.Any(b => b.AuxiliaryId == r.AuxiliaryId && b.Digest == r.Digest && b.Status == RelianceStatus.Awaiting))
            .Select(r => r.AuxiliaryId).Distinct().ToList();
        if (asked.Count > 0) await Ask(db, bid, asked, at, ct);
    }

    static async Task Ask(MarketplaceDbContext db, JointBidState bid, List<Guid> auxiliaries, DateTimeOffset at, CancellationToken ct)
    {
        var people = await db.BusinessMembers.AsNoTracking()
            .Where(m => auxiliaries.Contains(m.BusinessId) && (m.Role == Businesses.BusinessRole.Owner || m.Role == Businesses.BusinessRole.Manager))
            .Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        var waiting = db.Notices.Where(n => n.Kind == Notifications.NotificationKind.Avvalimento && n.AllianceId == bid.AllianceId
            && auxiliaries.Contains(n.BusinessId) && n.DoneAt == null);
        var moved = await waiting.Select(n => new { n.UserId, n.BusinessId }).ToListAsync(ct);
        await waiting.ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedAt, at), ct);
        db.Notices.AddRange(people.Where(p => !moved.Contains(p)).Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.Avvalimento, BusinessId = p.BusinessId,
            AllianceId = bid.AllianceId, TenderId = bid.TenderId, CreatedAt = at,
        }));
    }

    /// <summary>
    /// The reliances awaiting the answer of <paramref name="firms"/> (their Owners and Managers give it) while the
    /// tender takes bids (<see cref="TenderRules.BidsClosedAt"/>: after that nothing can be answered), with the
    /// bid's alliance and tender.
    /// </summary>
    public static async Task<List<AwaitingLending>> Awaiting(MarketplaceDbContext db, IReadOnlyCollection<Guid> firms, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Reliances.AsNoTracking().Where(r => r.Status == RelianceStatus.Awaiting && firms.Contains(r.AuxiliaryId))
            .Join(db.Alliances, r => r.AllianceId, a => a.AllianceId, (r, a) => new { r, a.Name })
            .Join(db.Tenders, x => x.r.TenderId, t => t.TenderId, (x, t) => new { x.r, x.Name, t.Title, t.Status, t.EnquiryDeadline, t.SubmissionDeadline })
            .ToListAsync(ct);
        return [.. rows.Where(x => !TenderRules.BidsClosedAt(x.Status, x.EnquiryDeadline, x.SubmissionDeadline, now))
            .Select(x => new AwaitingLending(x.r.AllianceId, x.Name, x.r.AuxiliaryId, x.r.Lot, x.r.RelyingFirmId, x.r.TenderId, x.Title,
                x.SubmissionDeadline, x.r.Since))];
    }
}

/// <summary>A reliance awaiting its auxiliary's answer, with the names its to-do row and its e-mail say it in.</summary>
public sealed record AwaitingLending(Guid AllianceId, string Alliance, Guid AuxiliaryId, int Lot, Guid RelyingFirmId, Guid TenderId, string Tender,
    DateTimeOffset SubmissionDeadline, DateTimeOffset Since);
