using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class BusinessViewerActionsTestsOnSqlite(ClockedSqliteHost fixture) : BusinessViewerActionsTests<ClockedSqliteHost>(fixture);

public sealed class BusinessViewerActionsTestsOnPostgres(ClockedPostgresHost fixture) : BusinessViewerActionsTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A business's page, and its row among the viewer's businesses, say what the viewer may do with it by the rules its
/// commands run: its Owners and Managers edit and invite, any of its people sees the team, a buyer's Owners and
/// Managers draft tenders; anyone else is offered nothing, and what is not offered is refused.
/// </summary>
public abstract class BusinessViewerActionsTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    readonly MarketplaceHost host = fixture.Host;

    static async Task<BusinessProfileDto> Page(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{id}", Json))!;

    static async Task<MyBusinessDto> Row(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json))!.Single(b => b.Id == id);

    /// <summary>A firm, its Owner (who created it) and a Viewer of it.</summary>
    async Task<(HttpClient Owner, BusinessProfileDto Firm, HttpClient Viewer)> FirmWithViewer(string name)
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        var firm = await owner.CreateBusiness(name);
        var viewer = host.Browser();
        await viewer.JoinAsViewer(owner, firm.Id);
        return (owner, firm, viewer);
    }

    [Fact]
    public async Task The_owner_is_offered_edit_and_invite_a_viewer_only_the_team_and_an_outsider_or_visitor_nothing()
    {
        var (owner, firm, viewer) = await FirmWithViewer("Officine Azioni S.r.l.");
        var outsider = host.Browser();
        await outsider.SignUp("outsider");

        BusinessAction[] editing = [BusinessAction.Edit, BusinessAction.Invite, BusinessAction.SeeMembers, BusinessAction.SeeInvitations];
        firm.Actions.Allowed.Should().Equal(editing, "the creator's answer says what they may do with it now");
        (await Page(owner, firm.Id)).Actions.Allowed.Should().Equal(editing);
        (await Row(owner, firm.Id)).Actions.Allowed.Should().Equal(editing);
        (await Page(viewer, firm.Id)).Actions.Should().BeEquivalentTo(new ViewerActions<BusinessAction>([BusinessAction.SeeMembers], []));
        (await Row(viewer, firm.Id)).Actions.Should().BeEquivalentTo(new ViewerActions<BusinessAction>([BusinessAction.SeeMembers], []));
        (await Page(outsider, firm.Id)).Actions.Should().BeEquivalentTo(ViewerActions<BusinessAction>.None);
        (await Page(host.CreateClient(), firm.Id)).Actions.Should().BeEquivalentTo(ViewerActions<BusinessAction>.None);

        var current = await Page(viewer, firm.Id);
        (await viewer.EditProfile(firm.Id, EditOf(current) with { Description = "Non mio" })).StatusCode.Should().Be(HttpStatusCode.Forbidden,
            "the server refuses what the page does not offer");
        (await viewer.PostAsJsonAsync($"/api/businesses/{firm.Id}/invitations", new InviteMemberRequest("amico@example.it", BusinessRole.Viewer), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/api/businesses/{firm.Id}/invitations")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.GetAsync($"/api/businesses/{firm.Id}/members")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_team_shows_the_owner_which_people_they_may_remove_and_the_owner_as_one_who_stays()
    {
        var (owner, firm, viewer) = await FirmWithViewer("Officine Squadra S.r.l.");

        var seenByOwner = (await owner.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{firm.Id}/members", Json))!;
        var seenByViewer = (await viewer.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{firm.Id}/members", Json))!;

        var ownerRow = seenByOwner.Single(m => m.Role == BusinessRole.Owner);
        ownerRow.Actions.Allowed.Should().BeEmpty();
        ownerRow.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = BusinessMemberAction.Remove, Code = "business.ownerStays" });
        seenByOwner.Single(m => m.Role == BusinessRole.Viewer).Actions.Allowed.Should().Equal(BusinessMemberAction.Remove);
        seenByViewer.Should().OnlyContain(m => m.Actions.Allowed.Length == 0 && m.Actions.Blocked.Length == 0, "a viewer removes nobody");
        (await viewer.DeleteAsync($"/api/businesses/{firm.Id}/members/{ownerRow.UserId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.DeleteAsync($"/api/businesses/{firm.Id}/members/{ownerRow.UserId}")).StatusCode.Should().Be(HttpStatusCode.Conflict,
            "the blocker is the refusal the command gives");
    }

    [Fact]
    public async Task A_new_tender_is_offered_to_a_buyer_s_owners_and_managers_only()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var manager = host.Browser();
        await w.Buyer.Join(w.BuyerId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        var viewer = host.Browser();
        await viewer.JoinAsViewer(w.Buyer, w.BuyerId);

        (await Page(w.Buyer, w.BuyerId)).Actions.Allowed.Should().Contain(BusinessAction.DraftTender);
        (await Row(w.Buyer, w.BuyerId)).Actions.Allowed.Should().Contain(BusinessAction.DraftTender);
        (await Page(manager, w.BuyerId)).Actions.Allowed.Should().Contain(BusinessAction.DraftTender);
        (await Page(viewer, w.BuyerId)).Actions.Allowed.Should().NotContain(BusinessAction.DraftTender);
        (await Page(w.Builder, w.BuyerId)).Actions.Should().BeEquivalentTo(ViewerActions<BusinessAction>.None);
        (await Page(w.Builder, w.BuilderId)).Actions.Allowed.Should().NotContain(BusinessAction.DraftTender, "a firm buys nothing");

        var refused = await viewer.PostAsJsonAsync("/api/tenders", w.Request(), Json);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Refusal()).Code.Should().Be("tender.notTheBuyer");
        (await manager.PostAsJsonAsync("/api/tenders", w.Request(), Json)).StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
