using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Spaces;

public sealed class SpaceDirectoryTestsOnSqlite(SqliteHost fixture) : SpaceDirectoryTests<SqliteHost>(fixture);

public sealed class SpaceDirectoryTestsOnPostgres(PostgresHost fixture) : SpaceDirectoryTests<PostgresHost>(fixture);

/// <summary>Searching a space's member directory, and the association's verified mark.</summary>
public abstract class SpaceDirectoryTests<THost>(THost fixture) : IClassFixture<THost>, IAsyncLifetime where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;
    HttpClient admin = null!, rossiClient = null!, applicant = null!;
    Guid spaceId, rossi, bianchi, verdi, gallo;

    public async Task InitializeAsync()
    {
        admin = host.Browser();
        await admin.SignUp("segreteria");
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Emilia", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento"), Json)).Read<SpaceDetailDto>()).Summary.Id;

        (rossiClient, rossi) = await Member("Edilizia Rossi", "037006", FirmSize.Small, ["45210000"], ["restauro"], "00743110157");
        (_, bianchi) = await Member("Impianti Bianchi", "036023", FirmSize.Micro, ["45310000"], [], null);
        (_, verdi) = await Member("Verdi Informatica", "034027", FirmSize.Small, ["72000000"], [], null);
        applicant = host.Browser();
        await applicant.SignUp("gallo");
        var galloFirm = await applicant.CreateBusiness("Giardini Gallo");
        gallo = galloFirm.Id;
        await applicant.EditProfile(gallo, EditOf(galloFirm) with { Capabilities = ["45112710"], ComuneCode = "037006" });
        (await applicant.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(gallo, null, 1), Json)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<(HttpClient Client, Guid Id)> Member(string name, string comune, FirmSize size, string[] cpv, string[] tags, string? vat)
    {
        var client = host.Browser();
        await client.SignUp(name.Split(' ')[1].ToLowerInvariant());
        var firm = await client.CreateBusiness(name);
        (await client.EditProfile(firm.Id, EditOf(firm) with { ComuneCode = comune, Size = size, Capabilities = cpv, Tags = tags, VatNumber = vat }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await Decide(firm.Id, MembershipDecision.Approve)).EnsureSuccessStatusCode();
        return (client, firm.Id);
    }

    async Task<SpaceDirectoryPageDto> Search(string query, HttpClient? client = null) =>
        (await (client ?? rossiClient).GetFromJsonAsync<SpaceDirectoryPageDto>($"/api/spaces/{spaceId}/directory?{query}", Json))!;

    async Task<Guid[]> Found(string query) => [.. (await Search(query)).Items.Select(i => i.Id)];

    /// <summary>What the space's page opens with: the unfiltered first page, kept in the space's read cache.</summary>
    async Task<string[]> FirstPage(HttpClient client) => [.. (await Search("page=1&pageSize=20", client)).Items.Select(i => i.Name)];

    async Task<int> MemberCount() => (await rossiClient.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{spaceId}", Json))!.Summary.MemberCount;

    Task<HttpResponseMessage> Decide(Guid firm, MembershipDecision decision, string? reason = null) =>
        admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firm}/decision", new DecisionRequest(decision, reason), Json);

    [Fact]
    public async Task A_cpv_division_finds_every_member_with_a_code_under_it()
    {
        (await Found("cpv=45")).Should().BeEquivalentTo([rossi, bianchi]);
        (await Found("cpv=4521")).Should().Equal(rossi);
        (await Found("cpv=45210000-2")).Should().Equal(rossi);
        (await Found("cpv=72000000")).Should().Equal(verdi);
    }

    [Theory]
    [InlineData("q=cablaggi")]            // Italian CPV label of 45310000
    [InlineData("q=electrical")]          // English CPV label of 45310000
    [InlineData("q=bianchi")]             // name
    public async Task Words_match_names_and_cpv_labels_in_both_languages(string query) =>
        (await Found(query)).Should().Equal(bianchi);

    [Fact]
    public async Task Words_match_tags_and_applicants_never_appear()
    {
        (await Found("q=restauro")).Should().Equal(rossi);
        (await Found("q=gallo")).Should().BeEmpty();
    }

    [Fact]
    public async Task Place_filters_narrow_by_comune_province_and_region()
    {
        (await Found("comune=037006")).Should().Equal(rossi);
        (await Found("province=mo")).Should().Equal(bianchi);
        (await Found("region=emilia-romagna")).Should().BeEquivalentTo([rossi, bianchi, verdi]);
    }

    [Fact]
    public async Task A_radius_around_a_comune_finds_the_nearest_first_with_distances()
    {
        var page = await Search("near=037006&radiusKm=50");

        page.Items.Select(i => i.Id).Should().Equal(rossi, bianchi); // Bologna itself, then Modena; Parma is beyond 50 km
        page.Items[0].DistanceKm.Should().Be(0);
        page.Items[1].DistanceKm.Should().BeInRange(30, 45);
    }

    [Fact]
    public async Task Size_filters_and_paging_report_the_total()
    {
        (await Found("size=Micro")).Should().Equal(bianchi);
        var page = await Search("pageSize=2&page=2");
        (page.Total, page.Items.Length, page.Page).Should().Be((3, 1, 2));
    }

    [Fact]
    public async Task A_name_match_ranks_above_a_match_elsewhere()
    {
        var client = host.Browser();
        await client.SignUp("lavori");
        var lavori = await client.CreateBusiness("Costruzione Neri");
        await client.EditProfile(lavori.Id, EditOf(lavori) with { Capabilities = ["72000000"] });
        await client.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(lavori.Id, null, 1), Json);
        await Decide(lavori.Id, MembershipDecision.Approve);

        var found = await Found("q=costruzione"); // in Rossi's CPV label, and in Neri's name

        found.First().Should().Be(lavori.Id);
        found.Should().Contain(rossi);
    }

    [Fact]
    public async Task The_verified_mark_holds_for_the_vouched_values_only()
    {
        (await rossiClient.PostAsync($"/api/spaces/{spaceId}/firms/{rossi}/vouch", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var noVat = await admin.PostAsync($"/api/spaces/{spaceId}/firms/{bianchi}/vouch", null);
        (await noVat.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "space.nothingToVouch" });
        var rows = (await admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{spaceId}/memberships", Json))!;
        rows.Single(r => r.FirmId == bianchi).Actions.Blocked.Should().ContainSingle(b => b.Action == MembershipAction.Vouch)
            .Which.Code.Should().Be("space.nothingToVouch", "the admin is told why before trying");
        rows.Single(r => r.FirmId == rossi).Actions.Allowed.Should().Contain(MembershipAction.Vouch);

        (await admin.PostAsync($"/api/spaces/{spaceId}/firms/{rossi}/vouch", null)).EnsureSuccessStatusCode();

        (await Found("verified=true")).Should().Equal(rossi);
        (await rossiClient.GetFromJsonAsync<VerificationDto[]>($"/api/businesses/{rossi}/verifications", Json))
            .Should().ContainSingle().Which.AssociationName.Should().Be("Associazione");
        (await admin.GetFromJsonAsync<VerificationDto[]>($"/api/businesses/{rossi}/verifications", Json)).Should().ContainSingle();
        (await host.CreateClient().GetFromJsonAsync<VerificationDto[]>($"/api/businesses/{rossi}/verifications", Json))
            .Should().BeEmpty("membership of a members-only space is not public");

        var profile = (await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{rossi}", Json))!;
        (await rossiClient.EditProfile(rossi, EditOf(profile) with { Size = FirmSize.Medium })).EnsureSuccessStatusCode();

        (await Found("verified=true")).Should().BeEmpty();
        (await rossiClient.GetFromJsonAsync<VerificationDto[]>($"/api/businesses/{rossi}/verifications", Json)).Should().BeEmpty();
        (await admin.DeleteAsync($"/api/spaces/{spaceId}/firms/{rossi}/vouch")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_verified_mark_never_drifts_when_vouches_and_profile_edits_race()
    {
        for (var round = 0; round < 8; round++)
        {
            var profile = (await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{rossi}", Json))!;
            var size = round % 2 == 0 ? FirmSize.Medium : FirmSize.Small;
            // A vouch (or its revocation) and a size edit of the same firm, at the same moment.
            await Task.WhenAll(
                round % 3 == 2 ? admin.DeleteAsync($"/api/spaces/{spaceId}/firms/{rossi}/vouch") : admin.PostAsync($"/api/spaces/{spaceId}/firms/{rossi}/vouch", null),
                rossiClient.EditProfile(rossi, EditOf(profile) with { Size = size }));

            var (row, entry) = await host.Query(async db => (
                await db.SpaceMembers.AsNoTracking().SingleAsync(m => m.SpaceId == spaceId && m.BusinessId == rossi),
                await db.Directory.AsNoTracking().SingleAsync(d => d.BusinessId == rossi)));
            row.Verified.Should().Be(row.VouchedVatNumber is not null && row.VouchedVatNumber == entry.VatNumber && row.VouchedSize == entry.Size,
                $"round {round}: the stored mark must equal what the vouch and the profile say");
        }
    }

    [Fact]
    public async Task The_first_page_and_the_member_count_show_each_approval_departure_and_profile_edit()
    {
        (await FirstPage(rossiClient)).Should().Equal("Edilizia Rossi", "Impianti Bianchi", "Verdi Informatica");
        (await MemberCount()).Should().Be(3);

        var profile = (await rossiClient.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{rossi}", Json))!;
        (await rossiClient.EditProfile(rossi, EditOf(profile) with { Name = "Rossi Restauri" })).EnsureSuccessStatusCode();
        (await FirstPage(rossiClient)).Should().Equal("Impianti Bianchi", "Rossi Restauri", "Verdi Informatica");

        (await Decide(gallo, MembershipDecision.Approve)).EnsureSuccessStatusCode();
        (await FirstPage(rossiClient)).Should().Equal("Giardini Gallo", "Impianti Bianchi", "Rossi Restauri", "Verdi Informatica");
        (await MemberCount()).Should().Be(4);

        (await applicant.PostAsync($"/api/spaces/{spaceId}/firms/{gallo}/leave", null)).EnsureSuccessStatusCode();
        (await FirstPage(rossiClient)).Should().Equal("Impianti Bianchi", "Rossi Restauri", "Verdi Informatica");
        (await MemberCount()).Should().Be(3);
    }

    [Fact]
    public async Task A_removed_firm_is_refused_the_first_page_it_read_as_a_member()
    {
        (await FirstPage(rossiClient)).Should().HaveCount(3);

        (await Decide(rossi, MembershipDecision.Remove, "Quote non versate")).EnsureSuccessStatusCode();

        (await rossiClient.GetAsync($"/api/spaces/{spaceId}/directory?page=1&pageSize=20")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await FirstPage(admin)).Should().Equal("Impianti Bianchi", "Verdi Informatica");
    }

    [Fact]
    public async Task Outsiders_see_nothing_of_a_members_only_directory()
    {
        (await applicant.GetAsync($"/api/spaces/{spaceId}/directory")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Browser().GetAsync($"/api/spaces/{spaceId}/directory?cpv=45")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Search("", admin)).Total.Should().Be(3);
    }

    [Fact]
    public async Task The_dashboard_shows_members_pending_work_and_cpv_coverage_to_admins_only()
    {
        (await rossiClient.GetAsync($"/api/spaces/{spaceId}/dashboard")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var dashboard = (await admin.GetFromJsonAsync<SpaceDashboardDto>($"/api/spaces/{spaceId}/dashboard", Json))!;

        (dashboard.Members, dashboard.PendingApplications).Should().Be((3, 1));
        dashboard.MembersOverTime.Last().Members.Should().Be(3);
        dashboard.Divisions.Should().HaveCount(45);
        dashboard.Divisions.Single(d => d.Division == "45").Members.Should().Be(2); // the applicant's 45 code does not count
        dashboard.Divisions.Single(d => d.Division == "72").Members.Should().Be(1);
        dashboard.Divisions.Count(d => d.Members == 0).Should().Be(43);
        dashboard.Provinces.Select(p => p.ProvinceSigla).Should().BeEquivalentTo(["BO", "MO", "PR"]);
    }

    [Theory]
    [InlineData("cpv=abc", "cpv")]
    [InlineData("near=999999", "near")]
    [InlineData("near=037006&radiusKm=1000", "radiusKm")]
    [InlineData("province=XX", "province")]
    [InlineData("size=Huge", "size")]
    [InlineData("verified=perhaps", "verified")]
    [InlineData("near=037006&radiusKm=far", "radiusKm")]
    public async Task Bad_criteria_are_named(string query, string field)
    {
        var response = await rossiClient.GetAsync($"/api/spaces/{spaceId}/directory?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Read<ValidationProblemDetails>()).Errors.Keys.Should().Contain(field);
    }
}
