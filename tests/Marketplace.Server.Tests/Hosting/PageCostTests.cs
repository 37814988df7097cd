using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hosting;

/// <summary>A clocked server whose requests can be counted (<see cref="RequestCosts"/>).</summary>
public abstract class CountedHost(Marketplace.Data.DatabaseProvider provider, RequestCosts costs)
    : ClockedHost(provider, new FakeTimeProvider(DateTimeOffset.UtcNow), costs.Configure)
{
    public RequestCosts Costs { get; } = costs;
}

public sealed class CountedSqliteHost() : CountedHost(Marketplace.Data.DatabaseProvider.Sqlite, new RequestCosts());

public sealed class CountedPostgresHost() : CountedHost(Marketplace.Data.DatabaseProvider.Postgres, new RequestCosts());

public sealed class PageCostTestsOnSqlite(CountedSqliteHost fixture) : PageCostTests<CountedSqliteHost>(fixture);

public sealed class PageCostTestsOnPostgres(CountedPostgresHost fixture) : PageCostTests<CountedPostgresHost>(fixture);

/// <summary>
/// What each page-level read of issue #11 costs the server, counted: the grain calls and SQL commands of one visit, for
/// a viewer who owns two firms, both members of the two spaces a tender is published in, and leads an alliance on it.
/// The limits are what the pages cost now; a change that adds a fan-out fails here with what the request did. A visit
/// is counted after a first one, as a page is read again and again (activations and read caches are warm).
/// </summary>
public abstract class PageCostTests<THost>(THost fixture) : IClassFixture<THost> where THost : CountedHost
{
    sealed record World(HttpClient Viewer, Guid SpaceId, Guid TenderId, Guid FirmId, Guid AllianceId);

    static readonly ConcurrentDictionary<THost, Task<World>> Worlds = new();

    Task<World> Made() => Worlds.GetOrAdd(fixture, _ => Make());

    async Task<World> Make()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var second = await w.Admin.CreateSpace("Spazio Secondo");
        await w.Admin.ApproveBuyer(w.Buyer, second, w.BuyerId);
        var other = await w.Builder.CreateBusiness("Rossi Impianti S.r.l.");
        (await w.Builder.EditProfile(other.Id, EditOf(other) with { Capabilities = ["45310000"] })).EnsureSuccessStatusCode();
        await w.Admin.Admit(w.SpaceId, w.Builder, other.Id);
        await w.Admin.Admit(second, w.Builder, other.Id);
        await w.Admin.Admit(second, w.Builder, w.BuilderId);
        // Lot 1 states requirements the alliance falls short in, so its qualification and its partners are judged.
        var request = w.Request();
        var school = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null);
        var tender = await w.Publish(request: request with { Spaces = [w.SpaceId, second], Lots = [request.Lots![0] with { Requirements = school }, request.Lots[1]] });
        var allianceId = await w.FormRti(tender.Id);
        var version = 0;
        foreach (var (title, lot, firm) in new[] { ("Opere murarie", 1, w.BuilderId), ("Cablaggio", 2, w.CoderId) })
        {
            var saved = await w.Builder.PostAsJsonAsync($"/api/alliances/{allianceId}/bid/work-packages",
                new SaveWorkPackageRequest(null, version, title, lot, null, firm, new MoneyDto(100_000m, "EUR")), Json);
            saved.EnsureSuccessStatusCode();
            version = (await saved.Read<JointBidDto>()).Version;
        }
        return new World(w.Builder, w.SpaceId, tender.Id, w.BuilderId, allianceId);
    }

    /// <summary>The page's address in the world, and the most grain calls and SQL commands one visit may cost.</summary>
    static (string Path, int GrainCalls, int Queries) Page(string page, World w) => page switch
    {
        // The viewer's firms' bidding facts are held by the tender's activation until a bid or sign-off changes (BiddingFacts).
        "tender detail" => ($"/api/tenders/{w.TenderId}", 3, 0),
        "inbox" => ($"/api/businesses/{w.FirmId}/inbox", 3, 0),
        "business page" => ($"/api/businesses/{w.FirmId}", 3, 0),
        "space page" => ($"/api/spaces/{w.SpaceId}", 8, 0),
        "alliance workspace" => ($"/api/alliances/{w.AllianceId}", 5, 0),
        // The firms' DGUE digests, against which each sign-off is judged, are held by the silo (DgueDigests): no query.
        "joint bid" => ($"/api/alliances/{w.AllianceId}/bid", 5, 0),
        // The firms' qualifications are read from their rows, never one grain per firm (of the alliance or of the space).
        "alliance qualification" => ($"/api/alliances/{w.AllianceId}/qualification", 8, 3),
        "alliance partner suggestions" => ($"/api/alliances/{w.AllianceId}/suggestions", 8, 10),
        "directory first page" => ($"/api/spaces/{w.SpaceId}/directory", 6, 0),
        "tender list of a space" => ($"/api/spaces/{w.SpaceId}/tenders", 2, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, null),
    };

    [Theory]
    [InlineData("tender detail")]
    [InlineData("inbox")]
    [InlineData("business page")]
    [InlineData("space page")]
    [InlineData("alliance workspace")]
    [InlineData("joint bid")]
    [InlineData("alliance qualification")]
    [InlineData("alliance partner suggestions")]
    [InlineData("directory first page")]
    [InlineData("tender list of a space")]
    public async Task A_visit_to_a_page_costs_at_most_its_grain_calls_and_queries(string page)
    {
        var w = await Made();
        var (path, grainCalls, queries) = Page(page, w);
        (await w.Viewer.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

        var (response, cost) = await fixture.Costs.Measure(w.Viewer, path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        cost.GrainCalls.Should().NotBeEmpty("the counting must see the page's grain calls, or every limit would pass");
        cost.GrainCalls.Count.Should().BeLessThanOrEqualTo(grainCalls, $"the {page} costs {cost}");
        cost.Queries.Count.Should().BeLessThanOrEqualTo(queries, $"the {page} costs {cost}");
    }
}
