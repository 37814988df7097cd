using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Server.Hubs;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Puts the SignalR hub's contract in the OpenAPI document next to the HTTP API's, so the web client types both from
/// one generated file: schema <c>HubMessages</c> has one property per message the server pushes (each method of
/// <see cref="IMarketplaceClient"/>, its value the payload's schema), and schema <c>HubMethod</c> lists the methods a
/// client may invoke on <see cref="MarketplaceHub"/>. A renamed or reshaped message then fails the client's type
/// check instead of being silently ignored by its handler.
/// </summary>
public sealed class HubMessagesDocument : IOpenApiDocumentTransformer
{
    /// <summary>Every message the server pushes, by the client method name SignalR sends it as.</summary>
    public static IReadOnlyList<MethodInfo> Pushes { get; } = typeof(IMarketplaceClient).GetMethods();

    /// <summary>The methods a client may invoke: the hub's own public methods, not the connection events it overrides.</summary>
    public static IReadOnlyList<string> Invocable { get; } =
    [
        .. typeof(MarketplaceHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == typeof(MarketplaceHub)).Select(m => m.Name).Order(StringComparer.Ordinal),
    ];

    /// <summary>A push's one argument: what the client's handler receives.</summary>
    public static Type Payload(MethodInfo push) => push.GetParameters().Single().ParameterType;

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var messages = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "What the server pushes over SignalR (/hubs/marketplace): the client method name, and the payload it carries.",
            Required = new HashSet<string>(),
            Properties = new Dictionary<string, IOpenApiSchema>(),
        };
        foreach (var push in Pushes.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            messages.Properties[push.Name] = await Component(Payload(push), document, context, cancellationToken);
            messages.Required.Add(push.Name);
        }
        document.Components.Schemas["HubMessages"] = messages;
        document.Components.Schemas["HubMethod"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A method the client invokes on /hubs/marketplace (to watch a topic, or stop watching it).",
            Enum = [.. Invocable.Select(name => (JsonNode)JsonValue.Create(name)!)],
        };
    }

    /// <summary>
    /// A reference to the type's schema, added under the type's name if the API does not already use it. The schema
    /// service inlines the project's types a payload contains and drops their nullability (turning them into
    /// references is a pass the document has already had), so those are referenced here as the API's schemas are.
    /// </summary>
    static async Task<IOpenApiSchema> Component(Type type, OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemaName = SchemaName(type);
        if (!document.Components!.Schemas!.ContainsKey(schemaName))
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            var nullability = new NullabilityInfoContext();
            foreach (var property in type.GetProperties())
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (!Ours(Element(property.PropertyType)) || schema.Properties?.ContainsKey(name) != true) continue;
                var part = await Component(Element(property.PropertyType), document, context, cancellationToken);
                if (property.PropertyType.IsArray) part = new OpenApiSchema { Type = JsonSchemaType.Array, Items = part };
                if (nullability.Create(property).ReadState == NullabilityState.Nullable)
                    part = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, part] };
                schema.Properties[name] = part;
            }
            document.AddComponent(schemaName, schema);
        }
        return new OpenApiSchemaReference(schemaName, document);
    }

    /// <summary>The name the API's own schemas go by: a generic type by its arguments (<c>ViewerActionsOfJointBidAction</c>).</summary>
    static string SchemaName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}Of{string.Join("And", type.GetGenericArguments().Select(SchemaName))}"
        : type.Name;

    static Type Element(Type type) =>
        type.IsArray ? Element(type.GetElementType()!) : Nullable.GetUnderlyingType(type) is { } inner ? inner : type;

    // The shared shapes (ViewerActions, Money) are in Marketplace itself: referenced too, so a blocker's code is the API's list of codes.
    static bool Ours(Type type) => type.Namespace == "Marketplace" || type.Namespace?.StartsWith("Marketplace.", StringComparison.Ordinal) == true;
}
