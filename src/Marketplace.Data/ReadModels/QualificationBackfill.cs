using System.Linq.Expressions;
using System.Text.Json;
using Marketplace.Businesses;
using Marketplace.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The qualification rows of the firms that recorded qualifications before those rows were kept, written once from
/// the firms' stored states (a business's state is not sealed), as <see cref="BusinessProjector"/> writes them: the
/// attestation and figures rows (<see cref="Run"/>), without which the rules and the partner suggestions saw none of
/// them, and the DGUE row (<see cref="RunDgues"/>), without which the alliance's qualification view would say the
/// firm's DGUE is missing. Each runs once, at the start-up that applies the migration marking it (DatabaseMigrator),
/// after the migrations and before any grain writes, the attestations first; a firm that has its rows is left alone,
/// so a second start writes nothing, and only the states of firms recording what lacks its rows are read.
/// </summary>
public static class QualificationBackfill
{
    public static async Task Run(MarketplaceDbContext db, CancellationToken ct)
    {
        // The stored JSON is written without spaces (EfGrainStorage.Json): a state whose qualifications hold an
        // attestation or figures has one of these, any other has "attestations":[] and "figures":null.
        var filled = (await db.BusinessAttestations.Select(a => a.BusinessId).Distinct().ToListAsync(ct))
            .Concat(await db.BusinessFigures.Select(f => f.BusinessId).ToListAsync(ct)).ToHashSet();
        foreach (var (id, business) in await Lacking(db, s => s.Data.Contains("\"attestations\":[{") || s.Data.Contains("\"figures\":{"), filled, ct))
            db.AddRange(BusinessProjector.Qualifications(id, business));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The DGUE row of each firm keeping a DGUE (its state has <c>"dgue":{</c>, any other <c>"dgue":null</c> or none) without one.</summary>
    public static async Task RunDgues(MarketplaceDbContext db, CancellationToken ct)
    {
        var filled = (await db.BusinessDgues.Select(d => d.BusinessId).ToListAsync(ct)).ToHashSet();
        foreach (var (id, business) in await Lacking(db, s => s.Data.Contains("\"dgue\":{"), filled, ct))
            db.AddRange(BusinessProjector.Qualifications(id, business).OfType<BusinessDgueEntry>()); // the row as the projector writes it
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The existing firms whose stored state matches <paramref name="recording"/> and that are not <paramref name="filled"/>: their states only are read whole.</summary>
    static async Task<List<(Guid Id, BusinessState Business)>> Lacking(MarketplaceDbContext db, Expression<Func<GrainStateRecord, bool>> recording,
        HashSet<Guid> filled, CancellationToken ct)
    {
        var states = db.GrainStates.AsNoTracking().Where(s => s.StateName == BusinessStateName).Where(recording);
        var missing = (await states.Select(s => s.GrainId).ToListAsync(ct)).Where(g => !filled.Contains(GrainId.Parse(g).GetGuidKey())).ToList();
        if (missing.Count == 0) return [];
        return [.. (await states.Where(s => missing.Contains(s.GrainId)).ToListAsync(ct))
            .Select(row => (Id: GrainId.Parse(row.GrainId).GetGuidKey(), Business: JsonSerializer.Deserialize<BusinessState>(row.Data, EfGrainStorage.Json)))
            .Where(x => x.Business is { Exists: true }).Select(x => (x.Id, x.Business!))];
    }

    // The business grain's [PersistentState] name.
    const string BusinessStateName = "business";
}
