using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hosting;

public sealed class AllowedOriginHost() : ConfiguredHost(("Security:AllowedOrigins:0", "https://portale.example.it"));

/// <summary>What protects a signed-in user's browser: response headers, and no writes from other sites with its cookie.</summary>
public sealed class BrowserSecurityTests(AllowedOriginHost fixture) : IClassFixture<AllowedOriginHost>
{
    static HttpRequestMessage CreateFirm(string name, string? origin = null, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/businesses") { Content = JsonContent.Create(new { kind = "Firm", name }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        return request;
    }

    [Theory]
    [InlineData("https://concorrente.example", null)]
    [InlineData("null", null)]
    [InlineData(null, "https://concorrente.example/pagina")]
    [InlineData("http://localhost.concorrente.example", null)]
    public async Task A_write_from_another_site_with_the_user_s_cookie_is_refused(string? origin, string? referer)
    {
        var browser = fixture.Client();
        await browser.SignUp();

        var response = await browser.SendAsync(CreateFirm("Forgiata S.r.l.", origin, referer));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await browser.GetFromJsonAsync<object[]>("/api/me/businesses")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData("https://portale.example.it", null)]
    [InlineData(null, "http://localhost/imprese/nuova")]
    [InlineData(null, null)]
    public async Task A_write_from_this_site_or_an_allowed_origin_goes_through(string? origin, string? referer)
    {
        var browser = fixture.Client();
        await browser.SignUp();

        (await browser.SendAsync(CreateFirm("Legittima S.r.l.", origin, referer))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_api_client_with_a_bearer_token_is_not_subject_to_the_origin_check()
    {
        var client = fixture.Client();
        var email = $"bearer-{Guid.NewGuid():N}@example.it";
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        var request = CreateFirm("Via API S.r.l.", origin: "https://integrazione.example");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Pages_and_answers_carry_the_security_headers()
    {
        var response = await fixture.Client().GetAsync("/api/reference/comuni?q=Bologna");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("default-src 'self'").And.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'")
            .And.Contain("connect-src 'self' ws://localhost wss://localhost");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task Over_https_outside_development_browsers_are_told_to_stay_on_https()
    {
        var response = await fixture.Client(baseAddress: new Uri("https://marketplace.example.it")).GetAsync("/health/live");

        response.Headers.GetValues("Strict-Transport-Security").Single().Should().StartWith("max-age=");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("connect-src 'self' wss://marketplace.example.it;");
    }
}
