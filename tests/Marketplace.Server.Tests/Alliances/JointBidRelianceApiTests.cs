using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidRelianceApiTestsOnSqlite(ClockedSqliteHost fixture) : JointBidRelianceApiTests<ClockedSqliteHost>(fixture);

public sealed class JointBidRelianceApiTestsOnPostgres(ClockedPostgresHost fixture) : JointBidRelianceApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The RTI's declared reliances (avvalimento, PUT /api/alliances/{id}/bid/reliances): an auxiliary firm of the space
/// lends a bidding firm a category it holds, on a lot that allows it; the qualification view counts it for that firm,
/// and a change voids the signatures like any change of the bid.
/// </summary>
public abstract class JointBidRelianceApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    /// <summary>The school lot: OG1 class III with the separable OS30 class I, no subcontracting; avvalimento allowed or not.</summary>
    static LotRequirementsRequest School(bool avvalimento) =>
        new(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null, avvalimento);

    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId, Guid Auxiliary, HttpClient AuxiliaryPerson)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>Lot 1 states the school's requirements (avvalimento as asked); the builder leads with OG1 class III, the IT firm holds nothing;
    /// an electrician of the space holds OS30 class II.</summary>
    async Task<Team> Arrange(bool avvalimento = true)
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var request = w.Request();
        var tender = await w.Publish(request: request with { Lots = [request.Lots![0] with { Requirements = School(avvalimento) }, request.Lots[1]] });
        var alliance = await w.FormRti(tender.Id);
        await Record(w.Builder, w.BuilderId, new SoaAttestationRequest("OG1", SoaClass.III, Days(w, 700), "SOA Nord"));
        var electrician = fixture.Host.Browser();
        await electrician.SignUp("ausiliaria");
        var firm = await electrician.CreateBusiness("Elettrica Ausiliaria");
        await Record(electrician, firm.Id, new SoaAttestationRequest("OS30", SoaClass.II, Days(w, 365), "SOA Centro"));
        (await electrician.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
        return new Team(w, tender, alliance, firm.Id, electrician);
    }

    static DateOnly Days(TenderWorld w, int days) => QualificationRules.Today(w.Now).AddDays(days);

    static async Task Record(HttpClient client, Guid firmId, params SoaAttestationRequest[] attestations)
    {
        var current = (await client.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{firmId}/qualifications", Json))!;
        (await client.PutAsJsonAsync($"/api/businesses/{firmId}/qualifications", new EditQualificationsRequest(current.Version, attestations, null), Json))
            .EnsureSuccessStatusCode();
    }

    static SaveReliancesRequest Lends(Team t, int version, SoaClass lent = SoaClass.I, Guid? to = null, Guid? auxiliary = null) =>
        new(version, [new RelianceRequest(1, auxiliary ?? t.Auxiliary, to ?? t.World.CoderId, RequirementKind.Separable, "OS30", lent, null)]);

    static async Task<JointBidDto> Read(HttpClient client, Team t) => (await client.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;

    static async Task<LotQualificationDto> Lot(HttpClient client, Team t) =>
        (await client.GetFromJsonAsync<AllianceQualificationDto>($"/api/alliances/{t.AllianceId}/qualification", Json))!.Lots.Should().ContainSingle().Subject;

    [Fact]
    public async Task The_lead_declares_an_auxiliary_lending_OS30_to_the_member_and_the_lot_qualifies_with_it_in_avvalimento()
    {
        var t = await Arrange();
        var w = t.World;
        (await Lot(w.Coder, t)).Qualifies.Should().BeFalse("nobody of the alliance holds OS30");
        // A bid with a work package, once questions are closed, that the lead has signed.
        w.PassTo(t.Tender.EnquiryDeadline);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere edili", 1, null, w.BuilderId,
            new MoneyDto(1_000_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var before = await Read(w.Builder, t);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, before.Digest), Json)).EnsureSuccessStatusCode();

        var saved = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, before.ReliancesVersion), Json);

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var bid = await Read(w.Coder, t);
        bid.Reliances.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Lot = 1, Auxiliary = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"), RelyingFirm = new NamedDto(w.CoderId, "Verdi Informatica"),
            Kind = RequirementKind.Separable, Category = "OS30", ClassLabel = "I",
        });
        bid.Digest.Should().NotBe(before.Digest, "the reliances are part of what the firms sign");
        bid.SignOffs.Should().BeEmpty("the lead's signature was of the bid without them");

        var lot = await Lot(w.Coder, t);
        lot.Qualifies.Should().BeTrue();
        lot.Requirements.Single(r => r.Category == "OS30").By.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Firm = new NamedDto(w.CoderId, "Verdi Informatica"), ClassLabel = "I", Counts = true, LentBy = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"),
        });
    }

    [Fact]
    public async Task A_lot_that_does_not_allow_avvalimento_refuses_the_reliance_with_the_reason_and_stores_nothing()
    {
        var t = await Arrange(avvalimento: false);
        var before = await Read(t.World.Builder, t);

        var refused = await t.World.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, before.ReliancesVersion), Json);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!;
        problem.Errors.Keys.Should().Equal("reliances[0].lot");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("avvalimento.notAllowed");
        (await Read(t.World.Builder, t)).Should().BeEquivalentTo(new { before.Digest, before.Version, Reliances = Array.Empty<RelianceDto>() });
    }

    [Fact]
    public async Task An_auxiliary_lending_a_class_it_does_not_hold_or_a_firm_outside_the_space_is_refused_on_the_field()
    {
        var t = await Arrange();
        var w = t.World;
        var version = (await Read(w.Builder, t)).ReliancesVersion;

        var overClass = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version, lent: SoaClass.III), Json);
        var outsider = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version, auxiliary: w.OutsiderId), Json);

        overClass.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await overClass.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys.Should().Equal("reliances[0].class");
        (await overClass.Content.ReadAsStringAsync()).Should().Contain("avvalimento.categoryNotHeld");
        outsider.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await outsider.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys.Should().Contain("reliances[0].auxiliaryId");
        (await Read(w.Builder, t)).Reliances.Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_declares_for_itself_only_and_outsiders_get_the_one_answer()
    {
        var t = await Arrange();
        var w = t.World;
        var version = (await Read(w.Builder, t)).ReliancesVersion;

        var forTheLead = await w.Coder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version, to: w.BuilderId), Json);
        forTheLead.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forTheLead.Content.ReadAsStringAsync()).Should().Contain("avvalimento.ownFirmsOnly");

        var unknown = await w.Outsider.PutAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/bid/reliances", Lends(t, version), Json);
        foreach (var client in new[] { w.Outsider, w.Buyer, w.Admin })
        {
            var response = await client.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version), Json);
            response.StatusCode.Should().Be(unknown.StatusCode).And.Be(HttpStatusCode.NotFound);
        }
        (await Read(w.Builder, t)).Reliances.Should().BeEmpty();

        var own = await w.Coder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version), Json);
        own.StatusCode.Should().Be(HttpStatusCode.OK, "a member declares what is lent to itself");
        var stale = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version), Json);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    /// <summary>A bid for lot 1 with the quality criterion answered, once questions are closed: ready for the firms to sign.</summary>
    static async Task<JointBidDto> Drafted(Team t)
    {
        var w = t.World;
        w.PassTo(t.Tender.EnquiryDeadline);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere edili", 1, null, w.BuilderId,
            new MoneyDto(900_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti", 1, null, w.CoderId,
            new MoneyDto(200_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var answered = await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json);
        answered.EnsureSuccessStatusCode();
        return await answered.Read<JointBidDto>();
    }

    static async Task SignAll(Team t, JointBidDto bid)
    {
        (await t.World.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.World.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        (await t.World.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.World.CoderId, bid.Digest), Json)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_reliances_are_sealed_with_the_bid_listed_in_its_package_and_the_buyer_reads_the_auxiliary_as_jointly_liable_only_after_opening()
    {
        var t = await Arrange();
        var w = t.World;
        var drafted = await Drafted(t);
        var bid = await (await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, drafted.ReliancesVersion), Json)).Read<JointBidDto>();
        await SignAll(t, bid);

        var package = await w.Coder.GetAsync($"{t.Bid}/package");
        using (var archive = new ZipArchive(await package.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            string Text(string name) { using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8); return reader.ReadToEnd(); }
            Text("riepilogo.txt").Should().Contain("Avvalimento (imprese ausiliarie):")
                .And.Contain("Elettrica Ausiliaria presta a Verdi Informatica: OS30 classe I · solidalmente responsabile");
            Text("summary.txt").Should().Contain("Avvalimento (auxiliary firms):")
                .And.Contain("Elettrica Ausiliaria lends to Verdi Informatica: OS30 class I · jointly liable");
        }
        var submitted = await w.Builder.PostAsync($"{t.Bid}/submit", null);
        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var sealedPath = $"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}";

        var ours = (await w.Coder.GetFromJsonAsync<BidDto>(sealedPath, Json))!;
        ours.Reliances.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Lot = 1, Auxiliary = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"), RelyingFirm = new NamedDto(w.CoderId, "Verdi Informatica"),
            Kind = RequirementKind.Separable, Category = "OS30", ClassLabel = "I",
        });
        ours.MatchesReceipt.Should().BeTrue("the receipt's digest covers the reliances");
        (await w.Buyer.GetAsync(sealedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");

        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<BidDto>(sealedPath, Json))!;

        opened.Reliances.Should().BeEquivalentTo(ours.Reliances);
        opened.MatchesReceipt.Should().BeTrue();
        (await w.Anonymous.GetStringAsync($"/api/tenders/{t.Tender.Id}/ocds")).Should().NotContain("Elettrica", "the open data carry no reliance");
    }
}
