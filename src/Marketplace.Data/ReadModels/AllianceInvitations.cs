using Marketplace.Alliances;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>An alliance's invitation still waiting for the invited firm's answer, with what is shown of it.</summary>
public sealed record WaitingAllianceInvitation(
    Guid FirmId, AllianceRole Role, Guid AllianceId, string Name, Guid LeadId, Guid? TenderId, string? Title, DateTimeOffset? SubmissionDeadline);

/// <summary>
/// The one home of which alliance invitations still wait for an answer, asked by the to-do list and by the notice
/// sender before it e-mails one: the firm is still invited and, if the alliance is for a tender, the tender still takes
/// bids (<see cref="TenderRules.BidsClosedAt"/>: after that no firm can join, so there is nothing left to answer), and no
/// block stands between the firm and the alliance's lead (<see cref="Businesses.FirmBlocks"/>: the invitation is kept
/// from it, not refused, so the inviter is not told of the block).
/// </summary>
public static class AllianceInvitations
{
    public static async Task<List<WaitingAllianceInvitation>> Waiting(
        MarketplaceDbContext db, IReadOnlyCollection<Guid> firms, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.AllianceMembers.AsNoTracking().Where(m => m.Standing == AllianceStanding.Invited && firms.Contains(m.FirmId))
            .Join(db.Alliances, m => m.AllianceId, a => a.AllianceId, (m, a) => new { m.FirmId, m.Role, a.AllianceId, a.Name, a.LeadId, a.TenderId })
            // Nothing waits for a firm that blocked the lead, nor for one the lead blocked, until the block is lifted (FirmBlocks.Rule: told unasked).
            .ReachingFirm(db.FirmBlocks, x => x.LeadId, x => x.FirmId, unasked: true)
            .GroupJoin(db.Tenders, x => x.TenderId, t => (Guid?)t.TenderId, (x, t) => new { x, t })
            .SelectMany(x => x.t.DefaultIfEmpty(), (x, t) => new { x.x.FirmId, x.x.Role, x.x.AllianceId, x.x.Name, x.x.LeadId, x.x.TenderId,
                Title = t == null ? null : t.Title, Status = t == null ? (TenderStatus?)null : t.Status,
                Enquiries = t == null ? (DateTimeOffset?)null : t.EnquiryDeadline, Deadline = t == null ? (DateTimeOffset?)null : t.SubmissionDeadline })
            .ToListAsync(ct);
        return [.. rows
            .Where(r => r.TenderId is null || (r.Status is { } status && !TenderRules.BidsClosedAt(status, r.Enquiries!.Value, r.Deadline!.Value, now)))
            .Select(r => new WaitingAllianceInvitation(r.FirmId, r.Role, r.AllianceId, r.Name, r.LeadId, r.TenderId, r.Title, r.Deadline))];
    }
}
