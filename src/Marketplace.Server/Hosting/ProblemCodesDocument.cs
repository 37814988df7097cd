using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Lists every refusal code in the OpenAPI document (schema <c>ProblemCode</c>, found by reflection over the
/// <see cref="Refusal"/> fields the project's assemblies declare) and the ProblemDetails extensions that carry them
/// (schema <c>Refusal</c>) or a snapshot's blockers (<see cref="ActionBlocker{TAction}"/>), so clients translate codes instead of English text and a code without a translation
/// fails the client's type check.
/// </summary>
public sealed class ProblemCodesDocument : IOpenApiDocumentTransformer
{
    /// <summary>Every refusal the server can give, by code (one code, one English text).</summary>
    public static IReadOnlyList<Refusal> All { get; } = Declared();

    /// <summary>The project's assemblies: the server's and those it references, loaded or not yet.</summary>
    static IEnumerable<Assembly> Project()
    {
        static bool Ours(AssemblyName name) => name.Name?.StartsWith("Marketplace.", StringComparison.Ordinal) == true;
        var found = new Dictionary<string, Assembly>();
        var pending = new Stack<Assembly>([typeof(Refusal).Assembly, typeof(ProblemCodesDocument).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var name in assembly.GetReferencedAssemblies().Where(Ours)) pending.Push(Assembly.Load(name));
        }
        return found.Values;
    }

    static List<Refusal> Declared()
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        // A field that names another's refusal (X = Rules.Y) is the same refusal; two declarations are two refusals.
        var refusals = Project().SelectMany(a => a.GetTypes()).SelectMany(t => t.GetFields(statics))
            .Where(f => f.FieldType == typeof(Refusal)).Select(f => (Refusal)f.GetValue(null)!)
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Refusal>().ToList();
        var clash = refusals.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new InvalidOperationException($"Refusal code '{clash.Key}' is declared twice: each code has one home.");
        return [.. refusals.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["ProblemCode"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Why the server refused: a stable code with arguments (ProblemDetails extensions code/args, errorCodes per field).",
            Enum = [.. All.Select(r => (JsonNode)JsonValue.Create(r.Code)!), JsonValue.Create(Problem.Uncoded)!],
        };
        var args = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } };
        var code = new OpenApiSchemaReference("ProblemCode", document);
        document.Components.Schemas["FieldRefusal"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "code", "args" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["code"] = code, ["args"] = args },
        };
        // A blocker in a snapshot's viewer actions carries a refusal's code: typed as one, so clients translate it alike.
        foreach (var (name, schema) in document.Components.Schemas)
            if (name.StartsWith($"{nameof(ActionBlocker<>)}Of", StringComparison.Ordinal) && schema is OpenApiSchema { Properties: { } properties })
                properties["code"] = code;
        document.Components.Schemas["Refusal"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A ProblemDetails body as the server sends it for a refused request.",
            Required = new HashSet<string> { "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The refusal in English." },
                ["code"] = code,
                ["args"] = args,
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["errorCodes"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("FieldRefusal", document) },
                },
            },
        };
        return Task.CompletedTask;
    }
}
