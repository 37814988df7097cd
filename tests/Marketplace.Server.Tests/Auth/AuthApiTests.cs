using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Server.Auth;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Auth;

public sealed class AuthApiTestsOnSqlite(SqliteHost fixture) : AuthApiTests<SqliteHost>(fixture);

public sealed class AuthApiTestsOnPostgres(PostgresHost fixture) : AuthApiTests<PostgresHost>(fixture);

public abstract class AuthApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static string NewEmail() => $"auth-{Guid.NewGuid():N}@example.it";

    [Theory]
    [InlineData("short-but-odd", "account.passwordTooShort")]
    [InlineData("password12", "account.passwordTooCommon")]
    [InlineData("password-2026-2027", "account.passwordTooCommon")]
    [InlineData("Qwerty!!qwertyQWERTY", "account.passwordTooCommon")]
    [InlineData("zzzzzzzzzzzzzzzzzz", "account.passwordRequiresUniqueChars")]
    public async Task A_weak_password_is_refused_with_the_reason(string password, string reason)
    {
        var response = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password, displayName = "Persona di prova" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Refusal()).FieldCodes.Should().ContainKey("password").WhoseValue.Should().Contain(reason);
    }

    [Fact]
    public async Task A_too_short_password_is_refused_naming_the_configured_length()
    {
        var response = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = "short-but-odd", displayName = "Persona di prova" });

        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tooShort = body.RootElement.GetProperty("errorCodes").GetProperty("password").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == "account.passwordTooShort");
        tooShort.GetProperty("args").GetProperty("min").GetString().Should().Be("15", "the client says the limit the server enforces");
    }

    [Fact]
    public async Task A_long_passphrase_needs_no_digits_or_capitals()
    {
        var response = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = "la nebbia sale dal fiume", displayName = "Persona di prova" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_that_client_out_even_against_the_right_one()
    {
        var email = NewEmail();
        var client = host.Browser();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();

        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = "wrong-password-1" }))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var right = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = Password });

        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await right.Refusal()).Code.Should().Be("account.lockedOut");
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_session_knows_the_user_until_logout()
    {
        var client = host.Browser();
        var email = await client.SignUp();

        var me = await client.GetFromJsonAsync<MeDto>("/api/auth/me", Json);
        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        me!.Email.Should().Be(email);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_says_who_is_signed_in_and_answers_a_visitor_without_an_error()
    {
        var client = host.Browser();
        var visitor = await client.GetAsync("/api/auth/session");
        visitor.StatusCode.Should().Be(HttpStatusCode.OK);
        (await visitor.Content.ReadFromJsonAsync<SessionDto>(Json))!.User.Should().BeNull();

        var email = await client.SignUp();
        var signedIn = await client.GetFromJsonAsync<SessionDto>("/api/auth/session", Json);
        await client.PostAsync("/api/auth/logout", null);

        signedIn!.User!.Email.Should().Be(email);
        (await client.GetFromJsonAsync<SessionDto>("/api/auth/session", Json))!.User.Should().BeNull();
    }

    [Fact]
    public async Task An_api_client_can_use_a_bearer_token()
    {
        var email = NewEmail();
        var client = host.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        (await client.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Email.Should().Be(email);
        (await client.PostAsJsonAsync("/api/businesses", new { kind = "Buyer", name = "Comune di Prova" })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_refused()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
