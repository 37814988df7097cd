using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Server.Auth;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Auth;

public sealed class SessionTestsOnSqlite(SqliteHost fixture) : SessionTests<SqliteHost>(fixture);

public sealed class SessionTestsOnPostgres(PostgresHost fixture) : SessionTests<PostgresHost>(fixture);

/// <summary>
/// Sessions end when the user says so: each test keeps a copy of what a thief would have kept (the cookie, the
/// tokens) and presents it again afterwards.
/// </summary>
public abstract class SessionTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    const string NewPassword = "gabbiano-verde-sul-molo";

    readonly MarketplaceHost host = fixture.Host;

    async Task<string> Register()
    {
        var email = $"session-{Guid.NewGuid():N}@example.it";
        (await host.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();
        return email;
    }

    /// <summary>A browser's session: the cookie it was given, sent by hand so that it survives whatever the server says.</summary>
    async Task<HttpClient> CookieSession(string email, string password = Password)
    {
        var login = await host.CreateClient().PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });
        login.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("marketplace.auth")));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    sealed record Tokens(string AccessToken, string RefreshToken);

    async Task<Tokens> BearerSession(string email, string password = Password)
    {
        var login = await host.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return await TokensOf(login);
    }

    static async Task<Tokens> TokensOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    HttpClient Bearer(string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    Task<HttpResponseMessage> Refresh(string refreshToken) =>
        host.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    static async Task<HttpStatusCode> Me(HttpClient client) => (await client.GetAsync("/api/auth/me")).StatusCode;

    [Fact]
    public async Task A_cookie_kept_from_before_logout_no_longer_signs_in()
    {
        var browser = await CookieSession(await Register());
        (await Me(browser)).Should().Be(HttpStatusCode.OK);

        (await browser.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Me(browser)).Should().Be(HttpStatusCode.Unauthorized);
        (await browser.PostAsJsonAsync("/api/businesses", new { kind = "Firm", name = "Dopo l'uscita S.r.l." }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ends_the_bearer_token_and_its_refresh_token()
    {
        var tokens = await BearerSession(await Register());
        var client = Bearer(tokens.AccessToken);

        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Me(client)).Should().Be(HttpStatusCode.Unauthorized);
        (await Refresh(tokens.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refreshed_session_is_still_the_same_session_when_it_ends()
    {
        var first = await BearerSession(await Register());
        var refreshed = await Refresh(first.RefreshToken);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await TokensOf(refreshed);

        (await Bearer(second.AccessToken).PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Me(Bearer(first.AccessToken))).Should().Be(HttpStatusCode.Unauthorized);
        (await Refresh(first.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_on_one_device_leaves_the_others_signed_in()
    {
        var email = await Register();
        var laptop = await CookieSession(email);
        var phone = await CookieSession(email);
        var script = await BearerSession(email);

        (await laptop.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Me(laptop)).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(phone)).Should().Be(HttpStatusCode.OK);
        (await Me(Bearer(script.AccessToken))).Should().Be(HttpStatusCode.OK);
        (await Refresh(script.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_cookie_and_token()
    {
        var email = await Register();
        var laptop = await CookieSession(email);
        var phone = await CookieSession(email);
        var script = await BearerSession(email);

        (await laptop.PostAsync("/api/auth/logout/everywhere", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Me(laptop)).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(phone)).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(Bearer(script.AccessToken))).Should().Be(HttpStatusCode.Unauthorized);
        (await Refresh(script.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Me(await CookieSession(email))).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_password_ends_every_other_session_and_keeps_this_one()
    {
        var email = await Register();
        var here = host.Browser();
        await here.SignIn(email);
        var stolen = await CookieSession(email);
        var script = await BearerSession(email);

        var change = await here.PostAsJsonAsync("/api/auth/password", new ChangePasswordRequest(Password, NewPassword));

        change.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Me(here)).Should().Be(HttpStatusCode.OK);
        (await Me(stolen)).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(Bearer(script.AccessToken))).Should().Be(HttpStatusCode.Unauthorized);
        (await Refresh(script.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = Password }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Me(await CookieSession(email, NewPassword))).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_api_client_that_changes_its_password_gets_tokens_that_go_on_working()
    {
        var email = await Register();
        var old = await BearerSession(email);
        var other = await CookieSession(email);

        var change = await Bearer(old.AccessToken).PostAsJsonAsync("/api/auth/password", new ChangePasswordRequest(Password, NewPassword));

        change.StatusCode.Should().Be(HttpStatusCode.OK);
        var fresh = await TokensOf(change);
        (await Me(Bearer(fresh.AccessToken))).Should().Be(HttpStatusCode.OK);
        (await Refresh(fresh.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Me(Bearer(old.AccessToken))).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(other)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var email = await Register();
        var here = await CookieSession(email);
        var elsewhere = await CookieSession(email);

        var change = await here.PostAsJsonAsync("/api/auth/password", new ChangePasswordRequest("not-my-password-at-all", NewPassword));

        change.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await change.Refusal()).FieldCodes.Should().ContainKey("currentPassword").WhoseValue.Should().Equal("account.passwordMismatch");
        (await Me(here)).Should().Be(HttpStatusCode.OK);
        (await Me(elsewhere)).Should().Be(HttpStatusCode.OK);
        (await Me(await CookieSession(email, Password))).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_common_new_password_is_refused_naming_the_reason()
    {
        var here = await CookieSession(await Register());

        var change = await here.PostAsJsonAsync("/api/auth/password", new ChangePasswordRequest(Password, "password12345678"));

        change.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await change.Refusal()).FieldCodes.Should().ContainKey("password").WhoseValue.Should().Equal("account.passwordTooCommon");
        (await Me(here)).Should().Be(HttpStatusCode.OK);
    }
}
