using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Spaces;

public sealed class SpaceApiTestsOnSqlite(SqliteHost fixture) : SpaceApiTests<SqliteHost>(fixture);

public sealed class SpaceApiTestsOnPostgres(PostgresHost fixture) : SpaceApiTests<PostgresHost>(fixture);

/// <summary>Spaces through the API, with the authorisation matrix: anonymous, outside firm, member firm, admin.</summary>
public abstract class SpaceApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    sealed record World(HttpClient Admin, SpaceDetailDto Space, HttpClient Firm, Guid FirmId, HttpClient Outsider, Guid OutsiderId, HttpClient Anonymous);

    async Task<World> NewWorld(DirectoryVisibility visibility = DirectoryVisibility.MembersOnly)
    {
        var admin = host.Browser();
        await admin.SignUp("segreteria");
        var association = await admin.CreateBusiness("Associazione Imprese Emilia", BusinessKind.Association);
        var created = await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Emilia", "Imprese emiliane",
            ["037006"], ["BO", "MO"], visibility, "Art. 1 — Possono aderire le imprese con sede in Emilia."), Json);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var firm = host.Browser();
        await firm.SignUp("rossi");
        var firmId = (await firm.CreateBusiness("Edilizia Rossi")).Id;
        var outsider = host.Browser();
        await outsider.SignUp("esterna");
        var outsiderId = (await outsider.CreateBusiness("Impresa Esterna")).Id;
        return new World(admin, await created.Read<SpaceDetailDto>(), firm, firmId, outsider, outsiderId, host.Browser());
    }

    static Task<HttpResponseMessage> Apply(HttpClient client, World w, Guid firmId, int policyVersion = 1) =>
        client.PostAsJsonAsync($"/api/spaces/{w.Space.Summary.Id}/applications", new ApplyRequest(firmId, "Vorremmo aderire", policyVersion), Json);

    static Task<HttpResponseMessage> Decide(HttpClient client, World w, MembershipDecision decision, string? reason = null) =>
        client.PostAsJsonAsync($"/api/spaces/{w.Space.Summary.Id}/firms/{w.FirmId}/decision", new DecisionRequest(decision, reason), Json);

    static async Task<SpaceDetailDto> Detail(HttpClient client, World w) =>
        (await client.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.Space.Summary.Id}", Json))!;

    async Task<World> WithMember()
    {
        var w = await NewWorld();
        (await Apply(w.Firm, w, w.FirmId)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Decide(w.Admin, w, MembershipDecision.Approve)).StatusCode.Should().Be(HttpStatusCode.OK);
        return w;
    }

    [Fact]
    public async Task Anyone_can_browse_spaces_and_read_the_policy()
    {
        var w = await NewWorld();

        var list = await w.Anonymous.GetFromJsonAsync<SpaceSummaryDto[]>("/api/spaces", Json);
        var detail = await Detail(w.Anonymous, w);

        list.Should().Contain(s => s.Id == w.Space.Summary.Id && s.HostName == "Associazione Imprese Emilia");
        detail.Policy.Should().BeEquivalentTo(new { Version = 1, Text = "Art. 1 — Possono aderire le imprese con sede in Emilia." });
        detail.TerritoryProvinces.Should().Equal("BO", "MO");
        detail.ViewerIsAdmin.Should().BeFalse();
        w.Space.ViewerIsAdmin.Should().BeTrue();
    }

    [Fact]
    public async Task Only_an_association_s_owners_and_managers_create_its_spaces()
    {
        var w = await NewWorld();
        var request = (Guid hostId) => new CreateSpaceRequest(hostId, "Altro spazio", null, [], [], DirectoryVisibility.Public, "Regole");

        (await w.Firm.PostAsJsonAsync("/api/spaces", request(w.Space.Summary.HostId), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var ownFirm = await w.Firm.PostAsJsonAsync("/api/spaces", request(w.FirmId), Json);
        ownFirm.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ownFirm.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("hostId");
        (await w.Anonymous.PostAsJsonAsync("/api/spaces", request(w.Space.Summary.HostId), Json)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invalid_space_settings_are_named_and_nothing_is_created()
    {
        var w = await NewWorld();
        var before = (await w.Anonymous.GetFromJsonAsync<SpaceSummaryDto[]>("/api/spaces", Json))!.Length;

        var response = await w.Admin.PostAsJsonAsync("/api/spaces",
            new CreateSpaceRequest(w.Space.Summary.HostId, "X", null, ["999999"], ["ZZ"], DirectoryVisibility.Public, " "), Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Read<ValidationProblemDetails>()).Errors.Keys.Should().Contain("policyText");
        (await w.Anonymous.GetFromJsonAsync<SpaceSummaryDto[]>("/api/spaces", Json))!.Length.Should().Be(before);
    }

    [Fact]
    public async Task An_application_reaches_the_admins_and_approval_opens_the_members_only_directory()
    {
        var w = await NewWorld();
        var members = $"/api/spaces/{w.Space.Summary.Id}/members";

        (await Apply(w.Firm, w, w.FirmId)).StatusCode.Should().Be(HttpStatusCode.OK);
        var pending = await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{w.Space.Summary.Id}/memberships", Json);
        pending.Should().ContainSingle().Which.Should().BeEquivalentTo(new { FirmId = w.FirmId, Status = MembershipStatus.Applied, Message = "Vorremmo aderire" });
        (await (await w.Firm.GetAsync(members)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "space.membersOnly" });

        (await Decide(w.Admin, w, MembershipDecision.Approve)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await w.Firm.GetFromJsonAsync<DirectoryEntryDto[]>(members, Json)).Should().ContainSingle().Which.Id.Should().Be(w.FirmId);
        (await w.Outsider.GetAsync(members)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Anonymous.GetAsync(members)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Detail(w.Firm, w)).ViewerFirms.Should().ContainSingle().Which.Status.Should().Be(MembershipStatus.Member);
    }

    [Fact]
    public async Task A_public_directory_is_open_to_everyone()
    {
        var w = await NewWorld(DirectoryVisibility.Public);

        (await w.Anonymous.GetAsync($"/api/spaces/{w.Space.Summary.Id}/members")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_admins_see_applications_and_history_and_take_decisions()
    {
        var w = await WithMember();
        var id = w.Space.Summary.Id;

        foreach (var client in new[] { w.Firm, w.Outsider })
        {
            (await client.GetAsync($"/api/spaces/{id}/memberships")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.GetAsync($"/api/spaces/{id}/history")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await Decide(client, w, MembershipDecision.Suspend, "no")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"/api/spaces/{id}/policy", new PublishPolicyRequest("Nuove regole"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"/api/spaces/{id}/invitations", new InviteRequest(w.OutsiderId), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await w.Anonymous.GetAsync($"/api/spaces/{id}/memberships")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Detail(w.Anonymous, w)).Summary.MemberCount.Should().Be(1);
    }

    [Fact]
    public async Task A_firm_acts_only_for_itself()
    {
        var w = await NewWorld();

        (await (await Apply(w.Outsider, w, w.FirmId)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "space.notFirmEditor" });
        (await Apply(w.Anonymous, w, w.FirmId)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Apply(w.Firm, w, w.FirmId)).EnsureSuccessStatusCode();
        (await w.Outsider.PostAsync($"/api/spaces/{w.Space.Summary.Id}/firms/{w.FirmId}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{w.Space.Summary.Id}/memberships", Json))!
            .Single().Status.Should().Be(MembershipStatus.Applied);
    }

    [Fact]
    public async Task A_pending_firm_cannot_apply_twice_but_a_rejected_one_sees_why_and_may_apply_again()
    {
        var w = await NewWorld();
        await Apply(w.Firm, w, w.FirmId);

        (await (await Apply(w.Firm, w, w.FirmId)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "space.alreadyApplied" });
        var noReason = await Decide(w.Admin, w, MembershipDecision.Reject);
        (await noReason.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("reason");
        (await noReason.Refusal()).FieldCodes["reason"].Should().Equal("space.reasonMissing");
        (await Decide(w.Admin, w, MembershipDecision.Reject, "Sede fuori dal territorio")).EnsureSuccessStatusCode();

        (await Detail(w.Firm, w)).ViewerFirms.Single().Should().BeEquivalentTo(new { Status = MembershipStatus.Rejected, Reason = "Sede fuori dal territorio" });
        (await Apply(w.Firm, w, w.FirmId)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_removed_member_loses_the_members_only_directory_at_once()
    {
        var w = await WithMember();
        var members = $"/api/spaces/{w.Space.Summary.Id}/members";
        (await w.Firm.GetAsync(members)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Decide(w.Admin, w, MembershipDecision.Remove, "Violazione del regolamento")).EnsureSuccessStatusCode();

        (await w.Firm.GetAsync(members)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var history = await w.Admin.GetFromJsonAsync<MembershipEventDto[]>($"/api/spaces/{w.Space.Summary.Id}/history", Json);
        history!.Select(h => (h.Status, h.Reason)).Should().Equal(
            (MembershipStatus.Removed, "Violazione del regolamento"), (MembershipStatus.Member, null), (MembershipStatus.Applied, null));
        history![0].ActorName.Should().Be(DisplayNameOf("segreteria"), "the admins see who acted by name");
    }

    [Fact]
    public async Task A_person_removed_from_the_association_or_the_firm_is_refused_the_space_s_commands_at_once()
    {
        var w = await WithMember();
        var id = w.Space.Summary.Id;
        var secretary = host.Browser();
        var secretaryEmail = await secretary.SignUp("segretaria");
        await w.Admin.Join(w.Space.Summary.HostId, secretary, secretaryEmail, BusinessRole.Manager);
        var manager = host.Browser();
        var managerEmail = await manager.SignUp("responsabile");
        await w.Firm.Join(w.FirmId, manager, managerEmail, BusinessRole.Manager);
        Task<HttpResponseMessage> Publish(string text) => secretary.PostAsJsonAsync($"/api/spaces/{id}/policy", new PublishPolicyRequest(text), Json);
        Task<HttpResponseMessage> Accept(int version) =>
            manager.PostAsJsonAsync($"/api/spaces/{id}/firms/{w.FirmId}/accept-policy", new AcceptPolicyRequest(version), Json);
        (await Publish("Art. 1 — seconda versione")).EnsureSuccessStatusCode();
        (await Accept(2)).EnsureSuccessStatusCode();
        (await Detail(secretary, w)).ViewerIsAdmin.Should().BeTrue();

        await w.Admin.Remove(w.Space.Summary.HostId, secretaryEmail);
        await w.Firm.Remove(w.FirmId, managerEmail);

        (await (await Publish("Art. 1 — terza versione")).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "space.notAdmin" });
        (await (await manager.PostAsync($"/api/spaces/{id}/firms/{w.FirmId}/leave", null)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "space.notFirmEditor" });
        (await Detail(secretary, w)).ViewerIsAdmin.Should().BeFalse();
        var standing = (await Detail(w.Firm, w)).ViewerFirms.Single();
        standing.Should().BeEquivalentTo(new { Status = MembershipStatus.Member, AcceptedPolicyVersion = 2 }, "the refused commands changed nothing");
        (await Detail(w.Admin, w)).Summary.PolicyVersion.Should().Be(2);
    }

    [Fact]
    public async Task A_new_policy_version_is_shown_as_pending_until_the_member_accepts_it()
    {
        var w = await WithMember();
        var id = w.Space.Summary.Id;

        (await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/policy", new PublishPolicyRequest("Art. 1 — nuove regole"), Json)).EnsureSuccessStatusCode();
        (await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{id}/memberships", Json))!.Single().PolicyAcceptancePending.Should().BeTrue();
        (await w.Firm.PostAsJsonAsync($"/api/spaces/{id}/firms/{w.FirmId}/accept-policy", new AcceptPolicyRequest(1), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await Detail(w.Firm, w)).ViewerFirms.Single().Should().BeEquivalentTo(new { PolicyAcceptancePending = true });
        (await Detail(w.Firm, w)).ViewerFirms.Single().Actions.Allowed.Should().Contain(StandingAction.AcceptPolicy);

        (await w.Firm.PostAsJsonAsync($"/api/spaces/{id}/firms/{w.FirmId}/accept-policy", new AcceptPolicyRequest(2), Json)).EnsureSuccessStatusCode();

        (await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{id}/memberships", Json))!.Single().PolicyAcceptancePending.Should().BeFalse();
        var accepted = (await Detail(w.Firm, w)).ViewerFirms.Single();
        accepted.Should().BeEquivalentTo(new { AcceptedPolicyVersion = 2, PolicyAcceptancePending = false });
        accepted.Actions.Allowed.Should().NotContain(StandingAction.AcceptPolicy);
        (await (await w.Firm.PostAsJsonAsync($"/api/spaces/{id}/firms/{w.FirmId}/accept-policy", new AcceptPolicyRequest(2), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "space.policyAlreadyAccepted" });
    }

    [Fact]
    public async Task The_space_page_says_what_the_viewer_may_do_for_each_of_their_firms_and_whether_they_see_the_members()
    {
        var w = await NewWorld();
        var id = w.Space.Summary.Id;
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/invitations", new InviteRequest(w.FirmId), Json)).EnsureSuccessStatusCode();

        var invited = (await Detail(w.Firm, w)).ViewerFirms.Single();
        invited.Should().BeEquivalentTo(new { Status = MembershipStatus.Invited, ActsFor = true });
        invited.Actions.Allowed.Should().Equal([StandingAction.Apply, StandingAction.Withdraw], "an invited firm accepts or declines");
        var outsider = await Detail(w.Outsider, w);
        outsider.ViewerFirms.Single().Should().BeEquivalentTo(new { FirmId = w.OutsiderId, Status = (MembershipStatus?)null });
        outsider.ViewerFirms.Single().Actions.Allowed.Should().Equal(StandingAction.Apply);
        outsider.ViewerSeesMembers.Should().BeFalse("the directory is for members only");
        (await Detail(w.Admin, w)).ViewerSeesMembers.Should().BeTrue();
        (await Detail(w.Anonymous, w)).Should().BeEquivalentTo(new { ViewerSeesMembers = false, ViewerFirms = Array.Empty<FirmStandingDto>() });

        (await Apply(w.Firm, w, w.FirmId)).EnsureSuccessStatusCode();
        var member = await Detail(w.Firm, w);
        member.ViewerSeesMembers.Should().BeTrue();
        member.ViewerFirms.Single().Actions.Allowed.Should().Equal(StandingAction.Leave);
    }

    [Fact]
    public async Task The_admins_rows_carry_the_decisions_allowed_and_which_must_say_why()
    {
        var w = await NewWorld();
        var id = w.Space.Summary.Id;
        (await Apply(w.Firm, w, w.FirmId)).EnsureSuccessStatusCode();

        var application = (await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{id}/memberships", Json))!.Single();
        application.Actions.Allowed.Should().Equal(MembershipAction.Approve, MembershipAction.Reject);
        application.Actions.Blocked.Should().Contain(b => b.Action == MembershipAction.Invite && b.Code == "space.hasApplied");
        application.ReasonRequired.Should().Equal(MembershipDecision.Reject);

        (await Decide(w.Admin, w, MembershipDecision.Approve)).EnsureSuccessStatusCode();
        (await Decide(w.Admin, w, MembershipDecision.Suspend, "Quote non versate")).EnsureSuccessStatusCode();
        var suspended = (await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{id}/memberships", Json))!.Single();
        suspended.Should().BeEquivalentTo(new { Status = MembershipStatus.Suspended, Reason = "Quote non versate" });
        suspended.Actions.Allowed.Should().Equal(MembershipAction.Reinstate, MembershipAction.Remove);
        suspended.ReasonRequired.Should().Equal(MembershipDecision.Remove);
    }

    [Fact]
    public async Task Applying_on_a_policy_version_that_is_no_longer_current_is_a_conflict()
    {
        var w = await NewWorld();
        await w.Admin.PostAsJsonAsync($"/api/spaces/{w.Space.Summary.Id}/policy", new PublishPolicyRequest("Versione 2"), Json);

        var stale = await Apply(w.Firm, w, w.FirmId, policyVersion: 1);

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Read<ProblemDetails>()).Detail.Should().Contain("version 2");
        (await stale.Refusal()).Should().BeEquivalentTo(new { Code = "space.policyChanged", Args = new Dictionary<string, string> { ["version"] = "2" } },
            "the client tells the firm which version to read and accept");
    }

    [Fact]
    public async Task An_invited_firm_joins_when_it_accepts_and_a_moderator_can_then_decide()
    {
        var w = await NewWorld();
        var id = w.Space.Summary.Id;
        var moderator = host.Browser();
        var moderatorEmail = await moderator.SignUp("moderatore");

        (await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/invitations", new InviteRequest(w.FirmId), Json)).EnsureSuccessStatusCode();
        (await Apply(w.Firm, w, w.FirmId)).EnsureSuccessStatusCode();
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/moderators", new ModeratorRequest(moderatorEmail), Json)).EnsureSuccessStatusCode();

        (await Detail(w.Firm, w)).ViewerFirms.Single().Status.Should().Be(MembershipStatus.Member);
        (await Detail(w.Admin, w)).Moderators.Should().ContainSingle().Which.Email.Should().Be(moderatorEmail);
        (await Detail(w.Firm, w)).Moderators.Should().BeEmpty();
        (await Decide(moderator, w, MembershipDecision.Suspend, "Verifica in corso")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await moderator.PostAsJsonAsync($"/api/spaces/{id}/moderators", new ModeratorRequest(moderatorEmail), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_invited_firm_may_decline_and_admins_may_take_an_invitation_back()
    {
        var w = await NewWorld();
        var id = w.Space.Summary.Id;
        await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/invitations", new InviteRequest(w.FirmId), Json);
        await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/invitations", new InviteRequest(w.OutsiderId), Json);

        (await w.Firm.PostAsync($"/api/spaces/{id}/firms/{w.FirmId}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/firms/{w.OutsiderId}/decision", new DecisionRequest(MembershipDecision.Reject, "Invito inviato per errore"), Json))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var standings = await w.Admin.GetFromJsonAsync<SpaceMembershipDto[]>($"/api/spaces/{id}/memberships", Json);
        standings!.Select(m => (m.FirmId, m.Status)).Should().BeEquivalentTo([(w.FirmId, MembershipStatus.Declined), (w.OutsiderId, MembershipStatus.Rejected)]);
    }

    [Fact]
    public async Task Missing_choices_are_named_rather_than_defaulted()
    {
        var w = await WithMember();
        var id = w.Space.Summary.Id;

        var noDecision = await w.Admin.PostAsync($"/api/spaces/{id}/firms/{w.FirmId}/decision",
            new StringContent("""{"reason":"?"}""", System.Text.Encoding.UTF8, "application/json"));
        var noVisibility = await w.Admin.PutAsync($"/api/spaces/{id}/settings",
            new StringContent($$"""{"version":{{w.Space.Version}},"name":"Spazio Emilia"}""", System.Text.Encoding.UTF8, "application/json"));

        (await noDecision.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("decision");
        (await noVisibility.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("visibility");
        (await Detail(w.Firm, w)).ViewerFirms.Single().Status.Should().Be(MembershipStatus.Member);
        (await Detail(w.Anonymous, w)).Summary.Visibility.Should().Be(DirectoryVisibility.MembersOnly);
    }

    [Fact]
    public async Task A_new_space_gives_firms_ten_days_to_bid_until_its_admins_say_otherwise()
    {
        var w = await NewWorld();
        var id = w.Space.Summary.Id;
        EditSpaceSettingsRequest Settings(int version, int? days, string name = "Spazio Emilia") =>
            new(version, name, "Imprese emiliane", ["037006"], ["BO", "MO"], DirectoryVisibility.MembersOnly, days);

        w.Space.MinimumTenderingDays.Should().Be(SpaceRules.DefaultMinimumTenderingDays).And.Be(10);

        var tooLong = await w.Admin.PutAsJsonAsync($"/api/spaces/{id}/settings", Settings(w.Space.Version, 181), Json);
        (await tooLong.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("minimumTenderingDays");
        (await w.Outsider.PutAsJsonAsync($"/api/spaces/{id}/settings", Settings(w.Space.Version, 0), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var unchanged = await Detail(w.Anonymous, w);
        (unchanged.MinimumTenderingDays, unchanged.Version).Should().Be((10, w.Space.Version));

        var thirty = await (await w.Admin.PutAsJsonAsync($"/api/spaces/{id}/settings", Settings(w.Space.Version, 30), Json)).Read<SpaceDetailDto>();
        thirty.MinimumTenderingDays.Should().Be(30);
        var renamed = await (await w.Admin.PutAsJsonAsync($"/api/spaces/{id}/settings", Settings(thirty.Version, null, "Spazio Emilia Nord"), Json)).Read<SpaceDetailDto>();
        (renamed.Summary.Name, renamed.MinimumTenderingDays).Should().Be(("Spazio Emilia Nord", 30), "a period left out keeps the current one");
    }

    [Fact]
    public async Task The_host_s_owners_and_managers_are_offered_the_moderators_and_a_moderator_or_outsider_is_not()
    {
        var w = await NewWorld();
        var (id, hostId) = (w.Space.Summary.Id, w.Space.Summary.HostId);
        var manager = host.Browser();
        await w.Admin.Join(hostId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        var hostViewer = host.Browser();
        await hostViewer.JoinAsViewer(w.Admin, hostId);
        var moderator = host.Browser();
        var moderatorEmail = await moderator.SignUp("moderatore");
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{id}/moderators", new ModeratorRequest(moderatorEmail), Json)).EnsureSuccessStatusCode();

        foreach (var (who, client) in new[] { ("the host's Owner", w.Admin), ("the host's Manager", manager) })
            (await Detail(client, w)).Actions.Should().BeEquivalentTo(
                new { Allowed = new[] { SpaceAction.EditSettings, SpaceAction.PublishPolicy, SpaceAction.SetModerator }, Blocked = Array.Empty<object>() },
                o => o.WithStrictOrdering(), who);
        (await Detail(moderator, w)).Actions.Allowed.Should().Equal([SpaceAction.EditSettings, SpaceAction.PublishPolicy],
            "a moderator administers the space, but only the association appoints moderators");
        foreach (var (who, client) in new[] { ("the host's Viewer", hostViewer), ("an outsider", w.Outsider), ("anonymous", w.Anonymous) })
            (await Detail(client, w)).Actions.Should().BeEquivalentTo(ViewerActions<SpaceAction>.None, who);

        foreach (var (who, client) in new[] { ("the moderator", moderator), ("the host's Viewer", hostViewer), ("an outsider", w.Outsider) })
            (await (await client.PostAsJsonAsync($"/api/spaces/{id}/moderators", new ModeratorRequest(moderatorEmail), Json)).Refusal())
                .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "space.notModeratorAppointer" }, who);
        var appointed = (await Detail(w.Admin, w)).Moderators.Single().UserId;
        (await manager.DeleteAsync($"/api/spaces/{id}/moderators/{appointed}")).StatusCode.Should().Be(HttpStatusCode.OK, "the Manager may, as offered");
        (await Detail(moderator, w)).Should().BeEquivalentTo(new { ViewerIsAdmin = false, Actions = ViewerActions<SpaceAction>.None });
    }

    [Fact]
    public async Task Only_an_association_s_owners_and_managers_are_offered_it_as_a_space_s_host()
    {
        var w = await NewWorld();
        var hostId = w.Space.Summary.HostId;
        var second = await w.Admin.CreateBusiness("Seconda Associazione", BusinessKind.Association);
        var manager = host.Browser();
        await w.Admin.Join(hostId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        var hostViewer = host.Browser();
        await hostViewer.JoinAsViewer(w.Admin, hostId);
        static async Task<NamedDto[]> Hosts(HttpClient client) => (await client.GetFromJsonAsync<NamedDto[]>("/api/spaces/hosts", Json))!;

        (await Hosts(w.Admin)).Should().Equal(new NamedDto(hostId, "Associazione Imprese Emilia"), new NamedDto(second.Id, "Seconda Associazione"));
        (await Hosts(manager)).Should().Equal(new NamedDto(hostId, "Associazione Imprese Emilia"));
        (await Hosts(hostViewer)).Should().BeEmpty("a Viewer of the association does not create its spaces");
        (await Hosts(w.Firm)).Should().BeEmpty("a firm hosts no space");
        (await w.Anonymous.GetAsync("/api/spaces/hosts")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var request = new CreateSpaceRequest(hostId, "Spazio del Manager", null, [], [], DirectoryVisibility.Public, "Regole");
        (await hostViewer.PostAsJsonAsync("/api/spaces", request, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the command agrees");
        (await manager.PostAsJsonAsync("/api/spaces", request, Json)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Outsiders_cannot_probe_e_mails_through_the_moderator_form()
    {
        var w = await NewWorld();

        var probe = await w.Firm.PostAsJsonAsync($"/api/spaces/{w.Space.Summary.Id}/moderators", new ModeratorRequest("nobody@example.it"), Json);

        probe.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.Space.Summary.Id}/moderators", new ModeratorRequest("nobody@example.it"), Json))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_spaces_are_not_found()
    {
        var w = await NewWorld();
        var unknown = Guid.NewGuid();

        (await w.Anonymous.GetAsync($"/api/spaces/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Firm.PostAsJsonAsync($"/api/spaces/{unknown}/applications", new ApplyRequest(w.FirmId, null, 1), Json))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Admin.GetAsync($"/api/spaces/{unknown}/memberships")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
