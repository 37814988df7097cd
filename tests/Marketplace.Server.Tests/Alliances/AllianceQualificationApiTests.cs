using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class AllianceQualificationApiTestsOnSqlite(ClockedSqliteHost fixture) : AllianceQualificationApiTests<ClockedSqliteHost>(fixture);

public sealed class AllianceQualificationApiTestsOnPostgres(ClockedPostgresHost fixture) : AllianceQualificationApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The alliance's people read, per lot they bid for that states requirements, whether their firms together qualify and
/// why not, as the qualification rules judge it from each active firm's attestations; nobody else reads a word of it.
/// An alliance that fails a lot is offered first the firms of its space whose valid attestation would make it qualify,
/// with what each completes.
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

    [Fact]
    public async Task The_view_shows_the_association_s_check_beside_a_member_s_attestation_until_the_member_edits_it()
    {
        var (w, alliance) = await Arrange();
        var version = (await w.Builder.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{w.BuilderId}/qualifications", Json))!.Version;

        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{w.BuilderId}/qualifications/attestations/OG1/vouch",
            new VouchQualificationRequest(version), Json)).EnsureSuccessStatusCode();

        var og1 = (await Lot(w.Coder, alliance)).Requirements.Single(r => r.Category == "OG1").By.Single();
        og1.Checked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Category = "OG1", SpaceId = w.SpaceId, SpaceName = "Spazio Gare" });

        await Record(w.Builder, w.BuilderId, new SoaAttestationRequest("OG1", SoaClass.III, DateOnly.FromDateTime(w.Now.AddYears(2).UtcDateTime), "SOA Sud"));

        (await Lot(w.Coder, alliance)).Requirements.Single(r => r.Category == "OG1").By.Single().Checked
            .Should().BeEmpty("the issuer changed after the check, so it speaks for another attestation");
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

    /// <summary>A firm with its own owner, recording <paramref name="os30Expires"/> as the last day of its OS30 class I, a member of the space when <paramref name="join"/>.</summary>
    async Task<(HttpClient Owner, Guid Id)> Firm(TenderWorld w, string name, DateOnly os30Expires, bool join = true)
    {
        var client = fixture.Host.Browser();
        await client.SignUp("os30");
        var firm = await client.CreateBusiness(name);
        await Record(client, firm.Id, new SoaAttestationRequest("OS30", SoaClass.I, os30Expires, "SOA Centro"));
        if (!join) return (client, firm.Id);
        (await client.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
        return (client, firm.Id);
    }

    static async Task<SuggestionsDto> Suggestions(HttpClient client, Guid alliance) =>
        (await client.GetFromJsonAsync<SuggestionsDto>($"/api/alliances/{alliance}/suggestions", Json))!;

    static async Task<AllianceQualificationDto> Qualification(HttpClient client, Guid alliance) =>
        (await client.GetFromJsonAsync<AllianceQualificationDto>($"/api/alliances/{alliance}/qualification", Json))!;

    [Fact]
    public async Task The_firm_whose_valid_OS30_completes_the_lot_ranks_first_with_why_and_once_it_joins_the_lot_qualifies()
    {
        var (w, alliance) = await Arrange();
        var today = QualificationRules.Today(w.Now);
        var (completerOwner, completer) = await Firm(w, "Bianchi Impianti Speciali", today.AddYears(1));
        var (_, expired) = await Firm(w, "Gialli Impianti", today.AddDays(-1));
        var (_, outside) = await Firm(w, "Blu Impianti", today.AddYears(1), join: false);

        var suggestions = await Suggestions(w.Builder, alliance);

        var first = suggestions.Ranked.Should().NotBeEmpty().And.Subject.First();
        first.Firm.Should().Be(new NamedDto(completer, "Bianchi Impianti Speciali"), "the firm that would make lot 1 qualify comes before the CPV ranking");
        first.Completes.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Lot = 1, Kind = RequirementKind.Separable, Category = "OS30", ClassLabel = "I", LotQualifies = true,
        });
        suggestions.Ranked.Select(r => r.Firm.Id).Should().NotContain([expired, outside],
            "an attestation whose last day was yesterday in Rome completes nothing, and a firm outside the space cannot be invited");
        suggestions.Ranked.Skip(1).Should().NotContain(r => r.Completes.Length > 0);
        (await w.Outsider.GetAsync($"/api/alliances/{alliance}/suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance}/invitations", new AllianceInviteRequest(completer, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await Suggestions(w.Builder, alliance)).Ranked.Select(r => r.Firm.Id).Should().NotContain(completer, "an invited firm is suggested no more");
        (await completerOwner.PostAsJsonAsync($"/api/alliances/{alliance}/firms/{completer}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();

        var lot = (await Qualification(w.Builder, alliance)).Lots.Should().ContainSingle().Subject;
        lot.Qualifies.Should().BeTrue();
        lot.Requirements.Single(r => r.Category == "OS30").By.Should().ContainSingle().Which.Firm.Id.Should().Be(completer);
        (await Suggestions(w.Builder, alliance)).Ranked.Should().NotContain(r => r.Completes.Length > 0, "the lot qualifies: nothing is left to complete");
    }

    [Fact]
    public async Task The_qualification_view_judges_only_the_lots_the_joint_bid_has_work_packages_in_and_says_when_it_judges_them_all()
    {
        var (w, alliance) = await Arrange();
        var (_, completer) = await Firm(w, "Bianchi Impianti Speciali", QualificationRules.Today(w.Now).AddYears(1));

        var none = await Qualification(w.Coder, alliance);
        none.AllLots.Should().BeTrue("the joint bid has no work packages yet");
        none.Lots.Select(l => l.Lot).Should().Equal(1);

        var version = await Package(w, alliance, 0, "Impianti elettrici", lot: 2);
        var second = await Qualification(w.Coder, alliance);
        second.AllLots.Should().BeFalse();
        second.Lots.Should().BeEmpty("the bid is only for lot 2, which states no requirements");
        (await Suggestions(w.Builder, alliance)).Ranked.Should().NotContain(r => r.Firm.Id == completer && r.Completes.Length > 0,
            "nothing is to complete in a lot the alliance does not bid for");

        await Package(w, alliance, version, "Opere edili", lot: 1);
        var both = await Qualification(w.Coder, alliance);
        both.Lots.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Lot = 1, Qualifies = false });
        (await Suggestions(w.Builder, alliance)).Ranked.First().Firm.Id.Should().Be(completer);
    }

    static async Task<int> Package(TenderWorld w, Guid alliance, int version, string title, int lot)
    {
        var saved = await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance}/bid/work-packages",
            new SaveWorkPackageRequest(null, version, title, lot, null, w.BuilderId, new MoneyDto(100_000m, "EUR")), Json);
        saved.EnsureSuccessStatusCode();
        return (await saved.Read<JointBidDto>()).Version;
    }
}
