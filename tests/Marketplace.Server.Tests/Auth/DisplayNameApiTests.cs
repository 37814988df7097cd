using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Auth;

public sealed class DisplayNameApiTestsOnSqlite(SqliteHost fixture) : DisplayNameApiTests<SqliteHost>(fixture);

public sealed class DisplayNameApiTestsOnPostgres(PostgresHost fixture) : DisplayNameApiTests<PostgresHost>(fixture);

/// <summary>People have names: given at registration, changed on the account page, shown to others instead of e-mails.</summary>
public abstract class DisplayNameApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static string NewEmail() => $"nome-{Guid.NewGuid():N}@example.it";

    async Task<(HttpClient Client, string Email)> Registered(string displayName)
    {
        var client = host.Browser();
        var email = NewEmail();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName })).EnsureSuccessStatusCode();
        await client.SignIn(email);
        return (client, email);
    }

    static async Task<MeDto> Session(HttpClient client) => (await client.GetFromJsonAsync<SessionDto>("/api/auth/session", Json))!.User!;

    [Fact]
    public async Task A_person_registers_with_a_name_and_the_session_says_it_trimmed()
    {
        var (client, email) = await Registered("  Giulia Rossi ");

        var me = await Session(client);

        me.Should().BeEquivalentTo(new { Email = email, Name = "Giulia Rossi", DisplayName = "Giulia Rossi" });
    }

    [Theory]
    [InlineData(null, "account.displayNameRequired")]
    [InlineData("   ", "account.displayNameRequired")]
    [InlineData("Giulia\u0007Rossi", "input.controlCharacter")]
    [InlineData("Giulia\nRossi", "input.oneLine")]
    public async Task Registering_without_a_usable_name_is_refused_naming_the_field_and_makes_no_account(string? displayName, string code)
    {
        var email = NewEmail();
        var client = host.Browser();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName });

        var refusal = await response.Refusal();
        refusal.Status.Should().Be(HttpStatusCode.BadRequest);
        refusal.FieldCodes.Should().ContainKey("displayName").WhoseValue.Should().Equal(code);
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = Password })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "a refused registration stores no account");
    }

    [Fact]
    public async Task A_name_longer_than_80_characters_is_refused_with_the_limit()
    {
        var response = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = Password, displayName = new string('a', 81) });

        var refusal = await response.Refusal();
        refusal.FieldCodes.Should().ContainKey("displayName").WhoseValue.Should().Equal("account.displayNameTooLong");
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("errorCodes").GetProperty("displayName")[0].GetProperty("args").GetProperty("max").GetString().Should().Be("80");
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_keeps_its_owner_s_name()
    {
        var (owner, email) = await Registered("Giulia Rossi");

        var again = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email, password = "another-pass-2026-x", displayName = "Impostore" });

        again.StatusCode.Should().Be(HttpStatusCode.OK, "registration answers the same whether the address has an account");
        (await Session(owner)).Name.Should().Be("Giulia Rossi");
    }

    [Fact]
    public async Task A_person_changes_their_name_and_the_session_and_their_team_say_the_new_one()
    {
        var (client, _) = await Registered("Giulia Rossi");
        var business = await client.CreateBusiness("Edilizia Rossi S.r.l.");

        var renamed = await client.PutAsJsonAsync("/api/auth/me/name", new DisplayNameRequest(" Giulia Rossi Bianchi "), Json);

        (await renamed.Read<MeDto>()).Name.Should().Be("Giulia Rossi Bianchi");
        (await Session(client)).DisplayName.Should().Be("Giulia Rossi Bianchi");
        (await client.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{business.Id}/members", Json))!.Single().Name.Should().Be("Giulia Rossi Bianchi");
    }

    [Fact]
    public async Task A_refused_new_name_leaves_the_old_one()
    {
        var (client, _) = await Registered("Giulia Rossi");

        var refused = await client.PutAsJsonAsync("/api/auth/me/name", new DisplayNameRequest(new string('x', 81)), Json);

        (await refused.Refusal()).FieldCodes.Should().ContainKey("displayName").WhoseValue.Should().Equal("account.displayNameTooLong");
        (await Session(client)).Name.Should().Be("Giulia Rossi");
    }

    [Fact]
    public async Task Only_a_signed_in_person_changes_a_name()
    {
        var response = await host.Browser().PutAsJsonAsync("/api/auth/me/name", new DisplayNameRequest("Chiunque"), Json);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_account_made_before_names_were_asked_is_named_by_its_e_mail_before_the_at_sign()
    {
        var (client, email) = await Registered("Da cancellare");
        await host.Query(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, (string?)null)));

        var me = await Session(client);

        me.Name.Should().Be(email[..email.IndexOf('@')]);
        me.DisplayName.Should().BeNull("the account page asks for a name until one is given");
    }

    [Fact]
    public async Task A_team_names_its_people_with_their_e_mail_and_its_invitations_name_who_invited()
    {
        var (owner, ownerEmail) = await Registered("Giulia Rossi");
        var business = await owner.CreateBusiness("Edilizia Rossi S.r.l.");
        var (colleague, colleagueEmail) = await Registered("Luca Bianchi");
        await owner.Join(business.Id, colleague, colleagueEmail, BusinessRole.Manager);

        var invited = await (await owner.PostAsJsonAsync($"/api/businesses/{business.Id}/invitations",
            new InviteMemberRequest("nuovo@example.it", BusinessRole.Viewer), Json)).Read<BusinessInvitationDto>();
        var pending = await colleague.GetFromJsonAsync<BusinessInvitationDto[]>($"/api/businesses/{business.Id}/invitations", Json);
        var team = await colleague.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{business.Id}/members", Json);

        invited.InvitedByName.Should().Be("Giulia Rossi");
        pending!.Single().InvitedByName.Should().Be("Giulia Rossi");
        team!.Select(m => (m.Name, m.Email)).Should().BeEquivalentTo([("Giulia Rossi", ownerEmail), ("Luca Bianchi", colleagueEmail)]);
    }
}
