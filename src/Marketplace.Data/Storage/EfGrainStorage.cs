using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Data.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Marketplace.Data.Storage;

/// <summary>
/// Grain persistence on the project's own database: one row per grain state, JSON data, and an integer version
/// as the ETag. A write from a stale version throws <see cref="InconsistentStateException"/>. Read models are
/// projected in the same transaction as the state they mirror. Bid content is stored sealed (<see cref="StateSealer"/>),
/// a tender's bids are group-committed with the others written at the same time (<see cref="BidWrites"/>), and reads
/// asked for at the same time share one query (<see cref="StateReads"/>).
/// A write that fails for any reason (the database unreachable, a stale version, a projector refusing) puts the grain's
/// state back as it was last stored, so no grain ever serves, or later stores, a change that was refused.
/// </summary>
public sealed class EfGrainStorage(IServiceScopeFactory scopes, IEnumerable<IReadModelProjector> projectors, MarketplaceClock clock, StateSealer sealer,
    BidWrites bids, StateReads reads)
    : IGrainStorage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The last stored form of each live grain state (keyed by the activation's own state object, so it goes with it),
    /// from which a failed write restores the state without asking the database, which may be the very thing that failed.
    /// </summary>
    readonly ConditionalWeakTable<object, string> stored = new();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await reads.Of(grainId.ToString(), stateName);
        if (row is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            stored.AddOrUpdate(grainState, Nothing);
            return;
        }
        grainState.State = JsonSerializer.Deserialize<T>(await sealer.Unseal(row.Data, SealingContext(stateName, grainId)), Json)
            ?? throw new InvalidOperationException($"Stored state {stateName} of {grainId} is empty.");
        grainState.ETag = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        stored.AddOrUpdate(grainState, JsonSerializer.Serialize(grainState.State, Json));
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        SaveOrRestore(stateName, grainId, grainState, JsonSerializer.Serialize(grainState.State, Json));

    /// <summary>What sealed data is bound to: its row, so it cannot be moved to another grain or state.</summary>
    internal static string SealingContext(string stateName, GrainId grainId) => $"{grainId}/{stateName}";

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        SaveOrRestore(stateName, grainId, grainState, json: null);

    // The form remembered for a state that was never stored (or was cleared): a new instance.
    const string Nothing = "";

    /// <summary>Stores <paramref name="json"/> (sealed when it is bid content), or clears the state when it is null.</summary>
    async Task SaveOrRestore<T>(string stateName, GrainId grainId, IGrainState<T> grainState, string? json)
    {
        try
        {
            var data = json is null ? null : await sealer.Seal(grainState.State, SealingContext(stateName, grainId), json);
            if (data is not null && grainState.State is Tenders.BidState { Exists: true } bid) await StoreBid(stateName, grainId, grainState, data, bid);
            else await Save(stateName, grainId, grainState, data, json is null ? null : grainState.State);
        }
        catch
        {
            // Nothing of the write is stored (its transaction rolled back), so nothing of it may stay in memory either.
            if (stored.TryGetValue(grainState, out var last))
                grainState.State = last == Nothing ? Activator.CreateInstance<T>() : JsonSerializer.Deserialize<T>(last, Json)!;
            throw;
        }
        stored.AddOrUpdate(grainState, json ?? Nothing);
    }

    async Task Save<T>(string stateName, GrainId grainId, IGrainState<T> grainState, string? data, object? projected)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var key = grainId.ToString();
        long? expected = grainState.ETag is { } etag ? long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) : null;
        var next = (expected ?? 0) + 1;

        await using var transaction = await db.Database.BeginTransactionAsync();
        // A failed write rolls the whole transaction back: SaveChanges' own savepoint would only cost two round trips.
        db.Database.AutoSavepointsEnabled = false;
        if (expected is null)
        {
            if (data is null) return; // clearing a state that was never written
            // A row that appeared since this grain read "nothing" means another activation wrote first.
            if (await db.GrainStates.AnyAsync(x => x.GrainId == key && x.StateName == stateName))
                throw Stale(stateName, grainId, grainState.ETag, "a stored version exists");
            db.GrainStates.Add(new GrainStateRecord { GrainId = key, StateName = stateName, Data = data, Version = next, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            // Attach with the version we read: EF's UPDATE/DELETE then matches only if nobody wrote since.
            var row = new GrainStateRecord { GrainId = key, StateName = stateName, Data = "", Version = expected.Value };
            db.GrainStates.Attach(row);
            if (data is null) db.GrainStates.Remove(row);
            else
            {
                row.Data = data;
                row.Version = next;
                row.UpdatedAt = clock.GetUtcNow();
            }
        }

        foreach (var projector in projectors.Where(p => p.Handles(typeof(T))))
            await projector.Project(db, grainId, projected, CancellationToken.None);

        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(stateName, grainId, grainState.ETag, "the stored version moved on");
        }
        catch (DbUpdateException) when (expected is null)
        {
            if (!await RowExists(key, stateName)) throw; // not a race: a real fault, reported as such
            throw Stale(stateName, grainId, grainState.ETag, "a concurrent first write won");
        }

        grainState.ETag = data is null ? null : next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = data is not null;
        if (data is null) grainState.State = Activator.CreateInstance<T>();
    }

    async Task StoreBid<T>(string stateName, GrainId grainId, IGrainState<T> grainState, string data, Tenders.BidState bid)
    {
        long? expected = grainState.ETag is { } etag ? long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) : null;
        await bids.Store(stateName, grainId, expected, data, bid);
        grainState.ETag = ((expected ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    async Task<bool> RowExists(string key, string stateName)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.GrainStates.AnyAsync(x => x.GrainId == key && x.StateName == stateName);
    }

    static InconsistentStateException Stale(string stateName, GrainId grainId, string? etag, string why) =>
        new($"Stale write of {stateName} for {grainId} from version {etag ?? "none"}: {why}.", etag ?? "", "");
}
