using Marketplace.Benchmarks;

// Benchmarks against PostgreSQL; the server comes from MARKETPLACE_TEST_POSTGRES (scripts/bench.sh starts a
// throwaway one) and each run creates its own database.
// Usage: dotnet run -c Release --project tests/Marketplace.Benchmarks -- [directory | deadline | suggestions | fanout | http | cluster] [options]
//   directory (the default): directory search over 100k member firms (issue #3), see DirectorySearchBenchmark.
//   deadline: 1,000 bids in the last 2 s before a tender's deadline on the real server (tenders), see DeadlineBurstBenchmark.
//   suggestions: partner suggestions for a 5-lot tender over 100k member firms (alliances), see PartnerSuggestionsBenchmark.
//   fanout: 1,000 watchers of one alliance workspace, 10 edits/s against a bare hub broadcast, then 50 edits/s, see FanOutBenchmark.
//   start: cold start of the built server on the embedded default (SQLite, demo seeded) to /health/ready, see ColdStartBenchmark.
//   http: page-level reads over HTTP (wrk) against a bare "bearer + one grain call" endpoint, see HttpReadsBenchmark.
//   cluster: hot reads, a deadline burst and cross-node fan-out on 1 node and then 2 nodes in cluster mode, see ClusterBenchmark.

string[] scenarios = ["directory", "deadline", "suggestions", "fanout", "http", "cluster", "start"];
var named = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
var scenario = named ? args[0] : "directory";
var options = new BenchOptions(named ? args[1..] : args);
switch (scenario)
{
    case "directory": return await DirectorySearchBenchmark.Run(options);
    case "deadline": return await DeadlineBurstBenchmark.Run(options);
    case "suggestions": return await PartnerSuggestionsBenchmark.Run(options);
    case "fanout": return await FanOutBenchmark.Run(options);
    case "http": return await HttpReadsBenchmark.Run(options);
    case "cluster": return await ClusterBenchmark.Run(options);
    case "start": return await ColdStartBenchmark.Run(options);
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}': use one of {string.Join(", ", scenarios)}.");
        return 2;
}
