using System.Net;
using System.Net.Http.Json;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class AllianceQualificationApiTestsOnSqlite(ClockedSqliteHost fixture) : AllianceQualificationApiTests<ClockedSqliteHost>(fixture);

public sealed class AllianceQualificationApiTestsOnPostgres(ClockedPostgresHost fixture) : AllianceQualificationApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The alliance's people read, per lot stating requirements, whether their firms together qualify and why not, as the
/// qualification rules judge it from each active firm's attestations; nobody else reads a word of it.
/// </summary>
public abstract class AllianceQualificationApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    /// <summary>The issue's school lot: OG1 class III with the separable OS30 class I, no subcontracting.</summary>
    static readonly LotRequirementsRequest School = new(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null);

    async Task<(TenderWorld World, Guid Alliance)> Arrange()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var request = w.Request();
        var tender = await w.Publish(request: request with { Lots = [request.Lots![0] with { Requirements = School }, request.Lots[1]] });
        var alliance = await w.FormRti(tender.Id);
        await Record(w.Builder, w.BuilderId, new SoaAttestationRequest("OG1", SoaClass.III, DateOnly.FromDateTime(w.Now.AddYears(2).UtcDateTime), "SOA Nord"));
        return (w, alliance);
    }

    static async Task Record(HttpClient client, Guid firmId, params SoaAttestationRequest[] attestations)
    {
        var current = (await client.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{firmId}/qualifications", Json))!;
        (await client.PutAsJsonAsync($"/api/businesses/{firmId}/qualifications", new EditQualificationsRequest(current.Version, attestations, null), Json))
            .EnsureSuccessStatusCode();
    }

    static async Task<LotQualificationDto> Lot(HttpClient client, Guid alliance) =>
        (await client.GetFromJsonAsync<AllianceQualificationDto>($"/api/alliances/{alliance}/qualification", Json))!.Lots.Should().ContainSingle().Subject;

    [Fact]
    public async Task The_alliance_lacking_a_separable_category_reads_which_class_is_missing_and_qualifies_once_a_member_records_it()
    {
        var (w, alliance) = await Arrange();

        var before = await Lot(w.Coder, alliance);

        before.Lot.Should().Be(1, "only the lot that states requirements is judged");
        before.Qualifies.Should().BeFalse();
        before.Failures.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = QualificationRules.CategoryMissing.Code, Args = new Dictionary<string, string> { ["category"] = "OS30", ["class"] = "I" },
        });
        var og1 = before.Requirements.Single(r => r.Category == "OG1");
        og1.Status.Should().Be(RequirementStatus.Met);
        og1.By.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Firm = new NamedDto(w.BuilderId, "Rossi Costruzioni"), Lead = true, ClassLabel = "III", Counts = true });

        await Record(w.Coder, w.CoderId, new SoaAttestationRequest("OS30", SoaClass.I, DateOnly.FromDateTime(w.Now.AddYears(1).UtcDateTime), "SOA Centro"));
        var after = await Lot(w.Builder, alliance);

        after.Qualifies.Should().BeTrue();
        after.Failures.Should().BeEmpty();
        after.Requirements.Single(r => r.Category == "OS30").By.Should().ContainSingle().Which.Firm.Id.Should().Be(w.CoderId);
    }

    /// <summary>What a refusal says, without the trace id every answer has of its own.</summary>
    static async Task<string> Answer(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(Json))!;
        return $"{(int)response.StatusCode} {problem["code"]} {problem["detail"]}";
    }

    [Fact]
    public async Task An_outsider_the_buyer_and_a_former_member_get_the_one_outsider_answer()
    {
        var (w, alliance) = await Arrange();
        var unknown = await w.Outsider.GetAsync($"/api/alliances/{Guid.NewGuid()}/qualification");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var outsiderAnswer = await Answer(unknown);

        foreach (var (who, client) in new[] { ("outside firm", w.Outsider), ("buyer", w.Buyer), ("space admin", w.Admin) })
        {
            var response = await client.GetAsync($"/api/alliances/{alliance}/qualification");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, who);
            (await Answer(response)).Should().Be(outsiderAnswer, $"the {who} learns nothing of what exists");
        }
        (await w.Anonymous.GetAsync($"/api/alliances/{alliance}/qualification")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance}/firms/{w.CoderId}/leave", new { }, Json)).EnsureSuccessStatusCode();
        (await w.Coder.GetAsync($"/api/alliances/{alliance}/qualification")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a former member reads it no more");
    }
}
