using Marketplace.Testing;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplace.Server.Tests.Hosting;

public sealed class HostingTests(SqliteHost fixture) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Liveness_reports_healthy()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Readiness_reports_healthy_and_names_the_database_it_checked()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        answer["status"]!.GetValue<string>().Should().Be("Healthy");
        answer["checks"]!["database"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_details_404()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/api/no-such-thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_client_that_takes_no_json_is_told_the_status_in_plain_text()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Accept.ParseAdd("text/plain");
        var response = await fixture.Host.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("Status Code: 404; Not Found");
    }

    [Fact]
    public async Task The_web_client_s_hashed_files_are_kept_a_year_and_sent_compressed_and_its_page_is_asked_again_each_visit()
    {
        var client = fixture.Host.CreateClient();

        var page = await client.GetAsync("/");
        var script = Regex.Match(await page.Content.ReadAsStringAsync(), "src=\"(/assets/index-[^\"]+\\.js)\"").Groups[1].Value;
        var plain = await client.GetAsync(script);
        using var asked = new HttpRequestMessage(HttpMethod.Get, script);
        asked.Headers.AcceptEncoding.ParseAdd("br");
        var compressed = await client.SendAsync(asked);

        page.Headers.CacheControl!.NoCache.Should().BeTrue("a new release must be seen at once");
        script.Should().NotBeEmpty("the page loads the client's script from assets/");
        compressed.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        compressed.Content.Headers.ContentEncoding.Should().Equal("br");
        (await compressed.Content.ReadAsByteArrayAsync()).Length.Should().BeLessThan((await plain.Content.ReadAsByteArrayAsync()).Length / 2);
    }

    [Fact]
    public async Task Api_answers_holding_what_the_caller_sent_are_never_compressed_even_when_asked()
    {
        // Only an answer the same for everybody, holding nothing of the caller's, travels compressed (SharedJson).
        // This one holds the caller's words.
        using var asked = new HttpRequestMessage(HttpMethod.Get, "/api/reference/cpv?q=lavori&limit=50");
        asked.Headers.AcceptEncoding.ParseAdd("br, gzip");

        var response = await fixture.Host.CreateClient().SendAsync(asked);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty("a secret next to what the caller sent must not leak through the length (BREACH)");
    }

    /// <summary>
    /// The web client's TypeScript types are generated from web/openapi.json; this keeps that file equal to what
    /// the server really serves. Run with UPDATE_OPENAPI=1 to rewrite it after changing the API.
    /// </summary>
    [Fact]
    public async Task The_web_client_s_openapi_document_matches_the_server()
    {
        var served = JsonNode.Parse(await fixture.Host.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        served["servers"]?.AsArray().Clear(); // the test host's address is not part of the contract
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var file = Path.Combine(RepositoryPaths.Root, "web", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(file, text);

        (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n").Should().Be(text,
            "web/openapi.json must be regenerated (UPDATE_OPENAPI=1 dotnet test --filter The_web_client_s_openapi_document) and `npm run gen:api` run");
    }

    /// <summary>
    /// The generated web client calls each operation by its id, so every operation has one and no two share it.
    /// </summary>
    [Fact]
    public async Task Every_api_operation_has_its_own_operation_id()
    {
        var served = JsonNode.Parse(await fixture.Host.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var operations = served["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Id: (string?)op.Value!["operationId"])))
            .ToList();

        operations.Should().NotBeEmpty();
        operations.Where(o => string.IsNullOrEmpty(o.Id)).Select(o => o.Name).Should().BeEmpty("every operation needs an id");
        operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("operation ids are unique");
    }
}
