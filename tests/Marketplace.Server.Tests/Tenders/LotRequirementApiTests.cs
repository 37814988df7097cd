using System.Net;
using System.Net.Http.Json;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class LotRequirementApiTestsOnSqlite(ClockedSqliteHost fixture) : LotRequirementApiTests<ClockedSqliteHost>(fixture);

public sealed class LotRequirementApiTestsOnPostgres(ClockedPostgresHost fixture) : LotRequirementApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The buyer states each lot's requirements (SOA categories, or turnover and similar work) in the draft and in an
/// amendment; they are part of the published tender, read by everyone, and of the content its audit chain commits to.
/// </summary>
public abstract class LotRequirementApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    /// <summary>The school: works OG1 for 850.000 € (class III) with the electrical work OS30, 200.000 € (class I), which may be subcontracted up to 30%.</summary>
    static readonly LotRequirementsRequest School = new(new CategoryAmountRequest("og1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m, MaySubcontract: true)], 30, null, null);

    /// <summary>An IT services lot: 400.000 € of turnover and 150.000 € of similar services over three years; a firm may rely on another's (avvalimento).</summary>
    static readonly LotRequirementsRequest Services = new(null, null, null, 400_000m, 150_000m, AvvalimentoAllowed: true);

    static DraftTenderRequest WithRequirements(TenderWorld w, LotRequirementsRequest? lot1, LotRequirementsRequest? lot2)
    {
        var request = w.Request();
        return request with { Lots = [request.Lots![0] with { Requirements = lot1 }, request.Lots[1] with { Requirements = lot2 }] };
    }

    [Fact]
    public async Task Everyone_reads_the_published_lot_s_requirements_with_the_class_each_amount_falls_in()
    {
        var w = await World();
        var tender = await w.Publish(request: WithRequirements(w, School, Services));

        var read = await w.Get(w.Anonymous, tender.Id);

        var works = read.Lots[0].Requirements!;
        works.Prevailing.Should().BeEquivalentTo(new
        {
            Category = "OG1", CategoryIt = "Edifici civili e industriali", Amount = 850_000m, Class = SoaClass.III, ClassLabel = "III", ClassAmount = 1_033_000m,
        });
        works.Separable.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Category = "OS30", Amount = 200_000m, Class = SoaClass.I, ClassAmount = 258_000m, MaySubcontract = true });
        works.SubcontractingMaxPercent.Should().Be(30);
        works.AvvalimentoAllowed.Should().BeFalse("the buyer did not allow it in the works lot");
        read.Lots[1].Requirements.Should().BeEquivalentTo(new
        {
            Prevailing = (RequiredCategoryDto?)null, Separable = Array.Empty<RequiredCategoryDto>(), MinTurnover = 400_000m, MinSimilarWork = 150_000m, AvvalimentoAllowed = true,
        });
        (await w.Get(w.Outsider, tender.Id)).Lots[0].Requirements.Should().BeEquivalentTo(works, "the requirements are part of the published tender");
    }

    [Fact]
    public async Task A_lot_without_requirements_states_none()
    {
        var w = await World();
        var tender = await w.Publish(request: WithRequirements(w, new LotRequirementsRequest(null, [], null, null, null), null));

        (await w.Get(w.Anonymous, tender.Id)).Lots.Select(l => l.Requirements).Should().AllSatisfy(r => r.Should().BeNull());
    }

    [Fact]
    public async Task Wrong_requirements_name_each_field_and_store_nothing()
    {
        var w = await World();
        var before = await fixture.Host.Query(db => db.Tenders.CountAsync());
        var lot1 = new LotRequirementsRequest(new CategoryAmountRequest("OG99", 0m),
            [new CategoryAmountRequest("OS30", 200_000.555m), new CategoryAmountRequest("OS30", 10_000m), new CategoryAmountRequest("", 5_000m)], 0, null, null);
        var lot2 = new LotRequirementsRequest(null, [new CategoryAmountRequest("OS28", 900_000m)], 101, -5m, null);

        var response = await w.Buyer.PostAsJsonAsync("/api/tenders", WithRequirements(w, lot1, lot2), Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Read<ValidationProblemDetails>()).Errors;
        errors.Keys.Should().BeEquivalentTo(
            "lots[0].requirements.prevailing.category", "lots[0].requirements.prevailing.amount", "lots[0].requirements.separable[0].amount",
            "lots[0].requirements.separable[1].category", "lots[0].requirements.separable[2].category", "lots[0].requirements.subcontractingMaxPercent",
            "lots[1].requirements.prevailing.category", "lots[1].requirements.subcontractingMaxPercent", "lots[1].requirements.minTurnover");
        errors["lots[0].requirements.separable[1].category"].Should().ContainSingle().Which.Should().Contain("OS30");
        (await fixture.Host.Query(db => db.Tenders.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task A_separable_category_with_more_work_than_the_prevailing_one_is_refused()
    {
        var w = await World();
        var lot = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 300_000m), [new CategoryAmountRequest("OS30", 400_000m)], null, null, null);

        var response = await w.Buyer.PostAsJsonAsync("/api/tenders", WithRequirements(w, lot, null), Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("lots[0].requirements.separable[0].amount");
    }

    [Fact]
    public async Task The_buyer_amends_a_lot_s_requirements_as_a_material_change_the_audit_chain_records_and_nobody_else_may()
    {
        var w = await World();
        var tender = await w.Publish(request: WithRequirements(w, School, null));
        var stricter = School with { Separable = [new CategoryAmountRequest("OS30", 200_000m, MaySubcontract: false)] };
        var amend = new AmendTenderRequest(tender.Version, "L'OS30 non è subappaltabile", false, tender.Title, tender.Description,
            [.. tender.Lots.Select((l, i) => new LotRequest(l.Number, l.Title, l.Description, [.. l.Cpv.Select(c => c.Code)], l.EstimatedValue, l.ComuneCode,
                i == 0 ? stricter : null))],
            tender.Eligibility, [.. tender.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))],
            tender.EnquiryDeadline, tender.SubmissionDeadline, tender.ContractStart, tender.ContractEnd, tender.DisclosesBidCount, []);

        foreach (var (who, client) in new[] { ("member firm", w.Builder), ("space admin", w.Admin), ("outside firm", w.Outsider) })
            (await client.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amend, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        (await w.Get(w.Anonymous, tender.Id)).Lots[0].Requirements!.Separable[0].MaySubcontract.Should().BeTrue("a refused amendment changes nothing");

        var bad = amend with { Lots = [amend.Lots![0] with { Requirements = stricter with { SubcontractingMaxPercent = 0 } }, amend.Lots[1]] };
        var refused = await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", bad, Json);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("lots[0].requirements.subcontractingMaxPercent");

        var amended = await (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", amend, Json)).Read<TenderDto>();

        amended.Lots[0].Requirements!.Separable[0].MaySubcontract.Should().BeFalse();
        amended.Amendments.Should().ContainSingle().Which.Material.Should().BeTrue("firms must have time to react to a lot's new requirements");
        var chain = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        chain.Valid.Should().BeTrue();
        var published = chain.Shown.Single(l => l.Kind == "Published").Detail;
        var amendment = chain.Shown.Single(l => l.Kind == "Amended").Detail;
        Digest(amendment).Should().NotBe(Digest(published), "the chain commits to the tender's content, its lots' requirements included");
    }

    static string Digest(string detail) => detail.Split(';').Single(p => p.StartsWith("details=", StringComparison.Ordinal));
}
