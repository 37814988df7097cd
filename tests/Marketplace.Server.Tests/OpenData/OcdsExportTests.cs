using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.OpenData;

public sealed class OcdsExportTestsOnSqlite(ClockedSqliteHost fixture) : OcdsExportTests<ClockedSqliteHost>(fixture);

public sealed class OcdsExportTestsOnPostgres(ClockedPostgresHost fixture) : OcdsExportTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A tender's open data (GET /api/tenders/{id}/ocds) at every step of its life validates against the OCDS 1.1.5 release
/// schema with the bids extension, says what the public page says, and never more: no bid is named before the award,
/// and a losing bidder never.
/// </summary>
public abstract class OcdsExportTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static async Task<JsonObject> Release(HttpClient client, Guid tenderId)
    {
        var response = await client.GetAsync($"/api/tenders/{tenderId}/ocds");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var package = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        package["version"]!.GetValue<string>().Should().Be("1.1");
        OcdsSchema.PackageErrors(package).Should().BeEmpty("every export validates against the OCDS release package schema, its release against the release schema with the extensions");
        var release = package["releases"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        await Record(client, tenderId, release);
        return release;
    }

    /// <summary>The tender's record package at the same moment: valid, with the release and the compiled release saying the same.</summary>
    static async Task Record(HttpClient client, Guid tenderId, JsonObject release)
    {
        var response = await client.GetAsync($"/api/tenders/{tenderId}/ocds/record");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var package = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        OcdsSchema.RecordErrors(package).Should().BeEmpty("the record package validates against the OCDS record package schema");
        package["packages"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal(new Uri(client.BaseAddress!, $"/api/tenders/{tenderId}/ocds").ToString());
        var record = package["records"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        record["ocid"]!.GetValue<string>().Should().Be(release["ocid"]!.GetValue<string>());
        JsonNode.DeepEquals(record["releases"]!.AsArray().Should().ContainSingle().Subject, release).Should().BeTrue("the record holds the tender's release as its package has it");
        var compiled = record["compiledRelease"]!.DeepClone().AsObject();
        compiled["tag"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("compiled");
        compiled["id"]!.GetValue<string>().Should().Be($"{release["id"]!.GetValue<string>()}-compiled");
        foreach (var field in new[] { "id", "tag" }) compiled.Remove(field);
        var expected = release.DeepClone().AsObject();
        foreach (var field in new[] { "id", "tag" }) expected.Remove(field);
        JsonNode.DeepEquals(compiled, expected).Should().BeTrue("with one release, the compiled release is that release");
    }

    [Fact]
    public async Task A_tender_s_open_data_follows_it_from_publication_to_award_and_never_names_a_losing_bidder()
    {
        var w = await World();
        var tender = await w.Publish();
        var published = await Release(w.Anonymous, tender.Id);
        published["ocid"]!.GetValue<string>().Should().Be($"ocds-mktplc-{tender.Id}");
        published["tag"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("tender");
        published["tender"]!["status"]!.GetValue<string>().Should().Be("active");
        published["tender"]!["value"]!["amount"]!.GetValue<decimal>().Should().Be(1_000_000m, "the lots' estimated values add up");
        published["tender"]!["mainProcurementCategory"]!.GetValue<string>().Should().Be("works");
        published["tender"]!["items"]!.AsArray().Select(i => i!["classification"]!["id"]!.GetValue<string>()).Should().Equal("45214200-2", "45310000-3");
        published["tender"]!["tenderPeriod"]!["endDate"]!.GetValue<DateTimeOffset>().Should().Be(tender.SubmissionDeadline.AddTicks(-(tender.SubmissionDeadline.Ticks % TimeSpan.TicksPerSecond)));
        published["parties"]!.AsArray().Should().ContainSingle().Which!["name"]!.GetValue<string>().Should().Be("Comune di Prova");
        published.ContainsKey("bids").Should().BeFalse("the buyer keeps the count of bids to itself until they are opened");

        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Il sopralluogo è obbligatorio?"), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions/1/answer", new TextRequest("Sì, entro il 10."), Json)).EnsureSuccessStatusCode();
        var current = await w.Get(w.Buyer, tender.Id);
        var amend = new AmendTenderRequest(current.Version, "Sopralluogo obbligatorio", true, current.Title, current.Description,
            [.. current.Lots.Select(l => new LotRequest(l.Number, l.Title, l.Description, [.. l.Cpv.Select(c => c.Code)], l.EstimatedValue, l.ComuneCode))],
            [.. current.Eligibility, "Sopralluogo"], [.. current.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))],
            current.EnquiryDeadline, current.SubmissionDeadline, current.ContractStart, current.ContractEnd, false, null);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amend, Json)).EnsureSuccessStatusCode();
        var amended = await Release(w.Anonymous, tender.Id);
        amended["tag"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("tenderAmendment");
        amended["id"]!.GetValue<string>().Should().NotBe(published["id"]!.GetValue<string>(), "each state of the tender is its own release");
        amended["tender"]!["amendments"]!.AsArray().Should().ContainSingle().Which!["rationale"]!.GetValue<string>().Should().Be("Sopralluogo obbligatorio");
        var enquiry = amended["tender"]!["enquiries"]!.AsArray().Should().ContainSingle().Subject!;
        enquiry["answer"]!.GetValue<string>().Should().Be("Sì, entro il 10.");
        amended.ToJsonString().Should().NotContain(w.BuilderId.ToString(), "the asking firm is nobody else's business");

        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m, 180_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();
        var sealedNow = (await Release(w.Anonymous, tender.Id)).ToJsonString();
        sealedNow.Should().NotContainAny([w.BuilderId.ToString(), w.CoderId.ToString(), ":650000", ":700000"] /* a price as a JSON number: never part of an id */);
        sealedNow.Should().NotContain("\"bids\"", "sealed bids are not even counted");

        w.PassOpening(tender);
        var opened = await Release(w.Anonymous, tender.Id);
        opened["bids"]!["statistics"]!.AsArray().Should().ContainSingle().Which!["value"]!.GetValue<int>().Should().Be(2);
        opened.ToJsonString().Should().NotContainAny([w.BuilderId.ToString(), w.CoderId.ToString(), ":650000", ":700000"] /* a price as a JSON number: never part of an id */,
            "after opening the public learns how many bids came, not whose or at what price");

        var lot1 = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots.Single(l => l.Lot == 1);
        foreach (var ranked in lot1.Ranking)
            (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(ranked.BidId, 2, ranked.BidderId == w.BuilderId ? 100m : 50m), Json)).EnsureSuccessStatusCode();
        var builderBid = lot1.Ranking.Single(r => r.BidderId == w.BuilderId).BidId;
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, builderBid, null), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(2, null, "Offerta non congrua"), Json)).EnsureSuccessStatusCode();

        var awarded = await Release(w.Anonymous, tender.Id);
        awarded["tag"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("award");
        var awards = awarded["awards"]!.AsArray();
        awards.Select(a => a!["status"]!.GetValue<string>()).Should().Equal("active", "unsuccessful");
        awards[0]!["value"]!["amount"]!.GetValue<decimal>().Should().Be(700_000m);
        awards[0]!["suppliers"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().Equal("Rossi Costruzioni");
        awards[0]!["relatedBid"]!.GetValue<string>().Should().Be(builderBid.ToString());
        awards[1]!["description"]!.GetValue<string>().Should().Be("Offerta non congrua");
        awarded["bids"]!["details"]!.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(builderBid.ToString());
        awarded["parties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["Comune di Prova", "Rossi Costruzioni"]);
        awarded.ToJsonString().Should().NotContainAny([w.CoderId.ToString(), "Verdi Informatica", ":650000", ":180000"],
            "the losing bid and the winner's price for a lot it did not win stay with the buyer");
    }

    [Fact]
    public async Task An_RTI_s_award_names_every_firm_of_the_RTI_as_a_supplier()
    {
        var w = await World();
        var tender = await w.Publish();
        var alliance = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        var bid = $"/api/alliances/{alliance}/bid";
        (await w.Builder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(600_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti", 1, null, w.CoderId, new MoneyDto(90_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var answered = await (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).Read<JointBidDto>();
        foreach (var (client, firm) in new[] { (w.Builder, w.BuilderId), (w.Coder, w.CoderId) })
            (await client.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm, answered.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();

        w.PassOpening(tender);
        var ranked = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots.Single(l => l.Lot == 1).Ranking.Single();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(ranked.BidId, 2, 80m), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, ranked.BidId, null), Json)).EnsureSuccessStatusCode();

        var release = await Release(w.Anonymous, tender.Id);
        release["awards"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()).Should().Equal(["active", "unsuccessful"], "no bid came for lot 2");
        var award = release["awards"]![0]!;
        award["value"]!["amount"]!.GetValue<decimal>().Should().Be(690_000m, "the RTI's price for the lot is its work packages' sum");
        award["suppliers"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["Rossi Costruzioni", "Verdi Informatica"]);
        var detail = release["bids"]!["details"]!.AsArray().Single()!;
        detail["tenderers"]!.AsArray().Should().HaveCount(2);
        detail["groupRoles"]!.AsArray().Select(r => (r!["organization"]!["name"]!.GetValue<string>(), r["role"]!.GetValue<string>()))
            .Should().BeEquivalentTo([("Rossi Costruzioni", "lead"), ("Verdi Informatica", "member")], "the RTI's bid says who leads it (group roles extension)");
    }

    [Fact]
    public async Task The_group_roles_extension_is_served_where_every_package_names_it_as_the_repository_holds_it()
    {
        var w = await World();
        var tender = await w.Publish();
        var package = (await w.Anonymous.GetFromJsonAsync<JsonObject>($"/api/tenders/{tender.Id}/ocds"))!;
        var named = package["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).Where(e => e.Contains("group-roles", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        var extensionUrl = new Uri(named);
        var extension = JsonNode.Parse(await w.Anonymous.GetStringAsync(extensionUrl.PathAndQuery))!;
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schema", "extension-group-roles");
        JsonNode.DeepEquals(extension, JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "extension.json")))).Should().BeTrue();
        // An OCDS tool reads the schema patch and the codelists beside extension.json, by the names it lists.
        foreach (var schema in extension["schemas"]!.AsArray().Select(s => s!.GetValue<string>()))
            JsonNode.DeepEquals(JsonNode.Parse(await w.Anonymous.GetStringAsync(new Uri(extensionUrl, schema).PathAndQuery)),
                JsonNode.Parse(File.ReadAllText(Path.Combine(folder, schema)))).Should().BeTrue($"the served {schema} is the one the tests merge");
        foreach (var codelist in extension["codelists"]!.AsArray().Select(c => c!.GetValue<string>()))
            (await w.Anonymous.GetStringAsync(new Uri(extensionUrl, $"codelists/{codelist}").PathAndQuery)).Should().StartWith("Code,Title,Description")
                .And.Contain("reliedUponEntity");
    }

    [Fact]
    public async Task A_cancelled_tender_says_so_and_a_draft_has_no_open_data_for_its_buyer_and_none_at_all_for_anyone_else()
    {
        var w = await World();
        var draft = await w.Draft();
        var refused = await w.Buyer.GetAsync($"/api/tenders/{draft.Id}/ocds");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().Should().Be("openData.notPublished");
        var refusedRecord = await w.Buyer.GetAsync($"/api/tenders/{draft.Id}/ocds/record");
        refusedRecord.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refusedRecord.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().Should().Be("openData.notPublished");
        foreach (var outsider in new[] { w.Anonymous, w.Builder })
            foreach (var path in new[] { "ocds", "ocds/record" })
            {
                (await outsider.GetAsync($"/api/tenders/{draft.Id}/{path}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft does not exist for anyone else");
                (await outsider.GetAsync($"/api/tenders/{Guid.NewGuid()}/{path}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            }

        var tender = await w.Publish();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new TextRequest("Finanziamento revocato"), Json)).EnsureSuccessStatusCode();
        var cancelled = await Release(w.Builder, tender.Id);
        cancelled["tag"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("tenderCancellation");
        cancelled["tender"]!["status"]!.GetValue<string>().Should().Be("cancelled");
    }

    [Fact]
    public void The_schema_check_refuses_a_release_with_a_field_the_standard_does_not_allow()
    {
        var release = new JsonObject
        {
            ["ocid"] = "ocds-mktplc-1", ["id"] = "1", ["date"] = "2026-12-05T10:00:00Z", ["tag"] = new JsonArray("tender"), ["initiationType"] = "tender",
            ["tender"] = new JsonObject { ["id"] = "1", ["status"] = "active" },
            ["bids"] = new JsonObject { ["statistics"] = new JsonArray(new JsonObject { ["id"] = "bids", ["measure"] = "bids", ["value"] = 2 }) },
        };
        OcdsSchema.Errors(release).Should().BeEmpty();

        release["tender"]!["status"] = "open"; // not in the tenderStatus codelist
        release["bids"]!["statistics"]![0]!.AsObject().Remove("value"); // required by the bids extension
        OcdsSchema.Errors(release).Should().Contain(e => e.Contains("status")).And.Contain(e => e.Contains("value"));
    }

    [Fact]
    public void The_schema_check_refuses_a_group_role_outside_the_group_roles_codelist()
    {
        JsonObject Release(string role) => new()
        {
            ["ocid"] = "ocds-mktplc-1", ["id"] = "1", ["date"] = "2026-12-05T10:00:00Z", ["tag"] = new JsonArray("award"), ["initiationType"] = "tender",
            ["bids"] = new JsonObject
            {
                ["details"] = new JsonArray(new JsonObject
                {
                    ["id"] = "b1",
                    ["groupRoles"] = new JsonArray(new JsonObject { ["organization"] = new JsonObject { ["id"] = "f1", ["name"] = "Rossi" }, ["role"] = role }),
                }),
            },
        };
        OcdsSchema.Errors(Release("lead")).Should().BeEmpty();
        OcdsSchema.Errors(Release("partner")).Should().Contain(e => e.Contains("role"), "partner is not in the groupRole codelist");
    }

    [Fact]
    public void The_record_check_refuses_a_compiled_release_the_release_schema_does_not_allow()
    {
        var release = new JsonObject
        {
            ["ocid"] = "ocds-mktplc-1", ["id"] = "1", ["date"] = "2026-12-05T10:00:00Z", ["tag"] = new JsonArray("tender"), ["initiationType"] = "tender",
            ["tender"] = new JsonObject { ["id"] = "1", ["status"] = "active" },
        };
        JsonObject Package(JsonObject compiled) => new()
        {
            ["uri"] = "https://example.org/record", ["version"] = "1.1", ["publishedDate"] = "2026-12-05T10:00:00Z",
            ["publisher"] = new JsonObject { ["name"] = "Marketplace" },
            ["records"] = new JsonArray(new JsonObject { ["ocid"] = "ocds-mktplc-1", ["releases"] = new JsonArray(release.DeepClone()), ["compiledRelease"] = compiled }),
        };
        OcdsSchema.RecordErrors(Package(release.DeepClone().AsObject())).Should().BeEmpty();

        var invalid = release.DeepClone().AsObject();
        invalid["tender"]!["status"] = "open"; // not in the tenderStatus codelist
        OcdsSchema.RecordErrors(Package(invalid)).Should().Contain(e => e.Contains("status"), "the compiled release is checked as a release");
        var noOcid = Package(release.DeepClone().AsObject());
        noOcid["records"]![0]!.AsObject().Remove("ocid");
        OcdsSchema.RecordErrors(noOcid).Should().NotBeEmpty("a record names its ocid");
    }

    [Fact]
    public void The_package_check_refuses_a_wrapper_without_its_version_and_a_release_the_release_schema_does_not_allow()
    {
        var release = new JsonObject
        {
            ["ocid"] = "ocds-mktplc-1", ["id"] = "1", ["date"] = "2026-12-05T10:00:00Z", ["tag"] = new JsonArray("tender"), ["initiationType"] = "tender",
            ["tender"] = new JsonObject { ["id"] = "1", ["status"] = "active" },
        };
        JsonObject Package(JsonObject inner) => new()
        {
            ["uri"] = "https://example.org/package", ["version"] = "1.1", ["publishedDate"] = "2026-12-05T10:00:00Z",
            ["publisher"] = new JsonObject { ["name"] = "Marketplace" }, ["releases"] = new JsonArray(inner),
        };
        OcdsSchema.PackageErrors(Package(release.DeepClone().AsObject())).Should().BeEmpty();

        var noVersion = Package(release.DeepClone().AsObject());
        noVersion.Remove("version");
        OcdsSchema.PackageErrors(noVersion).Should().Contain(e => e.Contains("version"), "a release package states its OCDS version");
        var invalid = release.DeepClone().AsObject();
        invalid["tender"]!["status"] = "open"; // not in the tenderStatus codelist
        OcdsSchema.PackageErrors(Package(invalid)).Should().Contain(e => e.Contains("status"), "each release of a package is checked as a release");
    }
}
