using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class BusinessDgueApiTestsOnSqlite(SqliteHost fixture) : BusinessDgueApiTests<SqliteHost>(fixture);

public sealed class BusinessDgueApiTestsOnPostgres(PostgresHost fixture) : BusinessDgueApiTests<PostgresHost>(fixture);

/// <summary>A firm's DGUE on its profile: answered and confirmed by its Owners and Managers, read by its people, nobody else's.</summary>
public abstract class BusinessDgueApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static readonly DateOnly NextYear = QualificationRules.Today(DateTimeOffset.UtcNow).AddYears(1);

    async Task<(HttpClient Owner, BusinessProfileDto Firm)> OwnerWithFirm(BusinessKind kind = BusinessKind.Firm)
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        return (owner, await owner.CreateBusiness("Impianti Rossi S.r.l.", kind));
    }

    static Task<HttpResponseMessage> Put(HttpClient client, Guid firmId, EditDgueRequest body) =>
        client.PutAsJsonAsync($"/api/businesses/{firmId}/dgue", body, Json);

    static async Task<FirmDgueDto> Read(HttpClient client, Guid firmId) =>
        (await client.GetFromJsonAsync<FirmDgueDto>($"/api/businesses/{firmId}/dgue", Json))!;

    static DgueAnswerRequest[] AllNo() => [.. DgueRules.Grounds.Select(g => new DgueAnswerRequest(g.Code, false, null))];

    [Fact]
    public async Task An_owner_answers_the_dgue_pointing_at_its_recorded_attestation_and_its_people_read_it_confirmed_today()
    {
        var (owner, firm) = await OwnerWithFirm();
        await owner.RecordQualifications(firm.Id, firm.Version, [new("OS30", SoaClass.II, NextYear, "SOA Nord Alpi S.p.A.")], new FinancialFiguresDto(NextYear.Year - 2, 900_000m, 400_000m));
        var blank = await Read(owner, firm.Id);
        blank.Dgue.ConfirmedAt.Should().BeNull();
        blank.Dgue.Current.Should().BeFalse("a firm that never answered its DGUE has none to present");
        blank.Dgue.Grounds.Should().OnlyContain(g => g.Applies == null);
        var answers = AllNo();
        answers[2] = answers[2] with { Applies = true, Explanation = "Contestazione INPS del 2025 impugnata, non definitiva." };

        var response = await Put(owner, firm.Id, new(blank.Version, answers, new DgueSelectionRequest(["OS30"], true)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var viewer = host.Browser();
        await viewer.JoinAsViewer(owner, firm.Id);
        var read = await Read(viewer, firm.Id);
        read.CanEdit.Should().BeFalse();
        read.Dgue.Current.Should().BeTrue();
        read.Dgue.ConfirmedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        read.Dgue.Grounds.Where(g => g.Applies == true).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Code = DgueRules.Grounds[2].Code, Source = "D.Lgs. 36/2023, art. 95, c. 2", Automatic = false, Explanation = "Contestazione INPS del 2025 impugnata, non definitiva." });
        read.Dgue.Categories.Should().ContainSingle().Which.Attestation!.ClassLabel.Should().Be("II", "the criterion points at the attestation as recorded");
        read.Dgue.Figures!.Turnover.Should().Be(900_000m);
        read.MonthsCurrent.Should().Be(6);
    }

    [Fact]
    public async Task A_criterion_follows_the_attestation_it_points_at_and_says_so_when_the_firm_no_longer_records_it()
    {
        var (owner, firm) = await OwnerWithFirm();
        var q = await owner.RecordQualifications(firm.Id, firm.Version, [new("OG1", SoaClass.II, NextYear, "SOA Centro S.p.A.")]);
        var dgue = await (await Put(owner, firm.Id, new(q.Version, AllNo(), new DgueSelectionRequest(["OG1"], false)))).Read<FirmDgueDto>();

        var renewed = await owner.RecordQualifications(firm.Id, dgue.Version, [new("OG1", SoaClass.III, NextYear, "SOA Centro S.p.A.")]);
        (await Read(owner, firm.Id)).Dgue.Categories.Single().Attestation!.ClassLabel.Should().Be("III", "the DGUE points at the attestation, it does not copy it");

        await owner.RecordQualifications(firm.Id, renewed.Version, []);
        (await Read(owner, firm.Id)).Dgue.Categories.Single().Should().Be(new DgueCriterionDto("OG1", null));
    }

    [Fact]
    public async Task Only_owners_and_managers_answer_it_viewers_read_it_and_to_anyone_else_the_firm_has_none()
    {
        var (owner, firm) = await OwnerWithFirm();
        var viewer = host.Browser();
        await viewer.JoinAsViewer(owner, firm.Id);
        var (otherOwner, _) = await OwnerWithFirm();
        var edit = new EditDgueRequest(firm.Version, AllNo(), null);

        (await (await Put(viewer, firm.Id, edit)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "business.notAnEditor" });
        (await (await Put(otherOwner, firm.Id, edit)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "dgue.notFound" });
        (await (await otherOwner.GetAsync($"/api/businesses/{firm.Id}/dgue")).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "dgue.notFound" });
        (await (await otherOwner.GetAsync($"/api/businesses/{Guid.NewGuid()}/dgue")).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "dgue.notFound" }, "the same answer whether the firm exists or not");
        (await host.CreateClient().GetAsync($"/api/businesses/{firm.Id}/dgue")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Read(viewer, firm.Id)).Dgue.ConfirmedAt.Should().BeNull("nothing refused was stored");

        var manager = host.Browser();
        await owner.Join(firm.Id, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        (await Put(manager, firm.Id, edit with { Version = (await Read(owner, firm.Id)).Version })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_answers_are_refused_whole_naming_each_field_and_nothing_is_stored()
    {
        var (owner, firm) = await OwnerWithFirm();
        var answers = AllNo();
        answers[0] = answers[0] with { Applies = true, Explanation = " " };

        var refused = await (await Put(owner, firm.Id, new(firm.Version, answers, new DgueSelectionRequest(["OS30"], true)))).Refusal();

        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["answers[0].explanation"] = ["dgue.explanationRequired"],
            ["selection.categories[0]"] = ["dgue.attestationNotRecorded"],
            ["selection.figures"] = ["dgue.figuresNotRecorded"],
        });
        var read = await Read(owner, firm.Id);
        (read.Dgue.ConfirmedAt, read.Version).Should().Be((null, firm.Version));
        (await (await Put(owner, firm.Id, new(firm.Version, AllNo()[1..], null))).Refusal()).FieldCodes.Should().ContainKey("answers");
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_a_buyer_keeps_no_dgue()
    {
        var (owner, firm) = await OwnerWithFirm();
        (await Put(owner, firm.Id, new(firm.Version, AllNo(), null))).EnsureSuccessStatusCode();

        (await (await Put(owner, firm.Id, new(firm.Version, AllNo(), null))).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "business.changedMeanwhile" });
        var (buyerOwner, buyer) = await OwnerWithFirm(BusinessKind.Buyer);
        (await (await Put(buyerOwner, buyer.Id, new(buyer.Version, AllNo(), null))).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "business.notAFirm" });
    }

    [Fact]
    public async Task The_public_profile_carries_nothing_of_the_dgue()
    {
        var (owner, firm) = await OwnerWithFirm();
        var answers = AllNo();
        answers[0] = answers[0] with { Applies = true, Explanation = "Sentenza riservata del tribunale" };
        (await Put(owner, firm.Id, new(firm.Version, answers, null))).EnsureSuccessStatusCode();

        var page = await host.CreateClient().GetStringAsync($"/api/businesses/{firm.Id}");

        page.Should().NotContain("Sentenza riservata").And.NotContain("convictions");
    }
}
