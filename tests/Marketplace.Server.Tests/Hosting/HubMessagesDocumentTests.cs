using Marketplace.Server.Endpoints;
using Marketplace.Server.Hosting;
using Marketplace.Server.Hubs;
using Marketplace.Testing;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Server.Tests.Hosting;

/// <summary>
/// The web client types its SignalR handlers from the OpenAPI document (schema HubMessages) as it types its requests;
/// these keep every push the server can make, and every hub method it can call, in that document.
/// </summary>
public sealed class HubMessagesDocumentTests(SqliteHost fixture) : IClassFixture<SqliteHost>
{
    async Task<JsonNode> Schemas() =>
        JsonNode.Parse(await fixture.Host.CreateClient().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

    [Fact]
    public async Task Every_message_the_server_pushes_is_in_the_document_with_its_payload_schema()
    {
        var schemas = await Schemas();
        var messages = schemas["HubMessages"]!;
        var pushes = typeof(IMarketplaceClient).GetMethods();

        pushes.Should().NotBeEmpty();
        messages["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(pushes.Select(p => p.Name));
        messages["required"]!.AsArray().Select(n => (string)n!).Should().BeEquivalentTo(pushes.Select(p => p.Name));
        foreach (var push in pushes)
        {
            var payload = HubMessagesDocument.Payload(push);
            ((string)messages["properties"]![push.Name]!["$ref"]!).Should().Be($"#/components/schemas/{payload.Name}", push.Name);
            // The payload's fields as SignalR serialises them (camelCase), so a reshaped message changes the document.
            schemas[payload.Name]!["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
                payload.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)), push.Name);
        }
    }

    [Fact]
    public async Task Every_payload_reference_resolves_to_a_schema_of_the_document()
    {
        var schemas = await Schemas();
        var payloads = typeof(IMarketplaceClient).GetMethods().Select(HubMessagesDocument.Payload).Select(t => schemas[t.Name]!);

        var references = payloads.SelectMany(References).Select(r => r["#/components/schemas/".Length..]).Distinct().ToList();

        references.Should().NotBeEmpty();
        references.Should().AllSatisfy(name => schemas[name].Should().NotBeNull($"{name} is referenced by a hub message"));
    }

    [Fact]
    public async Task A_payload_field_the_server_may_leave_empty_admits_null()
    {
        var schemas = await Schemas();
        var nullability = new NullabilityInfoContext();
        var optional = typeof(IMarketplaceClient).GetMethods().Select(HubMessagesDocument.Payload).Distinct()
            .SelectMany(t => t.GetProperties().Where(p => nullability.Create(p).ReadState == NullabilityState.Nullable).Select(p => (Type: t, Property: p)))
            .ToList();

        optional.Should().Contain(f => f.Type == typeof(BidChangedDto) && f.Property.Name == nameof(BidChangedDto.Receipt), "a withdrawn bid has no receipt");
        optional.Should().AllSatisfy(f => schemas[f.Type.Name]!["properties"]![JsonNamingPolicy.CamelCase.ConvertName(f.Property.Name)]!
            .ToJsonString().Should().Contain("\"null\"", $"{f.Type.Name}.{f.Property.Name} may be null"));
    }

    [Fact]
    public async Task The_hub_methods_a_client_may_call_are_listed()
    {
        var methods = (await Schemas())["HubMethod"]!["enum"]!.AsArray().Select(n => (string)n!).ToList();

        methods.Should().BeEquivalentTo(["WatchBusiness", "UnwatchBusiness", "WatchBusinessTeam", "WatchSpace", "UnwatchSpace", "WatchSpaceAdmin",
            "WatchTender", "UnwatchTender", "WatchAlliance", "UnwatchAlliance"], "every group a client may join or leave, and nothing else");
        methods.Should().NotContain(["OnConnectedAsync", "OnDisconnectedAsync"], "a client cannot invoke the connection's events");
    }

    static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : p.Value is null ? [] : References(p.Value)),
        JsonArray a => a.SelectMany(item => item is null ? [] : References(item)),
        _ => [],
    };
}
