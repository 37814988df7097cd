using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Server.Endpoints;
using Marketplace.Server.OpenData.Import;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using Xunit.Abstractions;
using static Marketplace.Testing.ApiClientExtensions;
using static Marketplace.Server.Tests.OpenData.TestPackages;

namespace Marketplace.Server.Tests.OpenData;

public sealed class OpportunityImportTestsOnSqlite(ClockedSqliteHost fixture, ITestOutputHelper output) : OpportunityImportTests<ClockedSqliteHost>(fixture, output);

public sealed class OpportunityImportTestsOnPostgres(ClockedPostgresHost fixture, ITestOutputHelper output) : OpportunityImportTests<ClockedPostgresHost>(fixture, output);

/// <summary>
/// A space's admins import OCDS release packages of tenders published on the buyers' own platforms: each ocid becomes
/// one external opportunity of the space, announced to the matching member firms as a tender published here is; a
/// package is checked whole and refused whole; importing again updates and never duplicates.
/// </summary>
public abstract class OpportunityImportTests<THost>(THost fixture, ITestOutputHelper output) : IClassFixture<THost> where THost : ClockedHost
{
    const string School = "ocds-x7k2p9-mo-2026-0118", Cleaning = "ocds-x7k2p9-asl-2026-0042", Road = "ocds-x7k2p9-prov-2026-0007";

    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static Task<HttpResponseMessage> Import(HttpClient client, Guid spaceId, JsonObject package) =>
        Import(client, spaceId, new MemoryStream(Encoding.UTF8.GetBytes(package.ToJsonString())));

    static Task<HttpResponseMessage> Import(HttpClient client, Guid spaceId, Stream package)
    {
        var file = new StreamContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent { { file, "file", "pacchetto.json" } };
        return client.PostAsync($"/api/spaces/{spaceId}/opportunities/import", form);
    }

    static async Task<InboxItemDto[]> Inbox(HttpClient person, Guid firmId) =>
        (await person.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{firmId}/inbox", Json))!;

    static async Task<TenderSummaryDto[]> SpaceTenders(HttpClient person, Guid spaceId) =>
        (await person.GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{spaceId}/tenders", Json))!;

    [Fact]
    public async Task Each_ocid_becomes_one_opportunity_compiled_from_its_releases_and_announced_to_the_matching_firms()
    {
        var w = await World();

        var response = await Import(w.Admin, w.SpaceId, Package());

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Read<ImportResultDto>();
        (result.Releases, result.Created, result.Updated, result.Unchanged).Should().Be((4, 3, 0, 0));
        result.Opportunities.Select(o => o.Ocid).Should().BeEquivalentTo([School, Cleaning, Road]);

        var school = await w.Get(w.Builder, ExternalOpportunities.TenderId(w.SpaceId, School));
        school.External.Should().BeEquivalentTo(new ExternalDto(School, "Comune di Modena", "https://gare.comune-modena.example/bandi/2026-0118",
            "Osservatorio regionale dei contratti pubblici (dati inventati per i test)"));
        school.Buyer.Name.Should().Be("Comune di Modena");
        school.Title.Should().Be("Riqualificazione energetica della scuola primaria Galilei");
        school.Lots.Select(l => (l.Number, l.Title, l.EstimatedValue!.Amount)).Should().Equal(
            [(1, "Involucro e serramenti", 980_000m), (2, "Supervisione e telegestione degli impianti", 270_000m)],
            "the amendment's lot joins the first release's; each lot keeps its value");
        school.SubmissionDeadline.Should().Be(DateTimeOffset.Parse("2030-02-03T11:00:00Z"), "the latest release's deadline wins");
        school.Status.Should().Be(TenderStatus.Tendering, "its enquiry period (to 25 November 2026) is over");
        school.Eligibility.Should().Equal("Attestazione SOA OG1 classifica III o superiore");

        var cleaning = await w.Get(w.Builder, ExternalOpportunities.TenderId(w.SpaceId, Cleaning));
        cleaning.Lots.Should().ContainSingle("a tender without lots is one lot").Which.Cpv.Select(c => c.Code).Should().Equal("90911200-8");
        cleaning.Buyer.Name.Should().Be("Azienda USL di Modena", "named by its party with the buyer's role");
        cleaning.External!.Url.Should().Be("https://acquisti.ausl-modena.example/gare/42/disciplinare.pdf", "with no notice, the first document");

        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle(i => i.TenderId == school.Id, "the builder's 45210000 covers the school works")
            .Which.Lots.Select(l => l.Number).Should().Equal(1);
        (await Inbox(w.Coder, w.CoderId)).Should().ContainSingle(i => i.TenderId == school.Id, "software maintenance (72267000) is the IT firm's")
            .Which.Lots.Select(l => l.Number).Should().Equal(2);
        (await Inbox(w.Outsider, w.OutsiderId)).Should().BeEmpty("a firm outside the space hears of no opportunity of it");

        var listed = await SpaceTenders(w.Builder, w.SpaceId);
        listed.Should().Contain(t => t.Id == school.Id && t.External && t.BuyerName == "Comune di Modena"
            && t.ExternalUrl == "https://gare.comune-modena.example/bandi/2026-0118");
    }

    [Fact]
    public async Task Importing_again_amends_the_opportunity_telling_only_the_firms_that_match_now_and_never_duplicates_it()
    {
        var w = await World();
        var first = await Import(w.Admin, w.SpaceId, Only(r => (string?)r["id"] == "ocds-x7k2p9-mo-2026-0118-tender-01"));
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var id = ExternalOpportunities.TenderId(w.SpaceId, School);
        (await w.Get(w.Builder, id)).SubmissionDeadline.Should().Be(DateTimeOffset.Parse("2030-01-20T11:00:00Z"));
        (await Inbox(w.Coder, w.CoderId)).Should().BeEmpty("the first release has only the works lot");
        var told = (await Inbox(w.Builder, w.BuilderId)).Single();

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await (await Import(w.Admin, w.SpaceId, Package())).Read<ImportResultDto>();

        again.Opportunities.Single(o => o.Ocid == School).Effect.Should().Be(ImportEffect.Updated);
        var school = await w.Get(w.Builder, id);
        school.SubmissionDeadline.Should().Be(DateTimeOffset.Parse("2030-02-03T11:00:00Z"), "the amendment moved the deadline");
        school.Lots.Should().HaveCount(2);
        school.Amendments.Should().ContainSingle().Which.Summary.Should().Be("ocds-x7k2p9-mo-2026-0118-amendment-01", "named by the publisher's release");
        (await SpaceTenders(w.Builder, w.SpaceId)).Count(t => t.Id == id).Should().Be(1);
        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle().Which.At.Should().Be(told.At, "the builder was told already: not again");
        (await Inbox(w.Coder, w.CoderId)).Should().ContainSingle(i => i.TenderId == id, "the new lot is the IT firm's: it is told now")
            .Which.Lots.Select(l => l.Number).Should().Equal(2);

        var third = await (await Import(w.Admin, w.SpaceId, Package())).Read<ImportResultDto>();
        (third.Created, third.Updated, third.Unchanged).Should().Be((0, 0, 3), "the same package says nothing new");
        (await w.Get(w.Builder, id)).Version.Should().Be(school.Version, "nothing was written");
    }

    [Fact]
    public async Task A_package_with_errors_is_refused_whole_naming_each_error_by_its_path_and_changes_nothing()
    {
        var w = await World();
        var package = Package();
        package["version"] = "uno";
        var releases = package["releases"]!.AsArray();
        releases[1]!.AsObject().Remove("date");
        releases[2]!["tender"]!["items"]![0]!["classification"]!["id"] = "99999999";
        releases[3]!["tender"]!["tenderPeriod"]!["endDate"] = "2020-01-30T12:00:00+01:00";
        releases[3]!["tender"]!["items"]![1]!["relatedLot"] = "3";

        var response = await Import(w.Admin, w.SpaceId, package);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refused = await response.Refusal();
        refused.FieldCodes.Should().ContainKey("$.version").WhoseValue.Should().Equal("import.schema");
        refused.FieldCodes.Should().ContainKey("$.releases[1].date").WhoseValue.Should().Equal("import.schema");
        refused.FieldCodes.Should().ContainKey("$.releases[2].tender.items[0].classification.id").WhoseValue.Should().Equal("import.cpvUnknown");
        refused.FieldCodes.Should().ContainKey("$.releases[3].tender.items[1].relatedLot").WhoseValue.Should().Equal("import.noSuchLot");
        refused.FieldCodes.Keys.Should().NotContain(k => k.StartsWith("$.releases[0]", StringComparison.Ordinal), "the school's first release is valid");

        foreach (var ocid in new[] { School, Cleaning, Road })
            (await w.Builder.GetAsync($"/api/tenders/{ExternalOpportunities.TenderId(w.SpaceId, ocid)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().BeEmpty();
        (await Inbox(w.Builder, w.BuilderId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_deadline_already_past_is_named_at_the_release_that_set_it()
    {
        var w = await World();
        var package = Only(r => (string?)r["ocid"] == Road);
        package["releases"]![0]!["tender"]!["tenderPeriod"]!["endDate"] = "2020-01-30T12:00:00+01:00";

        var refused = await (await Import(w.Admin, w.SpaceId, package)).Refusal();

        refused.FieldCodes.Should().ContainKey("$.releases[0].tender.tenderPeriod.endDate").WhoseValue.Should().Equal("tender.submissionFuture");
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_where_it_breaks()
    {
        var w = await World();
        var text = Package().ToJsonString();
        var broken = text[..(text.IndexOf("ocds-x7k2p9-asl-2026-0042", StringComparison.Ordinal) + 40)];

        var response = await Import(w.Admin, w.SpaceId, new MemoryStream(Encoding.UTF8.GetBytes(broken)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Refusal()).FieldCodes.Should().ContainKey("$.releases[1]").WhoseValue.Should().Equal("import.notJson");
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().BeEmpty();

        var nested = "{\"version\":\"1.1\",\"releases\":[" + new string('[', 40) + new string(']', 40) + "]}";
        var deep = await Import(w.Admin, w.SpaceId, new MemoryStream(Encoding.UTF8.GetBytes(nested)));
        (await deep.Refusal()).FieldCodes.Should().ContainKey("$.releases[0]").WhoseValue.Should().Equal("import.tooDeep");
    }

    [Fact]
    public async Task Only_the_space_s_admins_import_into_it()
    {
        var w = await World();
        var otherAdmin = fixture.Host.Browser();
        await otherAdmin.SignUp("altro-admin");
        var otherSpace = await otherAdmin.CreateSpace("Altro spazio");

        foreach (var (who, client) in new[] { ("a member firm's owner", w.Builder), ("another space's admin", otherAdmin), ("a buyer of the space", w.Buyer), ("an outsider", w.Outsider) })
        {
            var refused = await Import(client, w.SpaceId, Package());
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await refused.Refusal()).Code.Should().Be("space.notAdmin", who);
        }
        (await Import(w.Builder, Guid.NewGuid(), Package())).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a space that does not exist gets the same answer");
        (await Import(w.Anonymous, w.SpaceId, Package())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().BeEmpty("no refused import wrote anything");

        (await Import(otherAdmin, otherSpace, Package())).StatusCode.Should().Be(HttpStatusCode.OK, "its own space's admin imports there");
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().BeEmpty("an import reaches its own space only");
    }

    [Fact]
    public async Task A_firm_forms_an_alliance_around_an_opportunity_but_bids_and_asks_on_the_buyer_s_platform()
    {
        var w = await World();
        (await Import(w.Admin, w.SpaceId, Package())).EnsureSuccessStatusCode();
        var id = ExternalOpportunities.TenderId(w.SpaceId, School);

        var alliance = await w.FormRti(id);
        alliance.Should().NotBeEmpty();

        var bid = await w.Bid(w.Builder, id, w.BuilderId, 900_000m);
        bid.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await bid.Refusal()).Code.Should().Be("tender.externalBids");
        var school = await w.Get(w.Builder, id);
        school.ViewerFirms.Single(f => f.FirmId == w.BuilderId).Actions.Blocked.Should()
            .Contain(b => b.Action == TenderFirmAction.Bid && b.Code == "tender.externalBids", "the page says why, in the words the refusal uses");
    }

    [Fact]
    public async Task The_platform_does_not_publish_an_opportunity_s_open_data_again_as_its_own()
    {
        var w = await World();
        (await Import(w.Admin, w.SpaceId, Package())).EnsureSuccessStatusCode();
        var id = ExternalOpportunities.TenderId(w.SpaceId, School);

        foreach (var path in new[] { $"/api/tenders/{id}/ocds", $"/api/tenders/{id}/ocds/record" })
            (await (await w.Builder.GetAsync(path)).Refusal()).Should().BeEquivalentTo(
                new { Status = HttpStatusCode.Conflict, Code = "openData.external", Args = new Dictionary<string, string> { ["ocid"] = School } },
                "its open data is its publisher's, under the publisher's ocid");
        var space = JsonNode.Parse(await w.Builder.GetStringAsync($"/api/spaces/{w.SpaceId}/ocds"))!;
        space["releases"]!.AsArray().Should().BeEmpty("the space's package holds the tenders published here, and this space has none");
    }

    [Fact]
    public async Task A_generated_package_of_about_50_MB_is_read_as_it_streams_and_imported()
    {
        var w = await World();
        // Its own admin's client, allowed to wait as long as a slow machine needs (the default gives up after 100 s).
        var admin = fixture.Host.Browser();
        admin.Timeout = TimeSpan.FromMinutes(15);
        await admin.SignUp("admin-import");
        var space = await admin.CreateSpace("Spazio import");
        await admin.Admit(space, w.Builder, w.BuilderId);
        var file = Path.Combine(Path.GetTempPath(), $"ocds-{Guid.NewGuid():N}.json");
        try
        {
            var (releases, processes) = await Generate(file, targetBytes: 50L * 1024 * 1024);
            var size = new FileInfo(file).Length;

            var clock = Stopwatch.StartNew();
            await using var stream = File.OpenRead(file);
            var response = await Import(admin, space, stream);
            clock.Stop();

            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var result = await response.Read<ImportResultDto>();
            (result.Releases, result.Created).Should().Be((releases, processes));
            output.WriteLine($"{size / 1024.0 / 1024.0:F1} MB, {releases} releases, {processes} opportunities imported in {clock.Elapsed.TotalSeconds:F1} s");
            (await Inbox(w.Builder, w.BuilderId)).Should().HaveCount(100, "every process is building works the builder does; an inbox shows the newest 100");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Writes a release package of about <paramref name="targetBytes"/>: large processes (ten lots, each with three
    /// CPV items and a long description) of ten releases each (the tender, then amendments that each rewrite it), all
    /// for building works, all due in 2030.
    /// </summary>
    static async Task<(int Releases, int Processes)> Generate(string file, long targetBytes)
    {
        await using var stream = File.Create(file);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("version", "1.1");
        writer.WriteString("publishedDate", "2026-11-20T09:00:00Z");
        writer.WritePropertyName("publisher");
        writer.WriteStartObject();
        writer.WriteString("name", "Generatore di prova");
        writer.WriteEndObject();
        writer.WriteStartArray("releases");
        var description = string.Concat(Enumerable.Repeat("Lavori di manutenzione straordinaria di edifici pubblici comunali. ", 25));
        string[] codes = ["45210000", "45214200", "45421100"];
        var (releases, processes) = (0, 0);
        while (stream.Position + writer.BytesPending < targetBytes)
        {
            processes++;
            for (var r = 0; r < 10; r++, releases++)
            {
                writer.WriteStartObject();
                writer.WriteString("ocid", $"ocds-gen000-{processes:D6}");
                writer.WriteString("id", $"ocds-gen000-{processes:D6}-{r:D2}");
                writer.WriteString("date", new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero).AddHours(r));
                writer.WriteStartArray("tag");
                writer.WriteStringValue(r == 0 ? "tender" : "tenderAmendment");
                writer.WriteEndArray();
                writer.WriteString("initiationType", "tender");
                writer.WritePropertyName("buyer");
                writer.WriteStartObject();
                writer.WriteString("id", $"IT-CF-{processes:D11}");
                writer.WriteString("name", $"Comune di prova {processes}");
                writer.WriteEndObject();
                writer.WritePropertyName("tender");
                writer.WriteStartObject();
                writer.WriteString("id", $"CIG-{processes:D10}");
                writer.WriteString("title", $"Manutenzione degli edifici comunali, procedura {processes}");
                writer.WriteString("description", $"{r}. {description}");
                writer.WritePropertyName("tenderPeriod");
                writer.WriteStartObject();
                writer.WriteString("endDate", new DateTimeOffset(2030, 3, 1, 12, 0, 0, TimeSpan.Zero).AddDays(r));
                writer.WriteEndObject();
                writer.WriteStartArray("lots");
                for (var lot = 1; lot <= 10; lot++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", $"LOT-{lot:D2}");
                    writer.WriteString("title", $"Edificio {lot}");
                    writer.WriteString("description", $"{r}.{lot}. {description}");
                    writer.WritePropertyName("value");
                    writer.WriteStartObject();
                    writer.WriteNumber("amount", 100_000 + lot * 1_000 + r);
                    writer.WriteString("currency", "EUR");
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("items");
                for (var lot = 1; lot <= 10; lot++)
                    for (var c = 0; c < codes.Length; c++)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", $"{lot}-{c}");
                        writer.WritePropertyName("classification");
                        writer.WriteStartObject();
                        writer.WriteString("scheme", "CPV");
                        writer.WriteString("id", codes[c]);
                        writer.WriteEndObject();
                        writer.WriteString("relatedLot", $"LOT-{lot:D2}");
                        writer.WriteEndObject();
                    }
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            if (writer.BytesPending > 1 << 20) await writer.FlushAsync();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
        return (releases, processes);
    }
}
