using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Marketplace.Tenders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Marketplace.Benchmarks.Bench;

namespace Marketplace.Benchmarks;

/// <summary>
/// Where a bid's time goes inside the server, for the deadline burst's --trace runs (it costs time itself, so the
/// figures of a traced run are not the benchmark's). A grain call filter times each tender admission and marks the
/// bid whose Submit is running; a listener on Npgsql's ActivitySource times every SQL command under that mark; a
/// sampler reads pg_stat_activity and the connection pool. Nothing in the server is changed.
/// </summary>
internal sealed partial class BurstProbe : IAsyncDisposable
{
    /// <summary>The firm whose bid the current grain turn is storing (flows into the SQL commands it runs).</summary>
    static readonly AsyncLocal<Guid?> Firm = new();

    public sealed record Admission(DateTimeOffset ReceivedAt, DateTimeOffset Start, DateTimeOffset End, bool Admitted);

    sealed record Command(Guid? Firm, string Shape, DateTimeOffset Start, TimeSpan Duration)
    {
        public DateTimeOffset End => Start + Duration;
    }

    sealed record Sample(DateTimeOffset At, int Connections, int Active, int WaitingOnLock, long PoolUsed, long PoolPending, long ThreadPoolQueue, int Threads);

    const string ProbeName = "bench-probe";
    const string LockShape = "SELECT tenders FOR UPDATE";
    readonly ConcurrentQueue<(Guid Firm, Admission Admission)> admissions = new();
    readonly ConcurrentQueue<Command> commands = new();
    readonly List<Sample> samples = [];
    readonly ActivityListener sql;
    readonly MeterListener pool = new();
    /// <summary>[0]: the level reported by an observable instrument at the last sample; [1]: the running sum of an up-down counter.</summary>
    readonly long[] poolGauges = new long[2], pendingGauges = new long[2];
    CancellationTokenSource? sampling;
    Task? sampler;

    public BurstProbe()
    {
        sql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => activity.SetCustomProperty(nameof(Firm), Firm.Value),
            ActivityStopped = activity => commands.Enqueue(new Command(activity.GetCustomProperty(nameof(Firm)) as Guid?,
                Shape(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName), new DateTimeOffset(activity.StartTimeUtc), activity.Duration)),
        };
        ActivitySource.AddActivityListener(sql);
        pool.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.connection.count" or "db.client.connection.npgsql.pending_requests")
                listener.EnableMeasurementEvents(instrument);
        };
        pool.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Pooled(instrument, value, tags));
        pool.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Pooled(instrument, value, tags));
        pool.Start();
    }

    /// <summary>Adds the grain call filter to the server under test (Orleans takes every one registered).</summary>
    public void Configure(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(new Filter(this));

    sealed class Filter(BurstProbe probe) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.Grain is IBidGrain && context.MethodName == nameof(IBidGrain.Submit))
            {
                Firm.Value = ((SubmitBid)context.Request.GetArgument(0)!).Tenderers[0].FirmId;
                await context.Invoke();
                return;
            }
            if (context.Grain is ITenderGrain && context.MethodName == nameof(ITenderGrain.Admit))
            {
                Firm.Value = null; // the tender's own writes (closing submissions) are not the bid's
                var start = DateTimeOffset.UtcNow;
                await context.Invoke();
                var firm = ((Tenderer[])context.Request.GetArgument(1)!)[0].FirmId;
                probe.admissions.Enqueue((firm, new Admission((DateTimeOffset)context.Request.GetArgument(2)!, start, DateTimeOffset.UtcNow,
                    ((Outcome<TenderSnapshot>)context.Result!).Problem is null)));
                return;
            }
            await context.Invoke();
        }
    }

    /// <summary>The tender's admission of the firm's bid sent in [start, end], if it got that far.</summary>
    public Admission? AdmissionOf(Guid firm, DateTimeOffset start, DateTimeOffset end) =>
        admissions.Where(a => a.Firm == firm && a.Admission.ReceivedAt >= start.Stored() && a.Admission.ReceivedAt <= end).Select(a => a.Admission).FirstOrDefault();

    /// <summary>Samples the database's sessions and the server's connection pool every 50 ms until stopped.</summary>
    public void StartSampling(string connectionString)
    {
        sampling = new CancellationTokenSource();
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ProbeName, MaxPoolSize = 2 }.ConnectionString;
        sampler = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(probe);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("""
                SELECT count(*)::int, (count(*) FILTER (WHERE state = 'active'))::int, (count(*) FILTER (WHERE wait_event_type = 'Lock'))::int
                FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'bench-probe'
                """, connection);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (!sampling.IsCancellationRequested)
            {
                Interlocked.Exchange(ref poolGauges[0], 0);
                Interlocked.Exchange(ref pendingGauges[0], 0);
                pool.RecordObservableInstruments();
                var at = DateTimeOffset.UtcNow;
                await using (var reader = await query.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                    lock (samples) samples.Add(new Sample(at, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2),
                        Interlocked.Read(ref poolGauges[0]) + Interlocked.Read(ref poolGauges[1]),
                        Interlocked.Read(ref pendingGauges[0]) + Interlocked.Read(ref pendingGauges[1]), ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount));
                }
                try { await timer.WaitForNextTickAsync(sampling.Token); } catch (OperationCanceledException) { break; }
            }
        });
    }

    public async Task StopSampling()
    {
        sampling?.Cancel();
        if (sampler is not null) await sampler;
    }

    void Pooled<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct
    {
        var used = true;
        foreach (var tag in tags)
        {
            if (tag.Key == "db.client.connection.pool.name" && tag.Value is string name && name.Contains(ProbeName, StringComparison.OrdinalIgnoreCase)) return;
            if (tag.Key == "db.client.connection.state") used = tag.Value as string == "used";
        }
        if (!used) return;
        var amount = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var gauges = instrument.Name == "db.client.connection.count" ? poolGauges : pendingGauges;
        // An observable instrument reports its level at each sample; an up-down counter reports every +1/−1 as it happens.
        Interlocked.Add(ref gauges[instrument.IsObservable ? 0 : 1], amount);
    }

    /// <summary>A command's verb and first table: "SELECT grain_states", "DELETE bid_lots", "INSERT grain_states (+5 in batch)".</summary>
    static string Shape(string sql)
    {
        if (sql.Contains("FOR UPDATE", StringComparison.Ordinal)) return LockShape;
        var verb = sql.TrimStart().Split(' ', 2)[0].ToUpperInvariant();
        var table = TableName().Match(sql) is { Success: true } m ? $" {m.Groups[1].Value}" : "";
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        return statements > 1 ? $"{verb}{table} (+{statements - 1} in batch)" : $"{verb}{table}";
    }

    [GeneratedRegex("""(?:FROM|INTO|UPDATE)\s+"?(\w+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();

    /// <summary>The trace's findings over [from, to], as a markdown section.</summary>
    public string Report(DateTimeOffset from, DateTimeOffset to, DateTimeOffset deadline)
    {
        var all = commands.Where(c => c.Start >= from && c.Start <= to).ToList();
        var bidCommands = all.Where(c => c.Firm is not null).ToList();
        var perBid = bidCommands.GroupBy(c => c.Firm).Count();
        var byShape = bidCommands.GroupBy(c => c.Shape).OrderByDescending(g => g.Sum(c => c.Duration.TotalMilliseconds))
            .Select(g => $"| `{g.Key}` | {g.Count()} | {g.Average(c => c.Duration.TotalMilliseconds):F2} | {Cells(g.Select(c => c.Duration.TotalMilliseconds), "F2")} |");

        // The tender row is the serialisation point: while others wait for it, the time from one grant to the next is
        // what one writer holds it for.
        var locks = all.Where(c => c.Shape == LockShape).OrderBy(c => c.End).ToList();
        var held = new List<double>();
        for (var i = 0; i + 1 < locks.Count; i++)
            if (locks[i + 1].Start < locks[i].End) held.Add((locks[i + 1].End - locks[i].End).TotalMilliseconds);
        // Per stored bid: a write that passed the status check deletes its old rows first.
        var stored = Math.Max(1, bidCommands.Where(c => c.Shape == "DELETE bids").Select(c => c.Firm).Distinct().Count());
        // After the grant: everything but the lock itself, the version check before it and opening physical connections.
        var inLock = bidCommands.Where(c => c.Shape != LockShape && c.Shape != "SELECT grain_states" && !c.Shape.StartsWith("CONNECT", StringComparison.Ordinal))
            .GroupBy(c => c.Shape).Select(g => (Shape: g.Key, Mean: g.Sum(c => c.Duration.TotalMilliseconds) / stored)).ToList();
        var sqlUnderLock = inLock.Sum(s => s.Mean);

        string Serialisation()
        {
            if (held.Count == 0)
                return $"The tender row lock (`{LockShape}`, taken by every bid write and by the tender's own writes): {locks.Count} grants; no writer waited for it.";
            var mean = held.Average();
            return $"""
                The tender row lock (`{LockShape}`, taken by every bid write and by the tender's own writes): {locks.Count} grants.
                While writers queue for it, one grant follows another every **{mean:F2} ms** on average
                (p50 {P(held, 50):F2}, p99 {P(held, 99):F2} ms, {held.Count} intervals): the lock admits at most **{1000 / mean:F0} bid writes/s**.
                Of each hold, the SQL round trips after the grant take {sqlUnderLock:F2} ms ({string.Join(", ", inLock.Select(s => $"`{s.Shape}` {s.Mean:F2}"))});
                the rest ({mean - sqlUnderLock:F2} ms) is the COMMIT round trip, EF and hashing work, and waiting for a CPU between them.
                """;
        }

        List<Sample> window;
        lock (samples) window = [.. samples.Where(s => s.At >= from && s.At <= to)];
        var slice = TimeSpan.FromMilliseconds(250);
        var series = window.GroupBy(s => (int)Math.Floor((s.At - deadline) / slice)).OrderBy(g => g.Key).Select(g =>
            $"| T{g.Key * slice.TotalSeconds:+0.00;−0.00;+0.00} s | {g.Max(s => s.Connections)} | {g.Max(s => s.Active)} | {g.Max(s => s.WaitingOnLock)} | "
            + $"{g.Max(s => s.PoolUsed)} | {g.Max(s => s.PoolPending)} | {g.Max(s => s.ThreadPoolQueue)} | {g.Max(s => s.Threads)} |");

        return $"""
            ### Where the time goes (--trace)

            SQL commands run while storing bids ({bidCommands.Count} commands of {perBid} bid writes), timed by Npgsql (round trip, including waits):

            | command | count | mean ms | p50 ms | p95 ms | p99 ms | max ms |
            |---|---|---|---|---|---|---|
            {string.Join("\n", byShape)}

            {Serialisation()}

            Sessions on the database, the server's connection pool and .NET thread pool (max per 250 ms, sampled every 50 ms):

            | from | sessions | active | waiting on a lock | pool: in use | pool: waiting for a connection | thread pool: queued | threads |
            |---|---|---|---|---|---|---|---|
            {string.Join("\n", series)}
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await StopSampling();
        sql.Dispose();
        pool.Dispose();
        sampling?.Dispose();
    }
}
