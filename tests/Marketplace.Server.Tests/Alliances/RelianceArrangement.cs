using System.Net;
using System.Net.Http.Json;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

/// <summary>
/// The school RTI of <see cref="TenderWorld"/> relying on an auxiliary electrician of the space for OS30 (avvalimento),
/// as the reliance tests, the auxiliary's to-do and notice tests arrange it.
/// </summary>
public static class RelianceArrangement
{
    /// <summary>The school lot: OG1 class III with the separable OS30 class I, no subcontracting; avvalimento allowed or not.</summary>
    public static LotRequirementsRequest School(bool avvalimento) =>
        new(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null, avvalimento);

    public sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId, Guid Auxiliary, HttpClient AuxiliaryPerson)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>Lot 1 states the school's requirements (avvalimento as asked); the builder leads with OG1 class III, the IT firm holds nothing;
    /// an electrician of the space holds OS30 class II. Every firm has answered its DGUE, the auxiliary's unless <paramref name="auxiliaryDgue"/> is false.</summary>
    public static async Task<Team> Arrange(MarketplaceHost host, FakeTimeProvider clock, bool avvalimento = true, bool auxiliaryDgue = true)
    {
        var w = await TenderWorld.Create(host, clock);
        var request = w.Request();
        var tender = await w.Publish(request: request with { Lots = [request.Lots![0] with { Requirements = School(avvalimento) }, request.Lots[1]] });
        var alliance = await w.FormRti(tender.Id);
        await Record(w.Builder, w.BuilderId, new SoaAttestationRequest("OG1", SoaClass.III, Days(w, 700), "SOA Nord"));
        var electrician = host.Browser();
        await electrician.SignUp("ausiliaria");
        var firm = await electrician.CreateBusiness("Elettrica Ausiliaria");
        await Record(electrician, firm.Id, new SoaAttestationRequest("OS30", SoaClass.II, Days(w, 365), "SOA Centro"));
        if (auxiliaryDgue) await electrician.RecordDgue(firm.Id);
        (await electrician.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
        return new Team(w, tender, alliance, firm.Id, electrician);
    }

    public static DateOnly Days(TenderWorld w, int days) => QualificationRules.Today(w.Now).AddDays(days);

    public static async Task Record(HttpClient client, Guid firmId, params SoaAttestationRequest[] attestations)
    {
        var current = (await client.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{firmId}/qualifications", Json))!;
        (await client.PutAsJsonAsync($"/api/businesses/{firmId}/qualifications", new EditQualificationsRequest(current.Version, attestations, null), Json))
            .EnsureSuccessStatusCode();
    }

    public static SaveReliancesRequest Lends(Team t, int version, SoaClass lent = SoaClass.I, Guid? to = null, Guid? auxiliary = null) =>
        new(version, [new RelianceRequest(1, auxiliary ?? t.Auxiliary, to ?? t.World.CoderId, RequirementKind.Separable, "OS30", lent, null)]);

    /// <summary>A bid for lot 1 with the quality criterion answered, once questions are closed: ready for the firms to sign.</summary>
    public static async Task<JointBidDto> Drafted(Team t)
    {
        var w = t.World;
        w.PassTo(t.Tender.EnquiryDeadline);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Murature e solai", 1, null, w.BuilderId,
            new MoneyDto(900_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti", 1, null, w.CoderId,
            new MoneyDto(200_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var answered = await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json);
        answered.EnsureSuccessStatusCode();
        return await answered.Read<JointBidDto>();
    }

    public static async Task SignAll(Team t, JointBidDto bid)
    {
        (await t.World.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.World.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        (await t.World.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.World.CoderId, bid.Digest), Json)).EnsureSuccessStatusCode();
    }

    /// <summary>The member attaches the avvalimento contract to the bid, and the lead declares the reliance under it.</summary>
    public static async Task<(JointBidDto Bid, DocumentDto Contract)> UnderContract(Team t)
    {
        var w = t.World;
        var drafted = await Drafted(t);
        var contract = await (await TenderWorld.Upload(w.Coder, w.CoderId, "Contratto di avvalimento.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        var attached = await (await w.Coder.PostAsJsonAsync($"{t.Bid}/documents", new AttachDocumentsRequest(w.CoderId, [contract.Id]), Json)).Read<JointBidDto>();
        var request = Lends(t, attached.ReliancesVersion);
        var saved = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", request with { Reliances = [request.Reliances![0] with { ContractId = contract.Id }] }, Json);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return (await saved.Read<JointBidDto>(), contract);
    }


    /// <summary>The member attaches a revised avvalimento contract and the lead links the reliance to it: the auxiliary is asked again.</summary>
    public static async Task<DocumentDto> ReviseContract(Team t)
    {
        var w = t.World;
        var revised = await (await TenderWorld.Upload(w.Coder, w.CoderId, "Contratto rivisto.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        var attached = await (await w.Coder.PostAsJsonAsync($"{t.Bid}/documents", new AttachDocumentsRequest(w.CoderId, [revised.Id]), Json)).Read<JointBidDto>();
        var request = Lends(t, attached.ReliancesVersion);
        (await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", request with { Reliances = [request.Reliances![0] with { ContractId = revised.Id }] }, Json))
            .EnsureSuccessStatusCode();
        return revised;
    }
}
