using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class SpaceTenderListTestsOnSqlite(ClockedSqliteHost fixture) : SpaceTenderListTests<ClockedSqliteHost>(fixture);

public sealed class SpaceTenderListTestsOnPostgres(ClockedPostgresHost fixture) : SpaceTenderListTests<ClockedPostgresHost>(fixture);

/// <summary>A space's tender list is kept in the space's read cache: each read after a stored change shows the change.</summary>
public abstract class SpaceTenderListTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<TenderSummaryDto[]> List(TenderWorld w) =>
        (await w.Anonymous.GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{w.SpaceId}/tenders", Json))!;

    [Fact]
    public async Task The_list_shows_publications_cancellations_and_the_buyer_s_new_name_but_never_a_draft()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        (await List(w)).Should().BeEmpty();

        var first = await w.Publish();
        var draft = await w.Draft();
        (await List(w)).Should().ContainSingle().Which.Should().BeEquivalentTo(new { first.Id, BuyerName = "Comune di Prova", Status = TenderStatus.Enquiries });

        var published = await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json);
        published.EnsureSuccessStatusCode();
        (await List(w)).Select(t => t.Id).Should().BeEquivalentTo([first.Id, draft.Id]);

        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{first.Id}/cancel", new TextRequest("Finanziamento revocato"), Json)).EnsureSuccessStatusCode();
        (await List(w)).Single(t => t.Id == first.Id).Status.Should().Be(TenderStatus.Cancelled);

        var buyer = (await w.Buyer.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{w.BuyerId}", Json))!;
        (await w.Buyer.EditProfile(w.BuyerId, EditOf(buyer) with { Name = "Comune di Prova Nuova" })).EnsureSuccessStatusCode();
        (await List(w)).Select(t => t.BuyerName).Should().AllBe("Comune di Prova Nuova");
    }

    [Fact]
    public async Task A_browser_gets_the_list_gzipped_and_a_client_that_takes_no_gzip_gets_it_as_it_is()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        for (var i = 0; i < 4; i++) await w.Publish();
        var path = $"/api/spaces/{w.SpaceId}/tenders";
        async Task<HttpResponseMessage> Get(string? acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            return await w.Anonymous.SendAsync(request);
        }

        var browser = await Get("gzip, deflate, br, zstd"); // what Chromium asks with
        var plain = await Get(null);
        var declined = await Get("gzip;q=0, identity");
        var anything = await Get("*");

        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var packed = await browser.Content.ReadAsByteArrayAsync();
        browser.Content.Headers.ContentEncoding.Should().Equal("gzip");
        browser.Headers.Vary.Should().Contain("Accept-Encoding");
        using (var unpacked = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(packed), System.IO.Compression.CompressionMode.Decompress)) gzip.CopyTo(unpacked);
            unpacked.ToArray().Should().Equal(plainBytes, "the same answer, only smaller");
        }
        packed.Length.Should().BeLessThan(plainBytes.Length / 2);
        System.Text.Json.JsonSerializer.Deserialize<TenderSummaryDto[]>(plainBytes, Json).Should().HaveCount(4);
        plain.Content.Headers.ContentEncoding.Should().BeEmpty();
        plain.Headers.Vary.Should().Contain("Accept-Encoding");
        declined.Content.Headers.ContentEncoding.Should().BeEmpty("q=0 refuses gzip");
        (await declined.Content.ReadAsByteArrayAsync()).Should().Equal(plainBytes);
        anything.Content.Headers.ContentEncoding.Should().Equal("gzip");
    }
}
