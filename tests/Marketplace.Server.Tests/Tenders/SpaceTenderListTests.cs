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
}
