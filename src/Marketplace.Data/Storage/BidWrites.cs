using System.Collections.Concurrent;
using Marketplace.Data.ReadModels;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Marketplace.Data.Storage;

/// <summary>
/// Group commit of a tender's bid writes (issue #11: a deadline burst). Every bid write of a tender passes through its
/// row lock, since the audit chain needs one order; one transaction per bid made the lock, and the durable commit
/// (an fsync) behind it, the ceiling. Here the writes that arrive while a transaction is running wait together, and
/// the next transaction stores them all: one lock, one round of queries, one commit, in the order they arrived.
/// <para>
/// Each write is still judged on its own (<see cref="BidProjector"/>): its stored version, the deadline, the one bid per
/// lot rule. A refused one is told why and nothing of it is stored, while the rest of the batch is. If the batch's
/// transaction fails, none of its bids is stored and every one of their writers is told (the grain storage then puts
/// each grain's state back). No writer is told "stored" before the commit that stores it.
/// </para>
/// </summary>
public sealed class BidWrites(IServiceScopeFactory scopes, BidProjector projector, MarketplaceClock clock)
{
    /// <summary>At most this many bids per transaction, so one commit never holds the lock for long.</summary>
    internal const int MaxBatch = 256;

    /// <summary>A bid write waiting for its transaction: the row to write and its expected version (null: a first write).</summary>
    sealed record Write(string GrainId, string StateName, long? Expected, string Data, BidState State)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One tender's waiting writes, and whether a loop is storing them.</summary>
    sealed class Queue
    {
        public readonly List<Write> Waiting = [];
        public bool Draining;
    }

    readonly ConcurrentDictionary<Guid, Queue> queues = new();

    /// <summary>Stores one bid state (already sealed: <paramref name="data"/>) with the bids of its tender written at the same time.</summary>
    public Task Store(string stateName, GrainId grainId, long? expected, string data, BidState state)
    {
        var write = new Write(grainId.ToString(), stateName, expected, data, state);
        while (true)
        {
            var queue = queues.GetOrAdd(state.TenderId, _ => new Queue());
            bool lead;
            lock (queue)
            {
                // A queue its loop has let go of is no longer in the map: take the tender's current one.
                if (!queues.TryGetValue(state.TenderId, out var current) || current != queue) continue;
                queue.Waiting.Add(write);
                lead = !queue.Draining;
                queue.Draining = true;
            }
            if (lead) _ = Task.Run(() => Drain(state.TenderId, queue));
            return write.Stored.Task;
        }
    }

    async Task Drain(Guid tenderId, Queue queue)
    {
        while (true)
        {
            Write[] batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Draining = false;
                    queues.TryRemove(new KeyValuePair<Guid, Queue>(tenderId, queue));
                    return;
                }
                batch = [.. queue.Waiting.Take(MaxBatch)];
                queue.Waiting.RemoveRange(0, batch.Length);
            }
            try
            {
                await Commit(tenderId, batch);
            }
            catch (Exception e)
            {
                var told = e is DbUpdateConcurrencyException ? new InconsistentStateException($"A stale bid write in the batch for tender {tenderId}.", e) : e;
                foreach (var write in batch) write.Stored.TrySetException(told);
            }
        }
    }

    async Task Commit(Guid tenderId, Write[] batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // A failed write rolls the whole transaction back: SaveChanges' own savepoint would only cost two round trips.
        db.Database.AutoSavepointsEnabled = false;

        // A grain is never written by two activations at once, so a version that moved on means this one is stale.
        var keys = batch.Select(w => w.GrainId).ToList();
        var versions = await db.GrainStates.Where(x => keys.Contains(x.GrainId) && x.StateName == batch[0].StateName)
            .Select(x => new { x.GrainId, x.Version }).ToDictionaryAsync(x => x.GrainId, x => (long?)x.Version);
        var refusals = new Dictionary<Write, Exception>();
        var current = new List<Write>();
        foreach (var write in batch)
        {
            if (versions.GetValueOrDefault(write.GrainId) == write.Expected) current.Add(write);
            else refusals[write] = new InconsistentStateException(
                $"Stale write of {write.StateName} for {write.GrainId} from version {write.Expected?.ToString() ?? "none"}.", write.Expected?.ToString() ?? "", "");
        }

        var projected = await projector.Project(db, tenderId, [.. current.Select(w => w.State)], CancellationToken.None);
        var stored = new List<Write>();
        for (var i = 0; i < current.Count; i++)
        {
            var write = current[i];
            if (projected[i] is { } refused) { refusals[write] = refused; continue; }
            stored.Add(write);
            if (write.Expected is not { } expected)
            {
                db.GrainStates.Add(new GrainStateRecord { GrainId = write.GrainId, StateName = write.StateName, Data = write.Data, Version = 1, UpdatedAt = clock.GetUtcNow() });
                continue;
            }
            // Attach with the version read: the UPDATE then matches only if nobody wrote since.
            var row = new GrainStateRecord { GrainId = write.GrainId, StateName = write.StateName, Data = "", Version = expected };
            db.GrainStates.Attach(row);
            row.Data = write.Data;
            row.Version = expected + 1;
            row.UpdatedAt = clock.GetUtcNow();
        }
        if (stored.Count > 0)
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        // Only now is each writer told: a refusal may rest on a bid earlier in the batch, which is stored only now.
        foreach (var write in stored) write.Stored.TrySetResult();
        foreach (var (write, why) in refusals) write.Stored.TrySetException(why);
    }
}
