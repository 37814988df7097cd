using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// What the database itself can do on this machine, for the deadline burst to be read against (issue #11): pgbench,
/// the tool that ships with PostgreSQL, with a custom script of one INSERT per transaction into a table shaped like a
/// small bid row, so each transaction is one durable commit. Run on the benchmark's own database; the table is dropped after.
/// </summary>
internal static partial class Pgbench
{
    const string Table = "pgbench_durable_inserts";

    public sealed record Figure(double InsertsPerSecond, int Clients, int Seconds, string Settings);

    /// <summary>pgbench's binary: $PGBENCH (scripts/bench.sh sets it next to the server it starts), else the installed one.</summary>
    static string? Binary() =>
        Environment.GetEnvironmentVariable("PGBENCH") is { Length: > 0 } set && File.Exists(set) ? set
        : Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).Order().LastOrDefault()
            : null;

    /// <summary>Durable inserts per second with <paramref name="clients"/> clients for <paramref name="seconds"/> s; null when pgbench is missing.</summary>
    public static async Task<Figure?> DurableInserts(string connectionString, int clients = 16, int seconds = 10)
    {
        if (Binary() is not { } pgbench) return null;
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var create = source.CreateCommand($"CREATE TABLE {Table} (id bigserial PRIMARY KEY, firm uuid NOT NULL, price numeric NOT NULL, at timestamptz NOT NULL DEFAULT now())"))
            await create.ExecuteNonQueryAsync();
        var settings = new List<string>();
        foreach (var setting in new[] { "fsync", "synchronous_commit", "wal_sync_method" })
        {
            await using var show = source.CreateCommand($"SELECT current_setting('{setting}')");
            settings.Add($"{setting} {await show.ExecuteScalarAsync()}");
        }

        var script = Path.Combine(Path.GetTempPath(), $"marketplace-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, $"INSERT INTO {Table} (firm, price) VALUES (gen_random_uuid(), random() * 1000000);\n");
        try
        {
            var db = new NpgsqlConnectionStringBuilder(connectionString);
            var (exit, output, errors) = await Bench.RunTool(pgbench,
            [
                "--no-vacuum", "--client", $"{clients}", "--jobs", $"{Math.Min(clients, Environment.ProcessorCount)}", "--time", $"{seconds}",
                "--file", script, "--host", db.Host!, "--port", $"{db.Port}", "--username", db.Username ?? "postgres", db.Database!,
            ]);
            var tps = Tps().Match(output);
            if (exit != 0 || !tps.Success) throw new InvalidOperationException($"pgbench failed (exit {exit}): {output}{errors}");
            return new Figure(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), clients, seconds, string.Join(", ", settings));
        }
        finally
        {
            File.Delete(script);
            await using var drop = source.CreateCommand($"DROP TABLE {Table}");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
