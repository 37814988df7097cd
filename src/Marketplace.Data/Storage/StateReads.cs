using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Data.Storage;

/// <summary>
/// Grain state reads, many in one query (issue #11: a deadline burst activates a thousand bid grains within two
/// seconds, and one query and one pooled connection each made their activations the burst's largest cost). The reads
/// asked for while a query runs wait together and the next query answers them all, so a read alone goes straight to
/// the database and a crowd costs one round trip per batch. A read is only ever answered by a query that began after
/// it was asked, so it never sees less than what was committed before it.
/// </summary>
public sealed class StateReads(IServiceScopeFactory scopes)
{
    /// <summary>At most this many states per query.</summary>
    internal const int MaxBatch = 512;

    sealed record Read(string GrainId, string StateName)
    {
        public TaskCompletionSource<GrainStateRecord?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    readonly List<Read> waiting = [];
    bool draining;

    /// <summary>The stored row of a grain's state, or null when it was never stored.</summary>
    public Task<GrainStateRecord?> Of(string grainId, string stateName)
    {
        var read = new Read(grainId, stateName);
        bool lead;
        lock (waiting)
        {
            waiting.Add(read);
            lead = !draining;
            draining = true;
        }
        // Off the caller's scheduler: a grain's turn must not run the queries that answer other grains.
        if (lead) _ = Task.Run(Drain);
        return read.Answer.Task;
    }

    async Task Drain()
    {
        while (true)
        {
            Read[] batch;
            lock (waiting)
            {
                if (waiting.Count == 0)
                {
                    draining = false;
                    return;
                }
                batch = [.. waiting.Take(MaxBatch)];
                waiting.RemoveRange(0, batch.Length);
            }
            try
            {
                var rows = await Query(batch);
                foreach (var read in batch) read.Answer.TrySetResult(rows.GetValueOrDefault((read.GrainId, read.StateName)));
            }
            catch (Exception e)
            {
                foreach (var read in batch) read.Answer.TrySetException(e);
            }
        }
    }

    async Task<Dictionary<(string, string), GrainStateRecord>> Query(Read[] batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        if (batch is [var one])
        {
            var row = await db.GrainStates.AsNoTracking().SingleOrDefaultAsync(x => x.GrainId == one.GrainId && x.StateName == one.StateName);
            return row is null ? [] : new() { [(row.GrainId, row.StateName)] = row };
        }
        // The key's first column narrows to the grains asked for; the few other states of those grains are dropped here.
        var grains = batch.Select(r => r.GrainId).Distinct().ToList();
        var names = batch.Select(r => r.StateName).Distinct().ToList();
        var rows = await db.GrainStates.AsNoTracking().Where(x => grains.Contains(x.GrainId) && names.Contains(x.StateName)).ToListAsync();
        return rows.ToDictionary(r => (r.GrainId, r.StateName));
    }
}
