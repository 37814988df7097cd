using System.Net;
using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Auth;

public sealed class AccountExistenceTestsOnSqlite(SqliteHost fixture) : AccountExistenceTests<SqliteHost>(fixture);

public sealed class AccountExistenceTestsOnPostgres(PostgresHost fixture) : AccountExistenceTests<PostgresHost>(fixture);

/// <summary>Register and login tell nobody which e-mail addresses have an account.</summary>
public abstract class AccountExistenceTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static string NewEmail() => $"exists-{Guid.NewGuid():N}@example.it";

    async Task<string> Registered()
    {
        var email = NewEmail();
        (await host.Browser().PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();
        return email;
    }

    static Task<(HttpStatusCode Status, string Body)> Answer(HttpResponseMessage response) => response.Told();

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_like_a_new_one_and_changes_nothing()
    {
        var taken = await Registered();

        var again = await Answer(await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = taken.ToUpperInvariant(), password = "another-pass-2026", displayName = "Persona di prova" }));
        var fresh = await Answer(await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = "another-pass-2026", displayName = "Persona di prova" }));

        again.Should().Be(fresh);
        again.Status.Should().Be(HttpStatusCode.OK);
        (await host.Browser().PostAsJsonAsync("/api/auth/login", new { email = taken, password = "another-pass-2026" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the account keeps its own password");
        (await host.Browser().PostAsJsonAsync("/api/auth/login", new { email = taken, password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_weak_password_is_refused_the_same_way_for_an_address_with_an_account()
    {
        var taken = await Registered();

        var again = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = taken, password = "short1", displayName = "Persona di prova" });
        var fresh = await host.Browser().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = "short1", displayName = "Persona di prova" });

        (await again.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal((await fresh.Read<ValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task Login_answers_the_same_for_an_unknown_address_and_a_wrong_password()
    {
        var known = await Registered();

        var wrong = await Answer(await host.Browser().PostAsJsonAsync("/api/auth/login", new { email = known, password = "wrong-password-1" }));
        var unknown = await Answer(await host.Browser().PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = "wrong-password-1" }));

        unknown.Should().Be(wrong);
        unknown.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_for_an_unknown_address_verifies_a_password_hash_like_a_wrong_password_does()
    {
        var counter = new HashCounter();
        await using var counted = host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IPasswordHasher<MarketplaceUser>>(new CountingHasher(counter))));
        var client = counted.CreateClient();
        var email = NewEmail();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();

        var before = counter.Verified;
        (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-1" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var forWrongPassword = counter.Verified - before;
        before = counter.Verified;
        (await client.PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = "wrong-password-1" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var forUnknown = counter.Verified - before;

        forWrongPassword.Should().Be(1);
        forUnknown.Should().Be(forWrongPassword, "the time spent verifying a password must not tell whether the account exists");
    }

    [Fact]
    public async Task A_confirmation_link_with_a_malformed_user_id_is_refused_like_one_for_an_unknown_user()
    {
        var malformed = await host.Browser().GetAsync("/api/auth/confirmEmail?userId=x&code=x");
        var unknown = await host.Browser().GetAsync($"/api/auth/confirmEmail?userId={Guid.NewGuid()}&code=x");

        (await malformed.Told()).Should().Be(await unknown.Told());
        malformed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    sealed class HashCounter
    {
        int verified;
        public int Verified => Volatile.Read(ref verified);
        public void Count() => Interlocked.Increment(ref verified);
    }

    sealed class CountingHasher(HashCounter counter) : IPasswordHasher<MarketplaceUser>
    {
        readonly PasswordHasher<MarketplaceUser> inner = new();

        public string HashPassword(MarketplaceUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(MarketplaceUser user, string hashedPassword, string providedPassword)
        {
            counter.Count();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
