using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Spaces;

public sealed class QualificationVouchApiTestsOnSqlite(SqliteHost fixture) : QualificationVouchApiTests<SqliteHost>(fixture);

public sealed class QualificationVouchApiTestsOnPostgres(PostgresHost fixture) : QualificationVouchApiTests<PostgresHost>(fixture);

/// <summary>
/// A space's admins check a member firm's SOA attestations and figures against the documents; the firm's page shows
/// "checked by «space» on …" beside each while the firm records what was checked, and nobody else may check.
/// </summary>
public abstract class QualificationVouchApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static readonly DateOnly NextYear = QualificationRules.Today(DateTimeOffset.UtcNow).AddYears(1);

    sealed record Arranged(HttpClient Admin, Guid SpaceId, HttpClient Owner, Guid FirmId, FirmQualificationsDto Held);

    async Task<Arranged> Arrange()
    {
        var admin = host.Browser();
        await admin.SignUp("segreteria");
        var spaceId = await admin.CreateSpace("Spazio Emilia");
        var owner = host.Browser();
        await owner.SignUp("rossi");
        var firm = await owner.CreateBusiness("Rossi Costruzioni S.r.l.");
        await admin.Admit(spaceId, owner, firm.Id);
        var held = await owner.RecordQualifications(firm.Id, firm.Version,
            [new("OG1", SoaClass.III, NextYear, "SOA Nord Alpi S.p.A."), new("OS30", SoaClass.I, NextYear, "SOA Centro S.p.A.")],
            new FinancialFiguresDto(2025, 3_200_000m, 1_150_000.50m));
        return new(admin, spaceId, owner, firm.Id, held);
    }

    static string Base(Guid spaceId, Guid firmId) => $"/api/spaces/{spaceId}/firms/{firmId}/qualifications";

    static Task<HttpResponseMessage> Vouch(HttpClient client, Guid spaceId, Guid firmId, string? category, int? version) =>
        client.PostAsJsonAsync(category is null ? $"{Base(spaceId, firmId)}/figures/vouch" : $"{Base(spaceId, firmId)}/attestations/{category}/vouch",
            new VouchQualificationRequest(version), Json);

    static async Task<FirmQualificationsDto> Own(HttpClient client, Guid firmId) =>
        (await client.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{firmId}/qualifications", Json))!;

    static async Task<FirmQualificationsDto> AsAdmin(HttpClient admin, Guid spaceId, Guid firmId) =>
        (await admin.GetFromJsonAsync<FirmQualificationsDto>(Base(spaceId, firmId), Json))!;

    [Fact]
    public async Task The_firm_s_page_shows_the_check_until_the_firm_edits_what_was_checked()
    {
        var a = await Arrange();
        var read = await AsAdmin(a.Admin, a.SpaceId, a.FirmId);
        read.Should().BeEquivalentTo(new { CanCheck = true, CanEdit = false, Checks = Array.Empty<QualificationCheckDto>() });
        read.Attestations.Select(x => x.Category).Should().Equal("OG1", "OS30");

        var og1 = await Vouch(a.Admin, a.SpaceId, a.FirmId, "og1", read.Version);
        og1.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Vouch(a.Admin, a.SpaceId, a.FirmId, null, read.Version)).StatusCode.Should().Be(HttpStatusCode.OK);

        var own = await Own(a.Owner, a.FirmId);
        own.Checks.Select(c => (c.Category, c.SpaceId, c.SpaceName)).Should().BeEquivalentTo([("OG1", a.SpaceId, "Spazio Emilia"), ((string?)null, a.SpaceId, "Spazio Emilia")]);
        own.Checks[0].CheckedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        (await (await Vouch(a.Admin, a.SpaceId, a.FirmId, "OG1", read.Version)).Refusal()).Code.Should().Be("space.alreadyChecked");

        // The firm renews OG1 at class IV: the check spoke for class III, so it no longer shows anywhere; OS30's does not change.
        await a.Owner.RecordQualifications(a.FirmId, own.Version,
            [new("OG1", SoaClass.IV, NextYear, "SOA Nord Alpi S.p.A."), new("OS30", SoaClass.I, NextYear, "SOA Centro S.p.A.")],
            new FinancialFiguresDto(2025, 3_200_000m, 1_150_000.50m));

        (await Own(a.Owner, a.FirmId)).Checks.Should().ContainSingle().Which.Category.Should().BeNull("the figures are as checked");
        (await AsAdmin(a.Admin, a.SpaceId, a.FirmId)).Checks.Should().ContainSingle().Which.Category.Should().BeNull();

        (await a.Admin.DeleteAsync($"{Base(a.SpaceId, a.FirmId)}/figures/vouch")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Own(a.Owner, a.FirmId)).Checks.Should().BeEmpty("the admin withdrew the figures' check");
        (await (await a.Admin.DeleteAsync($"{Base(a.SpaceId, a.FirmId)}/figures/vouch")).Refusal()).Code.Should().Be("space.noCheck");
    }

    [Fact]
    public async Task The_firm_s_owner_a_viewer_and_another_space_s_admin_are_refused_and_nothing_is_written()
    {
        var a = await Arrange();
        var viewer = host.Browser();
        await viewer.JoinAsViewer(a.Owner, a.FirmId);
        var otherAdmin = host.Browser();
        await otherAdmin.SignUp("altra");
        var otherSpace = await otherAdmin.CreateSpace("Spazio Veneto");
        var version = a.Held.Version;

        (await (await Vouch(a.Owner, a.SpaceId, a.FirmId, "OG1", version)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "space.notAdmin" }, "the firm may not vouch for itself");
        (await (await a.Owner.GetAsync(Base(a.SpaceId, a.FirmId))).Refusal()).Status.Should().Be(HttpStatusCode.Forbidden);
        var outsider = await (await Vouch(otherAdmin, a.SpaceId, a.FirmId, "OG1", version)).Told();
        outsider.Status.Should().Be(HttpStatusCode.NotFound);
        (await (await Vouch(otherAdmin, otherSpace, a.FirmId, "OG1", version)).Told())
            .Should().Be(outsider, "in their own space the firm is not a member: the same answer, whatever exists");
        (await (await Vouch(otherAdmin, Guid.NewGuid(), Guid.NewGuid(), "OG1", version)).Told()).Should().Be(outsider);
        (await (await otherAdmin.GetAsync(Base(a.SpaceId, a.FirmId))).Told()).Should().Be(outsider, "nor do they read the firm's qualifications");
        (await (await Vouch(viewer, a.SpaceId, a.FirmId, null, version)).Told()).Should().Be(outsider, "a Viewer acts for nobody");
        (await (await viewer.DeleteAsync($"{Base(a.SpaceId, a.FirmId)}/figures/vouch")).Told()).Should().Be(outsider);

        (await Own(a.Owner, a.FirmId)).Checks.Should().BeEmpty();
        (await AsAdmin(a.Admin, a.SpaceId, a.FirmId)).Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        var a = await Arrange();
        var other = host.Browser();
        await other.SignUp("bianchi");
        var otherFirm = await other.CreateBusiness("Bianchi Impianti S.r.l.");
        await a.Admin.Admit(a.SpaceId, other, otherFirm.Id);
        await other.RecordQualifications(otherFirm.Id, otherFirm.Version, [new("OS28", SoaClass.II, NextYear, "SOA Sud S.p.A.")]);
        var version = a.Held.Version;

        (await (await Vouch(a.Admin, a.SpaceId, a.FirmId, "OG1", null)).Refusal()).FieldCodes.Should().ContainKey("version");
        var notHers = await (await Vouch(a.Admin, a.SpaceId, a.FirmId, "OS28", version)).Refusal();
        notHers.Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "space.attestationNotRecorded" }, "OS28 is the other firm's attestation");
        notHers.Args.Should().Contain("field", "category");
        var stale = await (await Vouch(a.Admin, a.SpaceId, a.FirmId, "OG1", version - 1)).Refusal();
        stale.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "space.qualificationsChanged" }, "the admin would vouch for content not seen");
        (await (await Vouch(a.Admin, a.SpaceId, Guid.NewGuid(), "OG1", version)).Refusal()).Status.Should().Be(HttpStatusCode.NotFound);
        var noFigures = await (await Vouch(a.Admin, a.SpaceId, otherFirm.Id, null, (await AsAdmin(a.Admin, a.SpaceId, otherFirm.Id)).Version)).Refusal();
        noFigures.Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "space.figuresNotRecorded" });

        (await AsAdmin(a.Admin, a.SpaceId, a.FirmId)).Checks.Should().BeEmpty();
        (await AsAdmin(a.Admin, a.SpaceId, otherFirm.Id)).Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_firm_that_leaves_the_space_no_longer_shows_its_check()
    {
        var a = await Arrange();
        (await Vouch(a.Admin, a.SpaceId, a.FirmId, "OS30", a.Held.Version)).EnsureSuccessStatusCode();
        (await Own(a.Owner, a.FirmId)).Checks.Should().ContainSingle();

        (await a.Owner.PostAsync($"/api/spaces/{a.SpaceId}/firms/{a.FirmId}/leave", null)).EnsureSuccessStatusCode();

        (await Own(a.Owner, a.FirmId)).Checks.Should().BeEmpty("an association vouches for its members only");
    }
}
