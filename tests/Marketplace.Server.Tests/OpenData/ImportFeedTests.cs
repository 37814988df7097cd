using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Server.OpenData.Import;
using Marketplace.Server.OpenData.Import.Feeds;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Marketplace.Server.Tests.OpenData.TestPackages;

namespace Marketplace.Server.Tests.OpenData;

/// <summary>
/// A server that may fetch feeds from this machine's loopback (where the tests' publisher runs): the test-only option;
/// its nodes look for due feeds often, so a test waits little for the scheduled fetch it causes.
/// </summary>
public abstract class LoopbackFeedHost(DatabaseProvider provider) : ClockedHost(provider, new FakeTimeProvider(DateTimeOffset.UtcNow), settings: new Dictionary<string, string>
{
    ["OpenData:Import:Feeds:AllowLoopback"] = "true",
    ["OpenData:Import:Feeds:PollEvery"] = "00:00:00.200",
});

public sealed class LoopbackFeedSqliteHost() : LoopbackFeedHost(DatabaseProvider.Sqlite);

public sealed class LoopbackFeedPostgresHost() : LoopbackFeedHost(DatabaseProvider.Postgres);

public sealed class ImportFeedTestsOnSqlite(LoopbackFeedSqliteHost fixture) : ImportFeedTests<LoopbackFeedSqliteHost>(fixture);

public sealed class ImportFeedTestsOnPostgres(LoopbackFeedPostgresHost fixture) : ImportFeedTests<LoopbackFeedPostgresHost>(fixture);

/// <summary>
/// A space's admins add addresses of OCDS release packages that the server fetches on a schedule, one node at a time,
/// each fetch imported exactly as an upload is and reported as the feed's last fetch; anyone else is refused.
/// </summary>
public abstract class ImportFeedTests<THost>(THost fixture) : IClassFixture<THost>, IAsyncLifetime where THost : ClockedHost
{
    const string School = "ocds-x7k2p9-mo-2026-0118", Cleaning = "ocds-x7k2p9-asl-2026-0042", Road = "ocds-x7k2p9-prov-2026-0007";

    PackageServer publisher = null!;

    public async Task InitializeAsync() => publisher = await PackageServer.Start();

    public async Task DisposeAsync() => await publisher.DisposeAsync();

    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static string Feeds(Guid spaceId) => $"/api/spaces/{spaceId}/opportunities/feeds";

    static Task<HttpResponseMessage> Add(HttpClient client, Guid spaceId, string? url, int? periodHours = 24) =>
        client.PostAsJsonAsync(Feeds(spaceId), new AddImportFeedRequest(url, periodHours), Json);

    static async Task<ImportFeedDto> Added(HttpClient client, Guid spaceId, string url, int periodHours = 24)
    {
        var response = await Add(client, spaceId, url, periodHours);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<ImportFeedDto>();
    }

    static async Task<ImportFeedDto[]> List(HttpClient client, Guid spaceId) => (await client.GetFromJsonAsync<ImportFeedDto[]>(Feeds(spaceId), Json))!;

    static async Task<TenderSummaryDto[]> SpaceTenders(HttpClient person, Guid spaceId) =>
        (await person.GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{spaceId}/tenders", Json))!;

    [Fact]
    public async Task An_added_feed_is_fetched_at_once_and_imported_as_an_upload_is_whatever_type_its_server_says()
    {
        var w = await World();
        publisher.Serve("/ocds/oggi.json", Package().ToJsonString(), "text/plain; charset=utf-8");

        var feed = await Added(w.Admin, w.SpaceId, publisher.Url("/ocds/oggi.json"));

        feed.Url.Should().Be(publisher.Url("/ocds/oggi.json"));
        feed.PeriodHours.Should().Be(24);
        feed.Last.Should().NotBeNull();
        feed.Last!.Outcome.Should().Be(FeedFetchOutcome.Imported, feed.Last.Failure?.Message);
        feed.Last.At.Should().Be(w.Now);
        (feed.Last.Result!.Releases, feed.Last.Result.Created, feed.Last.Result.Updated, feed.Last.Result.Unchanged).Should().Be((4, 3, 0, 0));
        feed.NextFetchAt.Should().BeCloseTo(w.Now.AddHours(24), TimeSpan.FromMilliseconds(1), "PostgreSQL keeps microseconds");
        var school = await w.Get(w.Builder, ExternalOpportunities.TenderId(w.SpaceId, School));
        school.External!.Ocid.Should().Be(School);
        (await w.Builder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.BuilderId}/inbox", Json)).Should()
            .ContainSingle(i => i.TenderId == school.Id, "the matching firm hears of it as of an uploaded one");
        (await List(w.Admin, w.SpaceId)).Should().ContainSingle().Which.Should().BeEquivalentTo(feed);
    }

    [Fact]
    public async Task A_due_feed_is_fetched_again_on_schedule_and_its_report_says_what_changed()
    {
        var w = await World();
        publisher.Serve("/ocds/modena.json", Only(r => (string?)r["id"] == "ocds-x7k2p9-mo-2026-0118-tender-01").ToJsonString());
        var feed = await Added(w.Admin, w.SpaceId, publisher.Url("/ocds/modena.json"), periodHours: 1);
        feed.Last!.Result!.Created.Should().Be(1);

        publisher.Serve("/ocds/modena.json", Package().ToJsonString());
        fixture.Clock.Advance(TimeSpan.FromMinutes(59));
        (await List(w.Admin, w.SpaceId)).Single().Last!.At.Should().Be(feed.Last.At, "not due before its period");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var fetched = await Eventually(async () => (await List(w.Admin, w.SpaceId)).Single(f => f.Last!.At > feed.Last.At));
        fetched.Last!.Outcome.Should().Be(FeedFetchOutcome.Imported);
        (fetched.Last.Result!.Created, fetched.Last.Result.Updated, fetched.Last.Result.Unchanged).Should().Be((2, 1, 0));
        fetched.Last.Result.Opportunities.Single(o => o.Ocid == School).Effect.Should().Be(ImportEffect.Updated);
        fetched.NextFetchAt.Should().BeCloseTo(fetched.Last.At.AddHours(1), TimeSpan.FromMilliseconds(1));
        (await w.Get(w.Builder, ExternalOpportunities.TenderId(w.SpaceId, School))).Lots.Should().HaveCount(2, "the amendment's lot joined");

        var again = await (await w.Admin.PostAsync($"{Feeds(w.SpaceId)}/{feed.Id}/fetch", null)).Read<ImportFeedDto>();
        (again.Last!.Result!.Created, again.Last.Result.Updated, again.Last.Result.Unchanged).Should().Be((0, 0, 3), "fetched now, nothing changed");
        (await SpaceTenders(w.Builder, w.SpaceId)).Where(t => t.External).Should().HaveCount(3, "never duplicated");
    }

    [Fact]
    public async Task One_fetch_of_a_feed_runs_at_a_time_and_another_asked_meanwhile_is_refused()
    {
        var w = await World();
        publisher.Serve("/ocds/lento.json", Package().ToJsonString());
        var feed = await Added(w.Admin, w.SpaceId, publisher.Url("/ocds/lento.json"));
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Answer("/ocds/lento.json", async context =>
        {
            arrived.TrySetResult();
            await release.Task;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Package().ToJsonString());
        });

        var first = w.Admin.PostAsync($"{Feeds(w.SpaceId)}/{feed.Id}/fetch", null);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        (await List(w.Admin, w.SpaceId)).Single().Fetching.Should().BeTrue();
        var second = await w.Admin.PostAsync($"{Feeds(w.SpaceId)}/{feed.Id}/fetch", null);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.Refusal()).Code.Should().Be("feed.busy");
        release.SetResult();

        var done = await (await first).Read<ImportFeedDto>();
        done.Last!.Result!.Unchanged.Should().Be(3);
        done.Fetching.Should().BeFalse();
        publisher.Requests("/ocds/lento.json").Should().Be(2, "the first fetch when added, then one more: the refused one fetched nothing");
    }

    [Fact]
    public async Task A_refused_package_is_reported_with_each_error_by_its_path_and_imports_nothing()
    {
        var w = await World();
        var package = Package();
        package["releases"]![1]!["tender"]!["items"]![0]!["classification"]!["id"] = "99999999";
        publisher.Serve("/ocds/errato.json", package.ToJsonString());

        var feed = await Added(w.Admin, w.SpaceId, publisher.Url("/ocds/errato.json"));

        feed.Last!.Outcome.Should().Be(FeedFetchOutcome.Refused);
        feed.Last.Errors.Should().ContainKey("$.releases[1].tender.items[0].classification.id")
            .WhoseValue.Select(e => e.Code).Should().Equal("import.cpvUnknown");
        feed.Last.Result.Should().BeNull();
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().BeEmpty("a package with an error is refused whole, from a feed as from an upload");
    }

    [Fact]
    public async Task A_fetch_that_brings_no_package_says_why_and_redirects_are_followed_only_to_public_addresses()
    {
        var w = await World();
        publisher.Redirect("/vecchio", "/nuovo");
        publisher.Redirect("/nuovo", publisher.Url("/ocds/oggi.json"));
        publisher.Serve("/ocds/oggi.json", Package().ToJsonString());
        (await Added(w.Admin, w.SpaceId, publisher.Url("/vecchio"))).Last!.Result!.Created.Should().Be(3, "a feed that moved is followed");

        publisher.Redirect("/interno", "http://10.20.30.40/ocds.json");
        publisher.Redirect("/ftp", "ftp://files.example.org/ocds.json");
        publisher.Redirect("/giro", "/giro");
        publisher.Status("/sparito", 410);
        publisher.Answer("/enorme", async context =>
        {
            // Declares more than an upload may carry; the fetch stops at the headers.
            context.Response.ContentLength = OpportunityImportEndpoints.MaxPackageBytes + 1;
            await context.Response.Body.WriteAsync("{\"releases\":["u8.ToArray());
            await context.Response.Body.FlushAsync();
            // Holds the rest back until the server hangs up, which it does once it has read the headers.
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
            catch (OperationCanceledException) { }
        });
        foreach (var (path, code, arg) in new[]
        {
            ("/interno", "feed.notPublic", "10.20.30.40"), ("/ftp", "feed.url", null), ("/giro", "feed.tooManyRedirects", "5"),
            ("/sparito", "feed.status", "410"), ("/enorme", "feed.tooLarge", null),
        })
        {
            var failed = (await Added(w.Admin, w.SpaceId, publisher.Url(path))).Last!;
            failed.Outcome.Should().Be(FeedFetchOutcome.Failed, path);
            failed.Failure!.Code.Should().Be(code, path);
            if (arg is not null) failed.Failure.Args.Values.Should().Contain(arg, path);
        }
        publisher.Requests("/giro").Should().Be(FeedClient.MaxRedirects + 1, "a few redirects, then it stops");
    }

    [Fact]
    public async Task An_address_that_is_not_http_or_a_period_out_of_bounds_is_refused_naming_the_field_and_an_address_is_added_once()
    {
        var w = await World();
        publisher.Serve("/ocds/oggi.json", Package().ToJsonString());

        var missing = await (await Add(w.Admin, w.SpaceId, null, null)).Refusal();
        missing.FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["url"] = ["input.fieldRequired"], ["periodHours"] = ["input.fieldRequired"] });
        foreach (var (url, period, field, code) in new[]
        {
            ("ftp://opendata.example.org/ocds.json", 24, "url", "feed.url"), ("file:///etc/passwd", 24, "url", "feed.url"), ("non un indirizzo", 24, "url", "feed.url"),
            ("https://utente:segreto@opendata.example.org/ocds.json", 24, "url", "feed.credentials"),
            (publisher.Url("/ocds/oggi.json"), 0, "periodHours", "feed.period"), (publisher.Url("/ocds/oggi.json"), 169, "periodHours", "feed.period"),
        })
        {
            var refused = await Add(w.Admin, w.SpaceId, url, period);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, url);
            (await refused.Refusal()).FieldCodes.Should().ContainKey(field).WhoseValue.Should().Equal([code], url);
        }
        (await List(w.Admin, w.SpaceId)).Should().BeEmpty("nothing refused was added");

        await Added(w.Admin, w.SpaceId, publisher.Url("/ocds/oggi.json"));
        var twice = await Add(w.Admin, w.SpaceId, publisher.Url("/ocds/oggi.json"));
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await twice.Refusal()).Code.Should().Be("feed.duplicate");
    }

    [Fact]
    public async Task Only_the_space_s_admins_see_add_fetch_or_remove_its_feeds()
    {
        var w = await World();
        publisher.Serve("/ocds/oggi.json", Package().ToJsonString());
        var feed = await Added(w.Admin, w.SpaceId, publisher.Url("/ocds/oggi.json"));
        var otherAdmin = fixture.Host.Browser();
        await otherAdmin.SignUp("altro-admin-feed");
        var otherSpace = await otherAdmin.CreateSpace("Altro spazio");
        var one = $"{Feeds(w.SpaceId)}/{feed.Id}";

        foreach (var (who, client) in new[] { ("a member firm's owner", w.Builder), ("another space's admin", otherAdmin), ("a buyer of the space", w.Buyer), ("an outsider", w.Outsider) })
            foreach (var response in new[]
            {
                await client.GetAsync(Feeds(w.SpaceId)), await Add(client, w.SpaceId, publisher.Url("/ocds/altro.json")),
                await client.PostAsync($"{one}/fetch", null), await client.DeleteAsync(one),
            })
            {
                response.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
                (await response.Refusal()).Code.Should().Be("space.notAdmin", who);
            }
        (await w.Anonymous.GetAsync(Feeds(w.SpaceId))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await w.Anonymous.PostAsync($"{one}/fetch", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var elsewhere = await otherAdmin.PostAsync($"{Feeds(otherSpace)}/{feed.Id}/fetch", null);
        elsewhere.StatusCode.Should().Be(HttpStatusCode.NotFound, "another space's admin reaches no feed of this space through their own");
        (await (await otherAdmin.DeleteAsync($"{Feeds(otherSpace)}/{feed.Id}")).Refusal()).Code.Should().Be("feed.notFound");
        (await List(otherAdmin, otherSpace)).Should().BeEmpty();
        publisher.Requests("/ocds/altro.json").Should().Be(0, "no refused caller made the server fetch anything");

        (await List(w.Admin, w.SpaceId)).Should().ContainSingle();
        (await w.Admin.DeleteAsync(one)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await List(w.Admin, w.SpaceId)).Should().BeEmpty();
        (await SpaceTenders(w.Builder, w.SpaceId)).Where(t => t.External).Should().HaveCount(3, "what the feed imported stays");
    }

    /// <summary>The value once <paramref name="read"/> finds it (the server's scheduled round runs on its own).</summary>
    static async Task<T> Eventually<T>(Func<Task<T>> read)
    {
        for (var until = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            try { return await read(); }
            catch (Exception) when (DateTime.UtcNow < until) { }
        }
    }
}
