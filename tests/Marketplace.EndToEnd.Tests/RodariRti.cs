using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The school's RTI as the joint-bid stories arrange it through the API, up to the work its firms price.</summary>
internal static class RodariRti
{
    /// <summary>
    /// Rossi forms "RTI Rodari" for the tender, Bianchi joins as a member and each of <paramref name="others"/> in its
    /// role; once questions close (the server's clock moved), Rossi prices its masonry and Bianchi its wiring in lot 1.
    /// </summary>
    internal static async Task<AllianceDto> Form(ClockedBrowserFixture fixture, TenderDto tender, ArrangedFirm rossi, ArrangedFirm bianchi,
        params (ArrangedFirm Firm, AllianceRole Role)[] others)
    {
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, tender.Spaces[0].Id, tender.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        foreach (var (firm, role) in new[] { (bianchi, AllianceRole.Member) }.Concat(others))
        {
            (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(firm.Firm.Id, role), Json)).EnsureSuccessStatusCode();
            (await firm.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{firm.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        }
        fixture.ServerClock.SetUtcNow(tender.EnquiryDeadline.AddMinutes(1));
        var bid = $"/api/alliances/{alliance.Id}/bid";
        (await rossi.Api.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, rossi.Firm.Id, new MoneyDto(630_000m, "EUR")), Json))
            .EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti elettrici", 1, null, bianchi.Firm.Id, new MoneyDto(420_000m, "EUR")), Json))
            .EnsureSuccessStatusCode();
        return alliance;
    }
}
