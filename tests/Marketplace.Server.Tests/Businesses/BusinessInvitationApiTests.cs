using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class BusinessInvitationApiTestsOnSqlite(SqliteHost fixture) : BusinessInvitationApiTests<SqliteHost>(fixture);

public sealed class BusinessInvitationApiTestsOnPostgres(PostgresHost fixture) : BusinessInvitationApiTests<PostgresHost>(fixture);

/// <summary>Nobody acts for a business without accepting: its Owners and Managers invite an e-mail address, the person accepts.</summary>
public abstract class BusinessInvitationApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    async Task<(HttpClient Owner, BusinessProfileDto Business)> Owned()
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        return (owner, await owner.CreateBusiness());
    }

    static Task<HttpResponseMessage> Invite(HttpClient client, Guid business, string email, BusinessRole role = BusinessRole.Manager) =>
        client.PostAsJsonAsync($"/api/businesses/{business}/invitations", new InviteMemberRequest(email, role), Json);

    [Fact]
    public async Task An_invited_person_has_no_role_until_they_accept_and_then_acts_for_the_business()
    {
        var (owner, business) = await Owned();
        var person = host.Browser();
        var email = await person.SignUp("invited");

        var invitation = await (await Invite(owner, business.Id, email.ToUpperInvariant())).Read<BusinessInvitationDto>();
        var theirs = await person.GetFromJsonAsync<MyInvitationDto[]>("/api/me/invitations", Json);
        var before = await person.EditProfile(business.Id, EditOf(business) with { Description = "Too early" });
        var accepted = await person.PostAsync($"/api/businesses/{business.Id}/invitations/{invitation.Id}/accept", null);

        theirs!.Should().ContainSingle().Which.Should().BeEquivalentTo(new { invitation.Id, BusinessId = business.Id, BusinessName = business.Name, Role = BusinessRole.Manager });
        before.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an invitation gives no role until it is accepted");
        (await accepted.Read<MyBusinessDto>()).Role.Should().Be(BusinessRole.Manager);
        var current = (await person.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{business.Id}", Json))!;
        (await person.EditProfile(business.Id, EditOf(current) with { Description = "Scritto dall'invitato" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await person.GetFromJsonAsync<MyInvitationDto[]>("/api/me/invitations", Json)).Should().BeEmpty();
        (await owner.GetFromJsonAsync<BusinessInvitationDto[]>($"/api/businesses/{business.Id}/invitations", Json)).Should().BeEmpty();
    }

    [Fact]
    public async Task Inviting_answers_the_same_whether_the_address_has_an_account()
    {
        var (owner, business) = await Owned();
        var registered = await host.Browser().SignUp("registered");
        var unregistered = $"nobody-{Guid.NewGuid():N}@example.it";

        var toAccount = await Invite(owner, business.Id, registered, BusinessRole.Viewer);
        var toNobody = await Invite(owner, business.Id, unregistered, BusinessRole.Viewer);

        toAccount.StatusCode.Should().Be(HttpStatusCode.Created);
        toNobody.StatusCode.Should().Be(HttpStatusCode.Created);
        var shown = await owner.GetFromJsonAsync<BusinessInvitationDto[]>($"/api/businesses/{business.Id}/invitations", Json);
        shown!.Select(i => (i.Email, i.Role)).Should().BeEquivalentTo([(registered, BusinessRole.Viewer), (unregistered, BusinessRole.Viewer)]);
    }

    [Fact]
    public async Task Someone_else_cannot_accept_or_see_another_person_s_invitation()
    {
        var (owner, business) = await Owned();
        var invited = await host.Browser().SignUp("invited");
        var intruder = host.Browser();
        await intruder.SignUp("intruder");
        var invitation = await (await Invite(owner, business.Id, invited)).Read<BusinessInvitationDto>();

        var accept = await intruder.PostAsync($"/api/businesses/{business.Id}/invitations/{invitation.Id}/accept", null);
        var unknown = await intruder.PostAsync($"/api/businesses/{business.Id}/invitations/{Guid.NewGuid()}/accept", null);

        accept.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await accept.Refusal()).Should().BeEquivalentTo(await unknown.Refusal(), "an invitation to someone else looks like none");
        (await accept.Refusal()).Code.Should().Be("business.noInvitationForYou");
        (await intruder.GetFromJsonAsync<MyInvitationDto[]>("/api/me/invitations", Json)).Should().BeEmpty();
        (await intruder.GetAsync($"/api/businesses/{business.Id}/invitations")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await intruder.DeleteAsync($"/api/businesses/{business.Id}/invitations/{invitation.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await intruder.EditProfile(business.Id, EditOf(business) with { Description = "Hijacked" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.GetFromJsonAsync<BusinessInvitationDto[]>($"/api/businesses/{business.Id}/invitations", Json)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_taken_back_invitation_can_no_longer_be_accepted_and_a_declined_one_gives_no_role()
    {
        var (owner, business) = await Owned();
        var person = host.Browser();
        var email = await person.SignUp("invited");
        var first = await (await Invite(owner, business.Id, email)).Read<BusinessInvitationDto>();

        (await owner.DeleteAsync($"/api/businesses/{business.Id}/invitations/{first.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await person.PostAsync($"/api/businesses/{business.Id}/invitations/{first.Id}/accept", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var second = await (await Invite(owner, business.Id, email)).Read<BusinessInvitationDto>();
        (await person.PostAsync($"/api/businesses/{business.Id}/invitations/{second.Id}/decline", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await person.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().BeEmpty();
        (await person.GetAsync($"/api/businesses/{business.Id}/members")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_address_or_role_is_named_and_an_address_is_invited_once()
    {
        var (owner, business) = await Owned();

        var bad = await Invite(owner, business.Id, "not an address", BusinessRole.Viewer);
        var owner2 = await Invite(owner, business.Id, "second-owner@example.it", BusinessRole.Owner);
        (await Invite(owner, business.Id, "twice@example.it")).EnsureSuccessStatusCode();
        var twice = await Invite(owner, business.Id, "TWICE@example.it");

        (await bad.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("email");
        (await owner2.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("role");
        twice.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "its e-mail was sent a moment ago");
        (await bad.Refusal()).FieldCodes["email"].Should().Equal("business.inviteEmail");
        (await owner2.Refusal()).FieldCodes["role"].Should().Equal("business.inviteRole");
        (await twice.Refusal()).Code.Should().Be("business.invitationSentRecently");
    }

    [Fact]
    public async Task A_removed_member_is_refused_on_their_very_next_call()
    {
        var (owner, business) = await Owned();
        var person = host.Browser();
        var email = await person.SignUp("removed");
        var invitation = await (await Invite(owner, business.Id, email, BusinessRole.Viewer)).Read<BusinessInvitationDto>();
        (await person.PostAsync($"/api/businesses/{business.Id}/invitations/{invitation.Id}/accept", null)).EnsureSuccessStatusCode();
        (await person.GetAsync($"/api/businesses/{business.Id}/inbox")).StatusCode.Should().Be(HttpStatusCode.OK, "a Viewer reads the inbox");
        var personId = (await owner.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{business.Id}/members", Json))!
            .Single(m => m.Email == email).UserId;

        var removed = await owner.DeleteAsync($"/api/businesses/{business.Id}/members/{personId}");

        (await removed.Read<BusinessMemberDto[]>()).Select(m => m.Role).Should().Equal(BusinessRole.Owner);
        var inbox = await person.GetAsync($"/api/businesses/{business.Id}/inbox");
        inbox.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the answer read before the removal is not given again");
        (await inbox.Refusal()).Code.Should().Be("inbox.notTheFirms");
        (await person.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().BeEmpty();
    }

    [Fact]
    public async Task Only_Owners_and_Managers_remove_and_an_Owner_stays()
    {
        var (owner, business) = await Owned();
        var viewer = host.Browser();
        var email = await viewer.SignUp("viewer");
        var invitation = await (await Invite(owner, business.Id, email, BusinessRole.Viewer)).Read<BusinessInvitationDto>();
        (await viewer.PostAsync($"/api/businesses/{business.Id}/invitations/{invitation.Id}/accept", null)).EnsureSuccessStatusCode();
        var members = (await owner.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{business.Id}/members", Json))!;
        var (ownerId, viewerId) = (members.Single(m => m.Role == BusinessRole.Owner).UserId, members.Single(m => m.Email == email).UserId);

        var byViewer = await viewer.DeleteAsync($"/api/businesses/{business.Id}/members/{ownerId}");
        var theOwner = await owner.DeleteAsync($"/api/businesses/{business.Id}/members/{ownerId}");
        var nobody = await owner.DeleteAsync($"/api/businesses/{business.Id}/members/{Guid.NewGuid()}");

        (await byViewer.Refusal()).Code.Should().Be("business.notAnEditor");
        (await theOwner.Refusal()).Code.Should().Be("business.ownerStays");
        (await nobody.Refusal()).Code.Should().Be("business.noSuchMember");
        (await owner.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{business.Id}/members", Json))!.Select(m => m.UserId)
            .Should().BeEquivalentTo([ownerId, viewerId], "a refused removal changes nothing");
    }
}
