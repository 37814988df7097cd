using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Data;
using Marketplace.Data.Feeds;
using Marketplace.Spaces;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.OpenData.Import.Feeds;

/// <summary>
/// Fetches a feed and imports what it serves exactly as an upload is imported (<see cref="OpportunityImporter"/>), under
/// a claim on the feed's row (<see cref="ImportFeedRows"/>) so that one node alone fetches a feed at a time, and records
/// what it did as the feed's last fetch. A scheduled fetch imports with the authority of the admin who added the feed
/// or last fetched it by hand, and only while that person is an admin of the space.
/// </summary>
public sealed class FeedFetcher(IServiceScopeFactory scopes, IGrainFactory grains, FeedClient client, IOptions<FeedOptions> options,
    IOptions<ImportLimits> limits, MarketplaceClock clock, ILogger<FeedFetcher> log)
{
    public static readonly Refusal OwnerNotAdmin = new("feed.ownerNotAdmin",
        "The admin this feed imports for is no longer an admin of the space: an admin who fetches it now takes it over.");

    const int Batch = 10;

    /// <summary>How a fetch's report is stored (the API's shape, enums by name).</summary>
    internal static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The opportunities a stored report lists; its counts say the rest.</summary>
    const int Listed = 50;

    /// <summary>Fetches the feeds due now that no other node holds; the answer is how many were fetched.</summary>
    public async Task<int> RunDue(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var fetched = 0;
        foreach (var id in await db.DueFeeds(clock.GetUtcNow(), Batch, ct))
        {
            var now = clock.GetUtcNow();
            if (await db.ClaimFeed(id, now, now + options.Value.ClaimFor, onlyIfDue: true, ct) is not { } feed) continue; // another node has it
            await Fetch(db, feed, feed.OwnerId, ct);
            fetched++;
        }
        return fetched;
    }

    /// <summary>Claims and fetches the feed at once for <paramref name="actor"/>; null when another fetch of it is running.</summary>
    public async Task<FeedFetchDto?> FetchNow(MarketplaceDbContext db, Guid feedId, Guid actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ClaimFeed(feedId, now, now + options.Value.ClaimFor, onlyIfDue: false, ct) is { } feed ? await Fetch(db, feed, actor, ct) : null;
    }

    async Task<FeedFetchDto> Fetch(MarketplaceDbContext db, ImportFeed feed, Guid actor, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var report = await Report(feed, actor, at, ct);
        var stored = JsonSerializer.Serialize(report, Stored);
        // Recorded even when the caller stops meanwhile: the import is applied, and the feed must say so.
        if (!await db.Fetched(feed, at, stored, actor, CancellationToken.None))
            log.LogWarning("Feed {Feed} was fetched after its claim lapsed or it was removed; its result is not recorded", feed.Id);
        return report;
    }

    async Task<FeedFetchDto> Report(ImportFeed feed, Guid actor, DateTimeOffset at, CancellationToken ct)
    {
        if (!await grains.GetGrain<ISpaceGrain>(feed.SpaceId).IsAdmin(actor)) return FeedFetchDto.Failed(at, OwnerNotAdmin);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            await using var package = await client.Open(feed.Url, OpportunityImportEndpoints.MaxPackageBytes, timeout.Token);
            var imported = await OpportunityImporter.Run(package, actor, feed.SpaceId, grains, at, limits.Value, timeout.Token);
            return imported.Problem is { } refused
                ? new FeedFetchDto(at, FeedFetchOutcome.Refused, null,
                    (refused.Errors ?? []).ToDictionary(e => e.Key, e => e.Value.Select(FeedErrorDto.Of).ToArray()), null)
                : new FeedFetchDto(at, FeedFetchOutcome.Imported, imported.Value! with { Opportunities = [.. imported.Value!.Opportunities.Take(Listed)] }, null, null);
        }
        catch (Exception e) when (Refusal(e) is { } refused)
        {
            return FeedFetchDto.Failed(at, refused.Refusal, refused.Args);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return FeedFetchDto.Failed(at, FeedClient.Timeout, ("seconds", (int)options.Value.Timeout.TotalSeconds));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            log.LogInformation(e, "Feed {Feed} could not be fetched", feed.Id);
            return FeedFetchDto.Failed(at, FeedClient.Unreachable, ("reason", e is HttpRequestException { HttpRequestError: var kind and not HttpRequestError.Unknown } ? kind : e.Message));
        }
    }

    /// <summary>Our own refusal, also when the HTTP stack wrapped it (one thrown while connecting or reading).</summary>
    static FeedRefused? Refusal(Exception e)
    {
        for (Exception? at = e; at is not null; at = at.InnerException)
            if (at is FeedRefused refused) return refused;
        return null;
    }
}

/// <summary>Runs the due feeds on every node, at start and at each poll; the claims keep two nodes off one feed.</summary>
internal sealed class FeedFetchLoop(FeedFetcher fetcher, IOptions<FeedOptions> options, ILogger<FeedFetchLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollEvery);
        do
        {
            try
            {
                // A round that fetched a batch may have left more due: go round again at once.
                while (await fetcher.RunDue(stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // a feed being fetched keeps its claim, which lapses for the next node or start
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The feeds' round failed; it tries again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public enum FeedFetchOutcome
{
    /// <summary>The package was valid and imported: <see cref="FeedFetchDto.Result"/> says what became of each ocid.</summary>
    Imported,

    /// <summary>The package arrived but was refused whole (nothing changed): <see cref="FeedFetchDto.Errors"/> by JSON path.</summary>
    Refused,

    /// <summary>No package was read (the address, the answer, the time, or who imports): <see cref="FeedFetchDto.Failure"/>.</summary>
    Failed,
}

/// <summary>What one fetch of a feed did.</summary>
public sealed record FeedFetchDto(DateTimeOffset At, FeedFetchOutcome Outcome, ImportResultDto? Result, Dictionary<string, FeedErrorDto[]>? Errors, FeedErrorDto? Failure)
{
    internal static FeedFetchDto Failed(DateTimeOffset at, Refusal refusal, params (string Name, object? Value)[] args) =>
        new(at, FeedFetchOutcome.Failed, null, null, FeedErrorDto.Of(FieldProblem.Of(refusal, args)));
}

/// <summary>One refusal as clients translate it: its code and arguments, and the English message.</summary>
public sealed record FeedErrorDto(string Code, string Message, Dictionary<string, string> Args)
{
    internal static FeedErrorDto Of(FieldProblem problem) => new(problem.Code, problem.Message, problem.Args);
}
