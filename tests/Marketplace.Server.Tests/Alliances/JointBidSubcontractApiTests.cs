using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidSubcontractApiTestsOnSqlite(ClockedSqliteHost fixture) : JointBidSubcontractApiTests<ClockedSqliteHost>(fixture);

public sealed class JointBidSubcontractApiTestsOnPostgres(ClockedPostgresHost fixture) : JointBidSubcontractApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The RTI's subcontracting declarations (PUT /api/alliances/{id}/bid/subcontracts): per lot, the work subcontracted,
/// its share and the subcontractor, within the buyer's limit; signed, sealed and read by the buyer only after opening.
/// </summary>
public abstract class JointBidSubcontractApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    /// <summary>
    /// The school lot: OG1 with the separable OS30 (may be subcontracted) and OS28 (the buyer keeps it from
    /// subcontracting), at most 30% of the lot subcontracted. Lot 2 states no share: nothing of it may be subcontracted.
    /// </summary>
    static readonly LotRequirementsRequest School = new(new CategoryAmountRequest("OG1", 850_000m),
        [new CategoryAmountRequest("OS30", 200_000m), new CategoryAmountRequest("OS28", 50_000m, MaySubcontract: false)], 30, null, null);

    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId, HttpClient Installer, Guid InstallerId)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>
    /// The builder leads (OG1 class IV and OS28 recorded), the IT firm is its member, and Bianchi Impianti, a firm of the
    /// space, joined as a subcontractor. One work package per lot.
    /// </summary>
    async Task<(Team Team, JointBidDto Bid)> Drafted()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var request = w.Request();
        var tender = await w.Publish(request: request with { Lots = [request.Lots![0] with { Requirements = School }, request.Lots[1]] });
        var alliance = await w.FormRti(tender.Id);
        var (installer, installerId) = await SpaceFirm(w, "Bianchi Impianti");
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance}/invitations", new AllianceInviteRequest(installerId, AllianceRole.Subcontractor), Json)).EnsureSuccessStatusCode();
        (await installer.PostAsJsonAsync($"/api/alliances/{alliance}/firms/{installerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        var expires = DateOnly.FromDateTime(w.Now.AddYears(2).UtcDateTime);
        var current = (await w.Builder.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{w.BuilderId}/qualifications", Json))!;
        (await w.Builder.PutAsJsonAsync($"/api/businesses/{w.BuilderId}/qualifications", new EditQualificationsRequest(current.Version,
            [new SoaAttestationRequest("OG1", SoaClass.IV, expires, "SOA Nord"), new SoaAttestationRequest("OS28", SoaClass.I, expires, "SOA Nord")], null), Json))
            .EnsureSuccessStatusCode();
        var t = new Team(w, tender, alliance, installer, installerId);
        w.PassTo(tender.EnquiryDeadline);
        foreach (var (client, firm, title, lot, price) in new[] { (w.Builder, w.BuilderId, "Opere edili e impianti", 1, 1_000_000m), (w.Coder, w.CoderId, "Cablaggio", 2, 150_000m) })
            (await client.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, title, lot, null, firm, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        var answered = await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json);
        answered.EnsureSuccessStatusCode();
        return (t, await answered.Read<JointBidDto>());
    }

    static async Task<(HttpClient Client, Guid Id)> SpaceFirm(TenderWorld w, string name)
    {
        var client = w.Host.Browser();
        await client.SignUp(name.Split(' ')[0].ToLowerInvariant());
        var firm = await client.CreateBusiness(name);
        (await client.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
        return (client, firm.Id);
    }

    static SaveSubcontractsRequest Declare(int version, params SubcontractRequest[] rows) => new(version, rows);

    static SubcontractRequest Os30(decimal? percent, Guid? firm = null, string? name = null) => new(1, null, "OS30", percent, firm, name);

    static async Task<LotQualificationDto> Qualification(HttpClient client, Guid alliance) =>
        (await client.GetFromJsonAsync<AllianceQualificationDto>($"/api/alliances/{alliance}/qualification", Json))!.Lots.Single(l => l.Lot == 1);

    [Fact]
    public async Task The_lead_declares_OS30_in_subcontract_the_qualification_view_stops_warning_and_a_change_voids_the_signatures()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var before = await Qualification(w.Coder, t.AllianceId);
        before.Requirements.Single(r => r.Category == "OS30").Status.Should().Be(RequirementStatus.Subcontract);
        before.Undeclared.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = "subcontract.undeclared", Args = new Dictionary<string, string> { ["lot"] = "1", ["category"] = "OS30" },
        });

        var saved = await w.Builder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(drafted.SubcontractsVersion, Os30(30m, t.InstallerId)), Json);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var bid = (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;

        bid.Subcontracts.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Lot = 1, Category = "OS30", Percent = 30m, Firm = new NamedDto(t.InstallerId, "Bianchi Impianti"), Name = (string?)null, PackageId = (Guid?)null,
        });
        bid.Subcontracts[0].CategoryIt.Should().NotBeNullOrEmpty();
        bid.Digest.Should().NotBe(drafted.Digest, "the declarations are part of what the firms sign");
        (await Qualification(w.Coder, t.AllianceId)).Undeclared.Should().BeEmpty("OS30 is declared");

        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        var signed = await (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, bid.Digest), Json)).Read<JointBidDto>();
        signed.SignOffs.Should().HaveCount(2);

        // The IT firm's Owner leaves the subcontractor to be named and adds a work package of lot 1 named by a firm outside.
        var package = signed.WorkPackages.Single(p => p.Lot == 1).Id;
        var changed = await (await w.Coder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(signed.SubcontractsVersion,
            Os30(20m), new SubcontractRequest(1, package, null, 10m, null, "Gialli Ponteggi S.r.l.")), Json)).Read<JointBidDto>();
        changed.SignOffs.Should().BeEmpty();
        changed.Digest.Should().NotBe(signed.Digest);
        changed.Subcontracts.Select(d => (d.Category, d.PackageTitle, d.Percent, d.Firm, d.Name)).Should().Equal(
            ("OS30", null, 20m, null, null), (null, "Opere edili e impianti", 10m, null, "Gialli Ponteggi S.r.l."));
    }

    [Fact]
    public async Task Wrong_declarations_are_refused_next_to_the_field_a_stale_save_gets_409_and_nothing_is_stored()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var lot2Package = drafted.WorkPackages.Single(p => p.Lot == 2).Id;

        async Task<ValidationProblemDetails> Refused(params SubcontractRequest[] rows)
        {
            var response = await w.Builder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(0, rows), Json);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            return await response.Read<ValidationProblemDetails>();
        }

        var over = await FieldProblems(await w.Builder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(0, Os30(40m, t.InstallerId)), Json));
        over.Keys.Should().Equal("subcontracts[0].percent");
        over["subcontracts[0].percent"].Should().ContainSingle().Which.Should().BeEquivalentTo(
            ("subcontract.overLimit", new Dictionary<string, string> { ["lot"] = "1", ["sum"] = "40", ["max"] = "30" }));
        (await Refused(Os30(20m), new SubcontractRequest(1, drafted.WorkPackages.Single(p => p.Lot == 1).Id, null, 15m, null, null))).Errors.Keys
            .Should().Equal(["subcontracts[1].percent"], "the lot's shares add up: the sentence goes on the row that goes over");
        (await Refused(new SubcontractRequest(2, lot2Package, null, 10m, null, null))).Errors.Keys.Should().Equal("subcontracts[0].lot");
        (await Refused(new SubcontractRequest(1, null, "OS28", 5m, null, null))).Errors.Keys.Should().Equal("subcontracts[0].category");
        (await Refused(new SubcontractRequest(1, null, "OS1", 5m, null, null))).Errors.Keys.Should().Equal("subcontracts[0].category");
        (await Refused(new SubcontractRequest(1, lot2Package, null, 5m, null, null))).Errors.Keys.Should().Equal("subcontracts[0].packageId");
        (await Refused(new SubcontractRequest(1, lot2Package, "OS30", 5m, null, null), new SubcontractRequest(3, null, "OS30", 5m, null, null))).Errors.Keys
            .Should().BeEquivalentTo("subcontracts[0].work", "subcontracts[1].lot");
        (await Refused(Os30(0m), Os30(null))).Errors.Keys.Should().Equal("subcontracts[1].percent");
        (await Refused(Os30(0m, w.CoderId), new SubcontractRequest(1, drafted.WorkPackages.Single(p => p.Lot == 1).Id, null, 5m, t.InstallerId, "Gialli"))).Errors.Keys
            .Should().BeEquivalentTo(["subcontracts[0].percent", "subcontracts[0].firmId", "subcontracts[1].name"], "a member bids: it is no subcontractor");
        (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Should().BeEquivalentTo(new
        {
            drafted.Digest, drafted.Version, Subcontracts = Array.Empty<SubcontractDto>(), SubcontractsVersion = 0,
        });

        var first = await (await w.Builder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(0, Os30(30m, t.InstallerId)), Json)).Read<JointBidDto>();
        var stale = await w.Coder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(0, Os30(10m)), Json);

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict, "the IT firm read the declarations before the lead saved them");
        (await stale.Refusal()).Code.Should().Be("subcontract.changed");
        (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Should().BeEquivalentTo(new { first.Digest, first.Subcontracts, SubcontractsVersion = 1 });
    }

    /// <summary>Each field's refusals with their arguments, as the page words them next to the field.</summary>
    static async Task<Dictionary<string, (string Code, Dictionary<string, string> Args)[]>> FieldProblems(HttpResponseMessage response)
    {
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errorCodes").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString()!, c.GetProperty("args").EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!))).ToArray());
    }

    [Fact]
    public async Task Only_the_alliances_owners_and_managers_declare_outsiders_the_buyer_and_a_viewer_are_refused()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var viewer = w.Host.Browser();
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        var request = Declare(drafted.SubcontractsVersion, Os30(30m, t.InstallerId));

        (await w.Outsider.PutAsJsonAsync($"{t.Bid}/subcontracts", request, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Buyer.PutAsJsonAsync($"{t.Bid}/subcontracts", request, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Outsider.PutAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/bid/subcontracts", request, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound, "as for no alliance at all");
        (await w.Anonymous.PutAsJsonAsync($"{t.Bid}/subcontracts", request, Json)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var byViewer = await viewer.PutAsJsonAsync($"{t.Bid}/subcontracts", request, Json);
        byViewer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byViewer.Refusal()).Code.Should().Be("jointBid.notAnEditor");
        (await viewer.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Subcontracts.Should().BeEmpty("nothing was stored");
    }

    [Fact]
    public async Task The_declarations_are_sealed_with_the_bid_listed_in_its_package_and_the_buyer_reads_them_only_after_opening()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var bid = await (await w.Builder.PutAsJsonAsync($"{t.Bid}/subcontracts", Declare(drafted.SubcontractsVersion,
            Os30(25m, t.InstallerId), new SubcontractRequest(1, drafted.WorkPackages.Single(p => p.Lot == 1).Id, null, 5m, null, null)), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, bid.Digest), Json)).EnsureSuccessStatusCode();

        var package = await w.Coder.GetAsync($"{t.Bid}/package");
        using (var archive = new ZipArchive(await package.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            string Text(string name) { using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8); return reader.ReadToEnd(); }
            Text("riepilogo.txt").Should().Contain("Subappalto dichiarato:").And.Contain(": 25 % del lotto · subappaltatore: Bianchi Impianti")
                .And.Contain("Opere edili e impianti: 5 % del lotto · subappaltatore: subappaltatore da indicare");
            Text("summary.txt").Should().Contain("Declared subcontracting:").And.Contain(": 25 % of the lot · subcontractor: Bianchi Impianti")
                .And.Contain("subcontractor: subcontractor to be named");
            Text(JointBidPackage.ContentFile).Should().Contain("\"subcontracts\":[");
        }
        var submitted = await w.Builder.PostAsync($"{t.Bid}/submit", null);
        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var sealedPath = $"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}";

        var ours = (await w.Coder.GetFromJsonAsync<BidDto>(sealedPath, Json))!;
        ours.Subcontracts.Select(d => (d.Lot, d.Category, d.PackageTitle, d.Percent, d.Firm?.Name, d.Name)).Should().Equal(
            (1, "OS30", null, 25m, "Bianchi Impianti", null), (1, null, "Opere edili e impianti", 5m, null, null));
        ours.MatchesReceipt.Should().BeTrue("the receipt's digest covers the declarations");
        (await w.Buyer.GetAsync(sealedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");
        (await w.Buyer.GetStringAsync($"/api/tenders/{t.Tender.Id}/ocds")).Should().NotContain("Bianchi").And.NotContain("subcontract");

        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<BidDto>(sealedPath, Json))!;

        opened.Subcontracts.Should().BeEquivalentTo(ours.Subcontracts);
        opened.MatchesReceipt.Should().BeTrue();
        (await w.Anonymous.GetStringAsync($"/api/tenders/{t.Tender.Id}/ocds")).Should().NotContain("Bianchi", "the open data carry no subcontracting");
    }
}
