using System.Net;
using System.Net.Http.Json;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class TenderSearchTestsOnSqlite(ClockedSqliteHost fixture) : TenderSearchTests<ClockedSqliteHost>(fixture);

public sealed class TenderSearchTestsOnPostgres(ClockedPostgresHost fixture) : TenderSearchTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The tenders across a firm's spaces: found by the directory's search box read on their lots (a trade, a place,
/// CPV codes), by value, phase and deadline; only in the spaces the viewer is inside of, or that show themselves to all.
/// </summary>
public abstract class TenderSearchTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    /// <summary>
    /// A school's upkeep (plumbing in Carpi, province of Modena, 120 000; painting in Bologna, 40 000), closing in 7
    /// days, and a plumbing job in Bologna (900 000) closing in 20.
    /// </summary>
    static async Task<(TenderWorld World, TenderDto School, TenderDto Bologna)> Arrange(THost host)
    {
        var w = await TenderWorld.Create(host.Host, host.Clock);
        var school = await w.Publish(request: w.Request() with
        {
            Title = "Manutenzione scuole comunali", Description = "Interventi sugli edifici scolastici",
            Lots = [
                new LotRequest(0, "Impianti sanitari", null, ["45330000"], new MoneyDto(120_000m, "EUR"), "036005"),
                new LotRequest(0, "Tinteggiatura aule", null, ["45442100"], new MoneyDto(40_000m, "EUR"), "037006"),
            ],
        });
        var bologna = await w.Publish(request: w.Request() with
        {
            Title = "Rifacimento bagni palestra", Description = null,
            Lots = [new LotRequest(0, "Bagni e spogliatoi", null, ["45330000"], new MoneyDto(900_000m, "EUR"), "037006")],
            SubmissionDeadline = w.Now.AddDays(20),
        });
        return (w, school, bologna);
    }

    static async Task<TenderSearchPageDto> Search(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/tenders?{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Read<TenderSearchPageDto>();
    }

    /// <summary>
    /// The tenders found among <paramref name="ours"/>, in the order listed: tests share a database, and another
    /// test's space that shows itself to everyone is found by every viewer.
    /// </summary>
    static Guid[] Ids(TenderSearchPageDto page, params TenderDto[] ours) =>
        [.. page.Items.Select(i => i.Tender.Id).Where(id => ours.Any(t => t.Id == id))];

    [Fact]
    public async Task A_member_firm_finds_a_tender_by_the_trade_and_the_province_of_one_of_its_lots()
    {
        var (w, school, bologna) = await Arrange(fixture);

        var found = await Search(w.Builder, "q=" + Uri.EscapeDataString("idraulico a Modena"));

        Ids(found, school, bologna).Should().Equal(school.Id);
        found.Items.Single(i => i.Tender.Id == school.Id).Lots.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Number = 1, Title = "Impianti sanitari", ComuneName = "Carpi", ProvinceSigla = "MO" });
        found.Searched.TradeWords.Should().Equal("idraulico");
        found.Searched.Place.Should().Be(new PlaceDto(PlaceKind.Province, "Modena"));
        // Plumbing in Bologna and painting in Modena is not plumbing in Modena.
        Ids(await Search(w.Builder, "q=" + Uri.EscapeDataString("imbianchino a Modena")), school, bologna).Should().BeEmpty();
        Ids(await Search(w.Builder, "q=idraulico"), school, bologna).Should().Equal(school.Id, bologna.Id);
    }

    [Fact]
    public async Task Codes_and_their_first_digits_places_and_words_find_the_lots_that_have_them()
    {
        var (w, school, bologna) = await Arrange(fixture);

        Ids(await Search(w.Builder, "q=4544"), school, bologna).Should().Equal(school.Id);
        (await Search(w.Builder, "q=4544")).Items.Single(i => i.Tender.Id == school.Id).Lots.Select(l => l.Number).Should().Equal(2);
        Ids(await Search(w.Builder, "q=45330000-9"), school, bologna).Should().Equal(school.Id, bologna.Id);
        Ids(await Search(w.Builder, "q=Bologna"), school, bologna).Should().Equal(school.Id, bologna.Id);
        Ids(await Search(w.Builder, "q=Carpi"), school, bologna).Should().Equal(school.Id);
        Ids(await Search(w.Builder, "q=palestra"), school, bologna).Should().Equal(bologna.Id);
        Ids(await Search(w.Builder, "q=" + Uri.EscapeDataString("scuole Bologna")), school, bologna).Should().Equal(school.Id);
    }

    [Fact]
    public async Task The_estimated_value_of_a_lot_and_the_days_left_to_bid_narrow_the_list_sorted_by_deadline()
    {
        var (w, school, bologna) = await Arrange(fixture);

        Ids(await Search(w.Builder, "minValue=500000"), school, bologna).Should().Equal(bologna.Id);
        Ids(await Search(w.Builder, "maxValue=50000"), school, bologna).Should().Equal(school.Id);
        (await Search(w.Builder, "maxValue=50000")).Items.Single(i => i.Tender.Id == school.Id).Lots.Select(l => l.Number).Should().Equal(2);
        Ids(await Search(w.Builder, "minValue=100000&maxValue=200000"), school, bologna).Should().Equal(school.Id);
        Ids(await Search(w.Builder, "closingWithinDays=10"), school, bologna).Should().Equal(school.Id);
        Ids(await Search(w.Builder, "closingWithinDays=30"), school, bologna).Should().Equal(school.Id, bologna.Id);
    }

    [Fact]
    public async Task Open_tenders_come_first_and_a_cancelled_one_is_closed()
    {
        var (w, school, bologna) = await Arrange(fixture);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{school.Id}/cancel", new TextRequest("Finanziamento revocato"), Json)).EnsureSuccessStatusCode();

        Ids(await Search(w.Builder, ""), school, bologna).Should().Equal(bologna.Id, school.Id);
        Ids(await Search(w.Builder, "status=Open"), school, bologna).Should().Equal(bologna.Id);
        Ids(await Search(w.Builder, "status=Closed"), school, bologna).Should().Equal(school.Id);
        Ids(await Search(w.Builder, "status=Awarded"), school, bologna).Should().BeEmpty();
        Ids(await Search(w.Builder, "status=Open&q=idraulico"), school, bologna).Should().Equal(bologna.Id);
    }

    [Fact]
    public async Task A_firm_outside_a_members_only_space_and_a_visitor_find_none_of_its_tenders_and_nobody_finds_a_draft()
    {
        var (w, school, bologna) = await Arrange(fixture);
        var draft = await w.Draft();

        Ids(await Search(w.Outsider, "q=idraulico"), school, bologna, draft).Should().BeEmpty();
        Ids(await Search(w.Outsider, ""), school, bologna, draft).Should().BeEmpty();
        Ids(await Search(w.Anonymous, ""), school, bologna, draft).Should().BeEmpty();
        // The buyer's own people see their draft on their own list, never among published tenders.
        Ids(await Search(w.Buyer, ""), school, bologna, draft).Should().Equal(school.Id, bologna.Id);
        Ids(await Search(w.Coder, ""), school, bologna, draft).Should().Equal(school.Id, bologna.Id);
        Ids(await Search(w.Admin, ""), school, bologna, draft).Should().Equal(school.Id, bologna.Id);
    }

    [Fact]
    public async Task A_space_that_shows_itself_to_everyone_shows_its_tenders_to_a_visitor_too()
    {
        var (w, school, bologna) = await Arrange(fixture);
        var space = await w.Admin.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.SpaceId}", Json);
        var version = space!.Version;
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/settings", new EditSpaceSettingsRequest(version, space.Summary.Name,
            space.Summary.Description, space.TerritoryComuni, space.TerritoryProvinces, DirectoryVisibility.Public), Json)).EnsureSuccessStatusCode();

        Ids(await Search(w.Anonymous, "q=idraulico"), school, bologna).Should().Equal(school.Id, bologna.Id);
        Ids(await Search(w.Outsider, "q=" + Uri.EscapeDataString("idraulico a Modena")), school, bologna).Should().Equal(school.Id);
    }

    [Theory]
    [InlineData("minValue=200&maxValue=100", "minValue", "tenderSearch.valueRange")]
    [InlineData("maxValue=-1", "maxValue", "tenderSearch.valueRange")]
    [InlineData("closingWithinDays=0", "closingWithinDays", "tenderSearch.closingDays")]
    public async Task A_value_range_upside_down_or_a_deadline_out_of_range_is_refused_naming_the_field(string query, string field, string code)
    {
        var response = await fixture.Host.CreateClient().GetAsync($"/api/tenders?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"{field}\"").And.Contain(code);
    }
}
