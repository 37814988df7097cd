using Marketplace.JointBids;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The Owners and Managers of every bidding firm whose approval a joint bid awaits after a change of its content may be
/// told by e-mail (Notifications.NoticeSender decides how, by their settings). Written by the joint bid's write that
/// changed it, from its events not yet in the audit chain (a retried write writes none again). Many changes give one
/// e-mail: a person's notice still waiting is moved to the latest change instead of a second one being written, so it
/// goes once the bid has stood still for the wait.
/// </summary>
public static class SignOffNotices
{
    /// <summary>The joint bid's events that change nothing firms approve.</summary>
    static readonly string[] NoChange = [JointBidState.SignedOffEvent, JointBidState.SubmittedEvent, JointBidState.WithdrawnEvent];

    public static async Task Add(MarketplaceDbContext db, JointBidState bid, IEnumerable<AuditEvent> unchained, IReadOnlyCollection<Guid> approved, CancellationToken ct)
    {
        var changes = unchained.Where(e => !NoChange.Contains(e.Kind)).ToList();
        if (changes.Count == 0 || bid.WorkPackages.Count == 0) return;
        var at = changes.Max(e => e.At);
        var firms = bid.Bidders.Select(b => b.FirmId).Except(approved).ToList();
        var people = await db.BusinessMembers.AsNoTracking()
            .Where(m => firms.Contains(m.BusinessId) && (m.Role == Businesses.BusinessRole.Owner || m.Role == Businesses.BusinessRole.Manager))
            .Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        var waiting = db.Notices.Where(n => n.Kind == Notifications.NotificationKind.SignOff && n.AllianceId == bid.AllianceId && n.DoneAt == null);
        var moved = await waiting.Select(n => new { n.UserId, n.BusinessId }).ToListAsync(ct);
        await waiting.ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedAt, at), ct);
        db.Notices.AddRange(people.Where(p => !moved.Contains(p)).Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.SignOff, BusinessId = p.BusinessId,
            AllianceId = bid.AllianceId, TenderId = bid.TenderId, CreatedAt = at,
        }));
    }
}
