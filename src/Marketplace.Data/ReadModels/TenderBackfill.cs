using System.Text.Json;
using Marketplace.Data.Storage;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// What the tender read models gained after tenders were already stored, filled in from the tenders' stored states (a
/// tender's state is not sealed): lot rows (<see cref="TenderLots"/>), a list row's author and questions waiting
/// (<see cref="TenderProjector.Fill"/>), the lots an inbox notice names (<see cref="InboxNotices"/>). Run at start-up
/// after the migrations; it finds nothing to do once every row has them, and then reads no state.
/// </summary>
public static class TenderBackfill
{
    public static async Task Run(MarketplaceDbContext db, int matchDigits, CancellationToken ct)
    {
        var withoutLots = (await db.Tenders.Where(t => t.LotCount > 0 && !db.TenderLots.Any(l => l.TenderId == t.TenderId))
            .Select(t => t.TenderId).ToListAsync(ct)).ToHashSet();
        // Every tender has an author, so an empty one is a row stored before the column.
        var unfilled = await db.Tenders.Where(t => t.CreatedBy == Guid.Empty).ToDictionaryAsync(t => t.TenderId, ct);
        var unmatched = (await db.Inbox.Where(i => i.Lots == null).Select(i => i.TenderId).Distinct().ToListAsync(ct)).ToHashSet();
        if (withoutLots.Count == 0 && unfilled.Count == 0 && unmatched.Count == 0) return;
        foreach (var row in await db.GrainStates.AsNoTracking().Where(s => s.StateName == TenderStateName).ToListAsync(ct))
        {
            if (JsonSerializer.Deserialize<TenderState>(row.Data, EfGrainStorage.Json) is not { Exists: true } tender) continue;
            if (withoutLots.Contains(tender.Id)) TenderLots.Add(db, tender);
            if (unfilled.TryGetValue(tender.Id, out var entry)) TenderProjector.Fill(entry, tender);
            if (unmatched.Contains(tender.Id)) await InboxNotices.Rematch(db, tender, matchDigits, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    // The tender grain's [PersistentState] name.
    const string TenderStateName = "tender";
}
