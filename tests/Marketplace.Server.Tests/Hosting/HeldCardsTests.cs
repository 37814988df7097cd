using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hosting;

public sealed class HeldCardsTestsOnSqlite(ClockedSqliteHost fixture) : HeldCardsTests<ClockedSqliteHost>(fixture);

public sealed class HeldCardsTestsOnPostgres(ClockedPostgresHost fixture) : HeldCardsTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The names, logos and standings a page shows beside ids are held by the silo (HeldCards), not read from each grain on
/// every visit; a firm renamed or given a new logo, a space renamed, a firm that left a space or a buyer's new mandate is
/// shown so on the very next read of every page.
/// </summary>
public abstract class HeldCardsTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    [Fact]
    public async Task A_renamed_firm_a_new_logo_and_a_renamed_space_show_on_the_next_read_of_the_workspace_the_joint_bid_and_the_tender()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{allianceId}/bid/work-packages",
            new SaveWorkPackageRequest(null, 0, "Cablaggio", 1, null, w.CoderId, new MoneyDto(50_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        // Read once, so every name below is held before it changes.
        await Pages(w, allianceId, tender.Id);

        var coder = (await w.Coder.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{w.CoderId}", Json))!;
        (await w.Coder.EditProfile(w.CoderId, EditOf(coder) with { Name = "Verdi Reti S.r.l." })).EnsureSuccessStatusCode();
        var logo = new ByteArrayContent(TestImages.Png(12, 12));
        logo.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var withLogo = await (await w.Coder.PutAsync($"/api/businesses/{w.CoderId}/logo?name=logo.png", logo)).Read<BusinessProfileDto>();
        var space = (await w.Admin.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.SpaceId}", Json))!;
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/settings", new EditSpaceSettingsRequest(space.Version, "Spazio Gare Umbria",
            space.Summary.Description, space.TerritoryComuni, space.TerritoryProvinces, space.Summary.Visibility), Json)).EnsureSuccessStatusCode();
        var buyer = (await w.Buyer.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{w.BuyerId}", Json))!;
        (await w.Buyer.EditProfile(w.BuyerId, EditOf(buyer) with { Name = "Comune di Spello" })).EnsureSuccessStatusCode();

        var (workspace, bid, page) = await Pages(w, allianceId, tender.Id);

        var member = workspace.Members.Single(m => m.FirmId == w.CoderId);
        member.Name.Should().Be("Verdi Reti S.r.l.");
        member.Logo.Should().Be(withLogo.Logo).And.NotBeNull();
        workspace.Space.Name.Should().Be("Spazio Gare Umbria");
        bid.WorkPackages.Single().Firm.Name.Should().Be("Verdi Reti S.r.l.");
        page.Buyer.Name.Should().Be("Comune di Spello");
        page.Spaces.Single().Name.Should().Be("Spazio Gare Umbria");
    }

    [Fact]
    public async Task A_firm_that_left_the_space_and_a_mandate_the_buyer_granted_show_on_the_next_read_of_the_tender()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        // Read once, so the firm's membership and the buyer's standing are held before they change.
        (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().Actions.Allowed.Should().Contain(TenderFirmAction.Ask);
        (await w.Get(w.Admin, tender.Id)).Actions.Allowed.Should().BeEmpty("the buyer has not mandated the association");

        (await w.Builder.PostAsync($"/api/spaces/{w.SpaceId}/firms/{w.BuilderId}/leave", null)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(w.SpaceId), Json)).EnsureSuccessStatusCode();

        var firm = (await w.Get(w.Builder, tender.Id)).ViewerFirms.Single().Actions;
        firm.Allowed.Should().BeEmpty("the firm left the tender's only space");
        firm.Blocked.Select(b => b.Code).Should().Contain("tender.firmNotEligible");
        (await w.Get(w.Admin, tender.Id)).Actions.Allowed.Should().Contain(TenderAction.Amend, "the buyer's mandate lets the association's admins act for it");
    }

    /// <summary>The tender's activation holds its viewers' bidding facts: a sign-off, a departure and a bid each show on the next read.</summary>
    [Fact]
    public async Task A_firm_bound_by_its_sign_off_free_again_once_it_left_the_alliance_and_its_own_bid_show_on_the_next_read_of_the_tender()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        string[] Blocks(TenderDto page) => [.. page.ViewerFirms.Single().Actions.Blocked.Select(b => b.Code)];
        // Read once, so the IT firm's facts are held before each change.
        Blocks(await w.Get(w.Coder, tender.Id)).Should().NotContain("bid.lotBound");

        var bid = $"/api/alliances/{allianceId}/bid";
        foreach (var (client, firm, price) in new[] { (w.Builder, w.BuilderId, 700_000m), (w.Coder, w.CoderId, 150_000m) })
            (await client.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Lavori", 1, null, firm, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        var drafted = (await w.Coder.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, drafted.Digest), Json)).EnsureSuccessStatusCode();
        Blocks(await w.Get(w.Coder, tender.Id)).Should().Contain("bid.lotBound", "its sign-off promises lot 1 to the alliance");

        (await w.Coder.PostAsync($"/api/alliances/{allianceId}/firms/{w.CoderId}/leave", null)).EnsureSuccessStatusCode();
        var free = await w.Get(w.Coder, tender.Id);
        Blocks(free).Should().NotContain("bid.lotBound", "a firm that left no longer binds itself through its signature");
        free.ViewerFirms.Single().HasBid.Should().BeFalse();

        (await w.Bid(w.Coder, tender.Id, w.CoderId, 140_000m)).EnsureSuccessStatusCode();
        (await w.Get(w.Coder, tender.Id)).ViewerFirms.Single().HasBid.Should().BeTrue("its own bid, stored a moment ago");
    }

    static async Task<(AllianceDto Workspace, JointBidDto Bid, TenderDto Tender)> Pages(TenderWorld w, Guid allianceId, Guid tenderId) =>
        ((await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{allianceId}", Json))!,
         (await w.Builder.GetFromJsonAsync<JointBidDto>($"/api/alliances/{allianceId}/bid", Json))!,
         await w.Get(w.Builder, tenderId));
}
