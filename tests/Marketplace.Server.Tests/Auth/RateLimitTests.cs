using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Tests.Hosting;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Auth;

/// <summary>Small limits in windows of a day, so no test can see a window end.</summary>
public sealed class SmallLimitsHost() : ConfiguredHost(
    ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), ("ForwardedHeaders:KnownProxies:1", "::1"),
    ("RateLimits:Auth:PermitLimit", "3"), ("RateLimits:Auth:Window", "1.00:00:00"),
    ("RateLimits:Writes:PermitLimit", "3"), ("RateLimits:Writes:Window", "1.00:00:00"),
    ("RateLimits:Uploads:PermitLimit", "1"), ("RateLimits:Uploads:Window", "1.00:00:00"));

public sealed class RateLimitTests(SmallLimitsHost fixture) : IClassFixture<SmallLimitsHost>
{
    static int next;

    // Every test speaks from addresses of its own, so the limits of one never spill into another.
    static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref next)}";

    static async Task ShouldBeTooManyRequests(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().BePositive();
        (await response.Read<ProblemDetails>()).Status.Should().Be(429);
    }

    [Fact]
    public async Task A_client_past_its_sign_in_attempts_gets_429_with_Retry_After_and_others_do_not()
    {
        var client = fixture.Client(NewAddress());
        var email = $"limits-{Guid.NewGuid():N}@example.it";
        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await ShouldBeTooManyRequests(await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" }));
        (await fixture.Client(NewAddress()).PostAsJsonAsync("/api/auth/login", new { email, password = Password }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_past_its_writes_gets_429_and_another_user_at_the_same_address_does_not()
    {
        var address = NewAddress();
        var first = fixture.Client(address);
        await first.SignUp();
        var second = fixture.Client(NewAddress());
        await second.SignUp();
        second.DefaultRequestHeaders.Remove("X-Forwarded-For");
        second.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        for (var i = 0; i < 3; i++) await first.CreateBusiness($"Impresa {i} S.r.l.");

        await ShouldBeTooManyRequests(await first.PostAsJsonAsync("/api/businesses", new { kind = "Firm", name = "Una di troppo S.r.l." }, Json));
        (await first.GetFromJsonAsync<object[]>("/api/me/businesses")).Should().HaveCount(3);
        (await second.PostAsJsonAsync("/api/businesses", new { kind = "Firm", name = "Vicina S.r.l." }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_user_past_its_uploads_gets_429()
    {
        var client = fixture.Client(NewAddress());
        await client.SignUp();
        var firm = await client.CreateBusiness();
        Task<HttpResponseMessage> Upload() => client.PostAsync($"/api/businesses/{firm.Id}/documents?name=offerta.pdf",
            new ByteArrayContent("%PDF-1.7 offerta"u8.ToArray()) { Headers = { ContentType = new("application/octet-stream") } });

        (await Upload()).StatusCode.Should().Be(HttpStatusCode.Created);
        await ShouldBeTooManyRequests(await Upload());
    }
}
