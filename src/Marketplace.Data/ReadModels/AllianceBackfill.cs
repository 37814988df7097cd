using System.Text.Json;
using Marketplace.Alliances;
using Marketplace.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// When each alliance was formed, filled in from the alliances' stored states (an alliance's state is not sealed) for
/// the rows stored before <see cref="AllianceEntry.FormedAt"/> was kept. Run at start-up after the migrations; it finds
/// nothing to do once every row has it, and then reads no state.
/// </summary>
public static class AllianceBackfill
{
    public static async Task Run(MarketplaceDbContext db, CancellationToken ct)
    {
        var unfilled = await db.Alliances.Where(a => a.FormedAt == null).ToDictionaryAsync(a => a.AllianceId, ct);
        if (unfilled.Count == 0) return;
        foreach (var row in await db.GrainStates.AsNoTracking().Where(s => s.StateName == AllianceStateName).ToListAsync(ct))
            if (JsonSerializer.Deserialize<AllianceState>(row.Data, EfGrainStorage.Json) is { Exists: true } alliance
                && unfilled.TryGetValue(alliance.Id, out var entry))
                entry.FormedAt = alliance.CreatedAt;
        await db.SaveChangesAsync(ct);
    }

    // The alliance grain's [PersistentState] name.
    const string AllianceStateName = "alliance";
}
