using System.Diagnostics;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Benchmarks.Bench;

namespace Marketplace.Benchmarks;

/// <summary>
/// Directory search over a space of many firms on PostgreSQL (issue #3: p99 ≤ 50 ms over 100k firms).
/// Options: [--firms N] [--iterations N] [--keep | --reuse CONN]. The database is created for the run and dropped
/// after it; --keep keeps it (and prints its connection string), --reuse searches a kept one without loading.
/// </summary>
internal static class DirectorySearchBenchmark
{
    public static async Task<int> Run(BenchOptions args)
    {
        var iterations = args.Int("--iterations", 200);
        var (database, Db, spaceId, firms) = await LoadedSpace(args);

        var generator = new FirmGenerator(7);
        var rng = generator.Random;
        var comuni = ComuneCatalog.Shared.All.ToArray();
        string[] divisions = ["45", "71", "72", "50", "90", "79", "77", "44"];
        string[] classes = ["4521", "4531", "4533", "7131", "7226", "5070", "9091", "7731"];
        string[] words = ["impianti elettrici", "manutenzione", "restauro", "software", "pulizia", "costruzione edifici", "fotovoltaico", "rossi"];
        string[] provinces = ["BO", "MI", "RM", "TO", "NA", "FI", "BA", "PA", "VE", "GE"];
        string[] regions = ["Lombardia", "Emilia-Romagna", "Lazio", "Campania", "Veneto", "Piemonte"];
        T Any<T>(T[] items) => items[rng.Next(items.Length)];
        string AnyComune() => comuni[rng.Next(comuni.Length)].Code;

        var scenarios = new (string Name, Func<DirectoryCriteria> Criteria)[]
        {
            ("first page, no filter", () => new DirectoryCriteria()),
            ("CPV division", () => new DirectoryCriteria(Cpv: Any(divisions))),
            ("CPV class", () => new DirectoryCriteria(Cpv: Any(classes))),
            ("words", () => new DirectoryCriteria(Words: Any(words))),
            ("words + province", () => new DirectoryCriteria(Words: Any(words), Province: Any(provinces))),
            ("CPV division + region + size", () => new DirectoryCriteria(Cpv: Any(divisions), Region: Any(regions), Size: FirmSize.Small)),
            ("within 25 km of a comune", () => new DirectoryCriteria(NearComune: AnyComune())),
            ("CPV class within 50 km", () => new DirectoryCriteria(Cpv: Any(classes), NearComune: AnyComune(), RadiusKm: 50)),
            ("verified + CPV division", () => new DirectoryCriteria(Cpv: Any(divisions), VerifiedOnly: true)),
            ("words, page 5", () => new DirectoryCriteria(Words: Any(words), Page: 5)),
        };

        var all = new List<double>();
        var rows = new List<string>();
        Console.WriteLine($"{"scenario",-30} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"hits (last)",12}");
        foreach (var (name, criteria) in scenarios)
        {
            var timings = new List<double>();
            var hits = 0;
            for (var i = 0; i < iterations + 10; i++)
            {
                var normalized = DirectorySearch.Normalize(criteria()).Value!;
                var watch = Stopwatch.StartNew();
                await using var db = Db(); // a context per search, as per request in the server
                var result = await DirectorySearch.Run(db, spaceId, normalized, CancellationToken.None);
                watch.Stop();
                hits = result.Total;
                if (i >= 10) timings.Add(watch.Elapsed.TotalMilliseconds); // the first ten warm the pool and caches
            }
            all.AddRange(timings);
            var line = $"{name,-30} {P(timings, 50),8:F1} {P(timings, 99),8:F1} {timings.Max(),8:F1} {hits,12:N0}";
            Console.WriteLine(line);
            rows.Add($"| {name} | {P(timings, 50):F1} | {P(timings, 99):F1} | {timings.Max():F1} | {hits:N0} |");
        }
        Console.WriteLine($"{"ALL",-30} {P(all, 50),8:F1} {P(all, 99),8:F1} {all.Max(),8:F1}");
        rows.Add($"| **all searches** | **{P(all, 50):F1}** | **{P(all, 99):F1}** | {all.Max():F1} | |");

        await Write("directory-search.md", $"""
            # Directory search benchmark

            {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {firms:N0} member firms in one space, PostgreSQL {await ServerVersion(Db)},
            {iterations} searches per scenario after 10 warm-up searches, a new DbContext per search (as per request).

            | scenario | p50 ms | p99 ms | max ms | total hits (last search) |
            |---|---|---|---|---|
            {string.Join("\n", rows)}

            """);
        if (database is null) return 0;
        if (args.Flag("--keep")) Console.WriteLine($"Kept: {database.ConnectionString}"); // for --reuse, or to EXPLAIN by hand
        else await database.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// A space of <c>--firms</c> (100k) generated member firms in a new database, or the one of <c>--reuse CONN</c>
    /// (a connection string printed by <c>--keep</c>). Shared by the scenarios that search a large space.
    /// </summary>
    internal static async Task<(TestDatabase? Database, Func<MarketplaceDbContext> Db, Guid SpaceId, int Firms)> LoadedSpace(BenchOptions args)
    {
        var firms = args.Int("--firms", 100_000);
        var reuse = args.Text("--reuse");
        var database = reuse is null ? await TestDatabase.Create(DatabaseProvider.Postgres) : null;
        var Db = Bench.Db(reuse ?? database!.ConnectionString);
        if (reuse is not null)
        {
            await using var db = Db();
            return (null, Db, await db.Spaces.Select(s => s.SpaceId).SingleAsync(), await db.SpaceMembers.CountAsync());
        }
        await using (var db = Db()) await db.Database.MigrateAsync();
        var spaceId = Guid.NewGuid();
        var load = Stopwatch.StartNew();
        await Load(Db, spaceId, firms);
        Console.WriteLine($"Loaded {firms:N0} member firms in {load.Elapsed.TotalSeconds:F0} s");
        return (database, Db, spaceId, firms);
    }

    static async Task Load(Func<MarketplaceDbContext> Db, Guid spaceId, int count)
    {
        var host = Guid.NewGuid();
        await using (var db = Db())
        {
            db.Spaces.Add(new SpaceEntry { SpaceId = spaceId, HostId = host, Name = "Benchmark", Visibility = DirectoryVisibility.MembersOnly, PolicyVersion = 1 });
            await db.SaveChangesAsync();
        }
        await LoadMembers(Db, spaceId, count);
    }

    /// <summary>
    /// <paramref name="count"/> generated member firms of an existing space, straight into the read models the
    /// directory searches (directory, capabilities, space members), 5,000 rows a transaction; then ANALYZE.
    /// </summary>
    internal static async Task<Guid[]> LoadMembers(Func<MarketplaceDbContext> Db, Guid spaceId, int count)
    {
        var ids = new Guid[count];
        var source = new FirmGenerator(42);
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = Db();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var id = ids[i] = Guid.NewGuid();
                var firm = source.Next(id);
                db.Directory.Add(BusinessProjector.Entry(id, firm));
                db.BusinessCapabilities.AddRange(BusinessProjector.Capabilities(id, firm));
                var vouched = source.Vouched();
                var member = new SpaceMemberEntry
                {
                    SpaceId = spaceId, BusinessId = id, Status = MembershipStatus.Member, AcceptedPolicyVersion = 1,
                    Since = DateTimeOffset.UnixEpoch,
                    VouchedSize = vouched ? firm.Profile.Size : null, VouchedVatNumber = vouched ? firm.Profile.VatNumber : null,
                    VouchedAt = vouched ? DateTimeOffset.UnixEpoch : null,
                };
                member.RefreshVerified(firm.Profile.VatNumber, firm.Profile.Size);
                db.SpaceMembers.Add(member);
            }
            await db.SaveChangesAsync();
        }
        await using (var db = Db()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return ids;
    }
}
