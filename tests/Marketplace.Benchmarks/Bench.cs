using System.Diagnostics;
using System.Globalization;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Benchmarks;

/// <summary>The scenario's command-line options (everything after the scenario's name).</summary>
internal sealed class BenchOptions(string[] args)
{
    public int Int(string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The value after <paramref name="name"/>, or null when the option is not given.</summary>
    public string? Text(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    public bool Flag(string name) => args.Contains(name);
}

/// <summary>What every scenario needs: percentiles, a DbContext of its own on the run's database, and its report.</summary>
internal static class Bench
{
    /// <summary>The nearest-rank percentile (the smallest value with at least <paramref name="percentile"/>% of values at or below it).</summary>
    public static double P(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Markdown table cells of a latency distribution: "p50 | p95 | p99 | max" (dashes when there are no values).</summary>
    public static string Cells(IEnumerable<double> values, string format = "F1")
    {
        var v = values.ToList();
        return v.Count == 0 ? "– | – | – | –"
            : string.Join(" | ", new[] { P(v, 50), P(v, 95), P(v, 99), v.Max() }.Select(x => x.ToString(format, CultureInfo.CurrentCulture)));
    }

    /// <summary>A context factory on PostgreSQL, outside any server: a new context per unit of work.</summary>
    public static Func<MarketplaceDbContext> Db(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UseNpgsql(connectionString).Options;
        return () => new PostgresMarketplaceDbContext(options);
    }

    public static async Task<string> ServerVersion(Func<MarketplaceDbContext> db)
    {
        await using var context = db();
        return await context.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync();
    }

    /// <summary>The machine's load average now (1, 5 and 15 minutes), "?" where the system does not tell it.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The machine the figures were measured on, for the report.</summary>
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? $", load average {LoadAverage()} at the start" : "";
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, .NET {Environment.Version}, {Environment.OSVersion}{load}";
    }

    /// <summary>Runs a command-line tool (wrk, pgbench) to its end: its exit code and what it printed.</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunTool(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var tool = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = tool.StandardOutput.ReadToEndAsync();
        var errors = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        return (tool.ExitCode, await output, await errors);
    }

    /// <summary>Writes artifacts/benchmarks/<paramref name="fileName"/> and says where.</summary>
    public static async Task Write(string fileName, string markdown)
    {
        var report = Path.Combine(RepositoryPaths.Root, "artifacts", "benchmarks", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        await File.WriteAllTextAsync(report, markdown);
        Console.WriteLine($"Report: {report}");
    }
}

/// <summary>
/// CPU use between its creation and <see cref="Summary"/>, from /proc: the whole machine, this process and the
/// PostgreSQL processes (whatever is left is other work on the machine).
/// </summary>
internal sealed class CpuMeter
{
    readonly (long Busy, long Total)? machine = Machine();
    readonly long postgres = Postgres();
    readonly TimeSpan process = Process.GetCurrentProcess().TotalProcessorTime;
    readonly long started = Stopwatch.GetTimestamp();

    public string Summary()
    {
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var ours = (Process.GetCurrentProcess().TotalProcessorTime - process).TotalSeconds / seconds / Environment.ProcessorCount;
        if (machine is not { } before || Machine() is not { } after || after.Total <= before.Total)
            return $"this process (server and callers) used {ours:P0} of the machine's {Environment.ProcessorCount} cores";
        var total = (double)(after.Total - before.Total); // clock ticks of all cores, as the per-process figures count them
        return $"the machine's {Environment.ProcessorCount} cores were {(after.Busy - before.Busy) / total:P0} busy: this process (server and callers) "
            + $"{ours:P0}, PostgreSQL {(Postgres() - postgres) / total:P0}";
    }

    static (long Busy, long Total)? Machine()
    {
        if (!File.Exists("/proc/stat")) return null;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total); // idle and iowait are not busy
    }

    /// <summary>User and system clock ticks of every running postgres process (those that ended meanwhile are missed).</summary>
    static long Postgres()
    {
        long ticks = 0;
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || stat[(stat.IndexOf('(') + 1)..close] != "postgres") continue;
                var fields = stat[(close + 2)..].Split(' '); // from field 3 (state) on: utime and stime are fields 14 and 15
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { } // not a process, or gone
        }
        return ticks;
    }
}
