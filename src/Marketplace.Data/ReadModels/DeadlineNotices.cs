using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The Owners and Managers of each bidding firm of an alliance whose tender's bids close soon may be warned by e-mail
/// (Notifications.NoticeSender decides how, and drops the warning when the joint bid no longer lacks approvals). Written
/// by the clock work (the deadline scheduler's tick), not by a change: once the time left is within a threshold, one
/// notice per person, firm and threshold, for the deadline as it stands (<see cref="PendingNotice.Deadline"/>), with
/// the threshold's hours in <see cref="PendingNotice.Number"/>. A moved deadline is a new deadline and is warned of
/// again; a second tick or node writing the same notice meets the unique index and writes nothing.
/// </summary>
public static class DeadlineNotices
{
    /// <summary>How many hours before the bids close a warning is due, the farthest first.</summary>
    public static readonly int[] Hours = [48, 2];

    /// <summary>Writes the warnings due at <paramref name="now"/> that are not written yet; the answer is how many it wrote.</summary>
    public static async Task<int> Add(MarketplaceDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddHours(Hours[0]);
        var takesBids = new[] { TenderStatus.Enquiries, TenderStatus.Tendering };
        var due = await (
            from t in db.Tenders
            where takesBids.Contains(t.Status) && t.SubmissionDeadline > now && t.SubmissionDeadline <= horizon
            join a in db.Alliances on t.TenderId equals a.TenderId
            join f in db.AllianceMembers on a.AllianceId equals f.AllianceId
            where f.Standing == AllianceStanding.Active && f.Role != AllianceRole.Subcontractor
            join m in db.BusinessMembers on f.FirmId equals m.BusinessId
            where m.Role == BusinessRole.Owner || m.Role == BusinessRole.Manager
            select new { m.UserId, f.FirmId, a.AllianceId, t.TenderId, t.SubmissionDeadline }).AsNoTracking().ToListAsync(ct);
        if (due.Count == 0) return 0;

        var alliances = due.Select(d => d.AllianceId).Distinct().ToList();
        var written = (await db.Notices.AsNoTracking()
                .Where(n => n.Kind == Notifications.NotificationKind.DeadlineNear && alliances.Contains(n.AllianceId!.Value))
                .Select(n => new { n.UserId, n.BusinessId, n.AllianceId, n.Number, n.Deadline }).ToListAsync(ct))
            .Select(n => (n.UserId, n.BusinessId, n.AllianceId!.Value, n.Number, n.Deadline)).ToHashSet();
        var missing = due.Select(d => (Due: d, Hours: Threshold(d.SubmissionDeadline - now)))
            .Where(x => !written.Contains((x.Due.UserId, x.Due.FirmId, x.Due.AllianceId, x.Hours, x.Due.SubmissionDeadline)))
            .Select(x => new Notifications.PendingNotice
            {
                Id = Guid.NewGuid(), UserId = x.Due.UserId, Kind = Notifications.NotificationKind.DeadlineNear, BusinessId = x.Due.FirmId,
                AllianceId = x.Due.AllianceId, TenderId = x.Due.TenderId, Number = x.Hours, Deadline = x.Due.SubmissionDeadline, CreatedAt = now,
            }).ToList();
        if (missing.Count == 0) return 0;
        db.Notices.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>The nearest threshold already reached with <paramref name="left"/> to go: one warning per threshold, and only the latest when several were passed unseen.</summary>
    static int Threshold(TimeSpan left) => Hours.Last(h => left <= TimeSpan.FromHours(h));
}
