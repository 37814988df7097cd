using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.OpenData;

public sealed class OcdsBulkExportTestsOnSqlite(ClockedSqliteHost fixture) : OcdsBulkExportTests<ClockedSqliteHost>(fixture);

public sealed class OcdsBulkExportTestsOnPostgres(ClockedPostgresHost fixture) : OcdsBulkExportTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A space's and a buyer's bulk open data (GET /api/spaces/{id}/ocds, GET /api/businesses/{id}/ocds): every published
/// tender's release, a page at a time, each valid and each the one its tender's own package holds; no draft, nothing
/// sealed, for the buyer's people as for anyone.
/// </summary>
public abstract class OcdsBulkExportTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<JsonObject> Package(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var package = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        package["version"]!.GetValue<string>().Should().Be("1.1");
        OcdsSchema.PackageErrors(package).Should().BeEmpty("a bulk package and every release in it validate like a tender's own");
        return package;
    }

    static IEnumerable<string> Ocids(JsonObject package) => package["releases"]!.AsArray().Select(r => r!["ocid"]!.GetValue<string>());

    [Fact]
    public async Task A_space_s_and_a_buyer_s_packages_hold_every_published_tender_and_no_draft_nor_a_sealed_bid()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var awarded = await w.Publish();
        var sealedOne = await w.Publish();
        var draft = await w.Draft();
        w.PassTo(awarded.EnquiryDeadline);
        (await w.Bid(w.Builder, awarded.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, sealedOne.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();

        foreach (var (client, path) in new[] { (w.Anonymous, $"/api/spaces/{w.SpaceId}/ocds"), (w.Buyer, $"/api/businesses/{w.BuyerId}/ocds"), (w.Outsider, $"/api/businesses/{w.BuyerId}/ocds") })
        {
            var package = await Package(client, path);
            Ocids(package).Should().BeEquivalentTo([$"ocds-mktplc-{awarded.Id}", $"ocds-mktplc-{sealedOne.Id}"], "the published tenders, and never a draft");
            package.ToJsonString().Should().NotContainAny([draft.Id.ToString(), w.BuilderId.ToString(), w.CoderId.ToString(), ":650000", ":700000"] /* a price as a JSON number: never part of an id */,
                "before opening no bid is named, priced or counted");
            package.ContainsKey("links").Should().BeFalse("it all fits on one page");
            var own = (await client.GetFromJsonAsync<JsonObject>($"/api/tenders/{sealedOne.Id}/ocds"))!["releases"]![0];
            JsonNode.DeepEquals(package["releases"]!.AsArray().Single(r => r!["ocid"]!.GetValue<string>() == $"ocds-mktplc-{sealedOne.Id}"), own)
                .Should().BeTrue("a tender's release in bulk is the one its own package holds");
        }

        w.PassOpening(awarded);
        var ranked = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{awarded.Id}/evaluation", Json))!.Lots.Single(l => l.Lot == 1).Ranking.Single();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{awarded.Id}/scores", new ScoreRequest(ranked.BidId, 2, 80m), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{awarded.Id}/decisions", new DecideRequest(1, ranked.BidId, null), Json)).EnsureSuccessStatusCode();
        var after = await Package(w.Anonymous, $"/api/spaces/{w.SpaceId}/ocds");
        var release = after["releases"]!.AsArray().Single(r => r!["ocid"]!.GetValue<string>() == $"ocds-mktplc-{awarded.Id}")!;
        release["awards"]![0]!["suppliers"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().Equal("Rossi Costruzioni");
        after.ToJsonString().Should().NotContainAny([w.CoderId.ToString(), ":650000"], "the other tender's bid is opened too, but nobody won with it");
    }

    [Fact]
    public async Task A_package_is_read_a_page_at_a_time_following_its_next_link()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var first = await w.Publish();
        var second = await w.Publish();

        var page1 = await Package(w.Anonymous, $"/api/businesses/{w.BuyerId}/ocds?pageSize=1");
        Ocids(page1).Should().ContainSingle();
        var next = new Uri(page1["links"]!["next"]!.GetValue<string>());
        var page2 = await Package(w.Anonymous, next.PathAndQuery);
        Ocids(page2).Should().ContainSingle();
        Ocids(page1).Concat(Ocids(page2)).Should().BeEquivalentTo([$"ocds-mktplc-{first.Id}", $"ocds-mktplc-{second.Id}"], "each tender is on one page");
        page2.ContainsKey("links").Should().BeFalse("nothing comes after the last page");
        // The last query's page times its 50 tenders a page is past int's range: still an empty page, not an error.
        foreach (var beyond in new[] { "page=3&pageSize=1", $"page={int.MaxValue}" })
            (await Package(w.Anonymous, $"/api/businesses/{w.BuyerId}/ocds?{beyond}"))["releases"]!.AsArray().Should().BeEmpty("no tender is past the last page");
    }

    [Fact]
    public async Task Only_a_buyer_and_an_existing_space_have_bulk_open_data()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var firm = await w.Anonymous.GetAsync($"/api/businesses/{w.BuilderId}/ocds");
        firm.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await firm.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().Should().Be("openData.notABuyer");
        (await w.Anonymous.GetAsync($"/api/businesses/{Guid.NewGuid()}/ocds")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Anonymous.GetAsync($"/api/spaces/{Guid.NewGuid()}/ocds")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
