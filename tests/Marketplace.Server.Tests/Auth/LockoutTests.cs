using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Tests.Hosting;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Auth;

/// <summary>Behind a trusted proxy, so that each test can speak from several client addresses.</summary>
public sealed class BehindProxyHost() : ConfiguredHost(("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), ("ForwardedHeaders:KnownProxies:1", "::1"));

/// <summary>Five wrong passwords lock out the client that typed them, not the account: a rival cannot keep its owner out.</summary>
public sealed class LockoutTests(BehindProxyHost proxied, SqliteHost direct) : IClassFixture<BehindProxyHost>, IClassFixture<SqliteHost>
{
    static string NewEmail() => $"lockout-{Guid.NewGuid():N}@example.it";

    static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });

    static async Task LockOut(HttpClient attacker, string email)
    {
        for (var i = 0; i < 5; i++)
            (await Login(attacker, email, "a-wrong-guess-of-the-rival")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rival_who_knows_the_e_mail_cannot_lock_its_owner_out()
    {
        var email = NewEmail();
        var owner = proxied.Client("198.51.100.7");
        (await owner.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();
        var rival = proxied.Client("203.0.113.66");

        await LockOut(rival, email);

        var rivalWithTheRightPassword = await Login(rival, email, Password);
        rivalWithTheRightPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await rivalWithTheRightPassword.Refusal()).Code.Should().Be("account.lockedOut");
        (await Login(owner, email, Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_that_does_not_exist_locks_out_the_same_way()
    {
        var rival = proxied.Client("203.0.113.67");
        var nobody = NewEmail();

        await LockOut(rival, nobody);

        (await (await Login(rival, nobody, Password)).Refusal()).Code.Should().Be("account.lockedOut");
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forged_forwarded_address_does_not_escape_the_lockout()
    {
        var email = NewEmail();
        var client = direct.Host.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password = "a-wrong-guess-of-the-rival" }) };
            guess.Headers.Add("X-Forwarded-For", $"192.0.2.{i + 1}");
            (await client.SendAsync(guess)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password = Password }) };
        again.Headers.Add("X-Forwarded-For", "192.0.2.99");
        (await (await client.SendAsync(again)).Refusal()).Code.Should().Be("account.lockedOut");
    }
}
