using System.Text.Json;
using Marketplace.Businesses;
using Marketplace.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The qualification rows (<see cref="BusinessAttestationEntry"/>, <see cref="BusinessFiguresEntry"/>) of the firms
/// that recorded qualifications before those rows were kept: until their next save the rules and the partner
/// suggestions saw none of them. Written once from the firms' stored states (a business's state is not sealed), as
/// <see cref="BusinessProjector"/> writes them. Run once, at the start-up that applies the migration
/// QualificationRowsBackfill (DatabaseMigrator), after the migrations and before any grain writes; a firm
/// that has rows is left alone, so a second start writes nothing, and reads only the states of firms whose state
/// records a qualification and that have no row.
/// </summary>
public static class QualificationBackfill
{
    public static async Task Run(MarketplaceDbContext db, CancellationToken ct)
    {
        // The stored JSON is written without spaces (EfGrainStorage.Json): a state whose qualifications hold an
        // attestation or figures has one of these, any other has "attestations":[] and "figures":null.
        var recording = await db.GrainStates.AsNoTracking()
            .Where(s => s.StateName == BusinessStateName && (s.Data.Contains("\"attestations\":[{") || s.Data.Contains("\"figures\":{")))
            .Select(s => s.GrainId).ToListAsync(ct);
        if (recording.Count == 0) return;
        var filled = (await db.BusinessAttestations.Select(a => a.BusinessId).Distinct().ToListAsync(ct))
            .Concat(await db.BusinessFigures.Select(f => f.BusinessId).ToListAsync(ct)).ToHashSet();
        var missing = recording.Where(g => !filled.Contains(GrainId.Parse(g).GetGuidKey())).ToList();
        if (missing.Count == 0) return;
        foreach (var row in await db.GrainStates.AsNoTracking().Where(s => s.StateName == BusinessStateName && missing.Contains(s.GrainId)).ToListAsync(ct))
        {
            if (JsonSerializer.Deserialize<BusinessState>(row.Data, EfGrainStorage.Json) is not { Exists: true } business) continue;
            db.AddRange(BusinessProjector.Qualifications(GrainId.Parse(row.GrainId).GetGuidKey(), business));
        }
        await db.SaveChangesAsync(ct);
    }

    // The business grain's [PersistentState] name.
    const string BusinessStateName = "business";
}
