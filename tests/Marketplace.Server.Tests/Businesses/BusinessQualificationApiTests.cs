using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class BusinessQualificationApiTestsOnSqlite(SqliteHost fixture) : BusinessQualificationApiTests<SqliteHost>(fixture);

public sealed class BusinessQualificationApiTestsOnPostgres(PostgresHost fixture) : BusinessQualificationApiTests<PostgresHost>(fixture);

public abstract class BusinessQualificationApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    // Far from today either way, so no test depends on the hour it runs at.
    static readonly DateOnly Today = QualificationRules.Today(DateTimeOffset.UtcNow);
    static readonly DateOnly NextYear = Today.AddYears(1), LastMonth = Today.AddDays(-30);

    async Task<(HttpClient Owner, BusinessProfileDto Firm)> OwnerWithFirm(BusinessKind kind = BusinessKind.Firm)
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        return (owner, await owner.CreateBusiness("Edilizia Qualificata S.r.l.", kind));
    }

    static Task<HttpResponseMessage> Put(HttpClient client, Guid firmId, EditQualificationsRequest body) =>
        client.PutAsJsonAsync($"/api/businesses/{firmId}/qualifications", body, Json);

    static async Task<FirmQualificationsDto> Read(HttpClient client, Guid firmId) =>
        (await client.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{firmId}/qualifications", Json))!;

    [Fact]
    public async Task An_owner_records_attestations_and_figures_which_its_people_read_in_the_law_s_order_with_expired_ones_marked()
    {
        var (owner, firm) = await OwnerWithFirm();

        var response = await Put(owner, firm.Id, new(firm.Version,
            [new("os30", SoaClass.I, NextYear, " SOA Nord Alpi S.p.A. "), new("OG1", SoaClass.IIIBis, LastMonth, "SOA Centro S.p.A.")],
            new FinancialFiguresDto(Today.Year - 1, 3_200_000m, 1_150_000.50m)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Read<FirmQualificationsDto>()).Version.Should().Be(firm.Version + 1, "an edit is one change of the business");
        var viewer = host.Browser();
        await viewer.JoinAsViewer(owner, firm.Id);
        var read = await Read(viewer, firm.Id);
        read.CanEdit.Should().BeFalse("a Viewer reads and does not edit");
        read.Attestations.Select(a => (a.Category, a.ClassLabel, a.ClassAmount, a.IssuedBy, a.Expired)).Should().Equal(
            ("OG1", "III-bis", 1_500_000m, "SOA Centro S.p.A.", true),
            ("OS30", "I", 258_000m, "SOA Nord Alpi S.p.A.", false));
        read.Attestations[1].CategoryIt.Should().Be("Impianti interni elettrici, telefonici, radiotelefonici e televisivi");
        read.Figures.Should().Be(new FinancialFiguresDto(Today.Year - 1, 3_200_000m, 1_150_000.50m));
        (await Read(owner, firm.Id)).CanEdit.Should().BeTrue();
    }

    [Fact]
    public async Task Only_the_firm_s_owners_and_managers_edit_its_qualifications_and_only_its_people_read_them()
    {
        var (owner, firm) = await OwnerWithFirm();
        (await Put(owner, firm.Id, new(firm.Version, [new("OG1", SoaClass.II, NextYear, "SOA Centro S.p.A.")], null))).EnsureSuccessStatusCode();
        var viewer = host.Browser();
        await viewer.JoinAsViewer(owner, firm.Id);
        var outsider = host.Browser();
        await outsider.SignUp("outsider");
        var current = await Read(owner, firm.Id);
        var edit = new EditQualificationsRequest(current.Version, [new("OG1", SoaClass.VIII, NextYear, "SOA Falsa S.p.A.")], null);

        (await (await Put(viewer, firm.Id, edit)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "business.notAnEditor" });
        (await (await Put(outsider, firm.Id, edit)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "business.notAnEditor" });
        (await (await outsider.GetAsync($"/api/businesses/{firm.Id}/qualifications")).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "business.qualificationsNotVisible" });
        (await host.CreateClient().GetAsync($"/api/businesses/{firm.Id}/qualifications")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Read(owner, firm.Id)).Attestations.Single().Class.Should().Be(SoaClass.II, "nothing refused was stored");

        var manager = host.Browser();
        await owner.Join(firm.Id, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        (await Put(manager, firm.Id, edit with { Version = (await Read(owner, firm.Id)).Version })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_input_is_refused_whole_naming_each_field_and_nothing_is_stored()
    {
        var (owner, firm) = await OwnerWithFirm();

        var response = await Put(owner, firm.Id, new(firm.Version,
            [new("OG1", SoaClass.II, NextYear, "SOA Centro S.p.A."), new("OG14", SoaClass.I, NextYear, "SOA"), new("og1", SoaClass.III, null, "  "), new(" ", SoaClass.I, NextYear, "SOA")],
            new FinancialFiguresDto(Today.Year - 20, 100_000m, 200_000m)));

        var refused = await response.Refusal();
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["attestations[1].category"] = ["qualification.unknownCategory"],
            ["attestations[2].category"] = ["qualification.duplicateCategory"],
            ["attestations[2].expires"] = ["qualification.expiryRequired"],
            ["attestations[2].issuedBy"] = ["qualification.issuerRequired"],
            ["attestations[3].category"] = ["qualification.categoryRequired"],
            ["figures.lastYear"] = ["qualification.yearOutOfRange"],
            ["figures.similarWork"] = ["qualification.similarAboveTurnover"],
        });
        var read = await Read(owner, firm.Id);
        read.Attestations.Should().BeEmpty();
        read.Figures.Should().BeNull();
        read.Version.Should().Be(firm.Version);
    }

    [Fact]
    public async Task An_edit_from_an_older_version_is_refused_so_nobody_overwrites_what_they_did_not_see()
    {
        var (owner, firm) = await OwnerWithFirm();
        (await Put(owner, firm.Id, new(firm.Version, [new("OG1", SoaClass.II, NextYear, "SOA Centro S.p.A.")], null))).EnsureSuccessStatusCode();

        var stale = await Put(owner, firm.Id, new(firm.Version, [], null));

        (await stale.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "business.changedMeanwhile" });
        (await Read(owner, firm.Id)).Attestations.Should().ContainSingle();
    }

    [Fact]
    public async Task A_buyer_records_no_qualifications()
    {
        var (owner, buyer) = await OwnerWithFirm(BusinessKind.Buyer);

        var refused = await (await Put(owner, buyer.Id, new(buyer.Version, [new("OG1", SoaClass.II, NextYear, "SOA Centro S.p.A.")], null))).Refusal();

        refused.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "business.notAFirm" });
    }

    [Fact]
    public async Task The_public_profile_and_its_live_copy_carry_no_qualifications()
    {
        var (owner, firm) = await OwnerWithFirm();
        (await Put(owner, firm.Id, new(firm.Version, [new("OS30", SoaClass.IV, NextYear, "SOA Riservata S.p.A.")], null))).EnsureSuccessStatusCode();

        var page = await host.CreateClient().GetStringAsync($"/api/businesses/{firm.Id}");

        page.Should().NotContain("SOA Riservata").And.NotContain("OS30");
    }

    [Fact]
    public async Task Anyone_reads_the_SOA_categories_with_their_names()
    {
        var categories = (await host.CreateClient().GetFromJsonAsync<SoaCategoryDto[]>("/api/reference/soa-categories", Json))!;

        categories.Should().HaveCount(52);
        categories[0].Should().Be(new SoaCategoryDto("OG1", true, "Edifici civili e industriali", "Civil and industrial buildings"));
    }
}
