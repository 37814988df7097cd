using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Marketplace.Reference;

namespace Marketplace.Server.Endpoints;

/// <summary>Marks a body field that is a long text: it may hold line breaks and tabs (a name may not).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class LongTextAttribute : Attribute;

/// <summary>Marks a query parameter holding search words, bounded by <see cref="InputRules.MaxSearchWords"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SearchWordsAttribute : Attribute;

/// <summary>
/// The bounds every API input is held to before a rule sees it, for bodies, query strings and route values alike, so
/// no request reaches a grain or the database with a value it cannot handle. A refusal is a 400 naming each field as
/// the request does (<c>lots[0].title</c>, <c>radiusKm</c>):
/// <list type="bullet">
/// <item>text: <see cref="CleanText.Flaw"/> (no NUL or control characters, no half surrogate pairs, no bidirectional
/// overrides; line breaks and tabs only in fields marked <see cref="LongTextAttribute"/>);</item>
/// <item>search words: at most <see cref="MaxSearchWords"/> words and <see cref="MaxSearchLength"/> characters;</item>
/// <item>ids: never the empty GUID, which names nothing;</item>
/// <item>numbers: finite (no NaN or infinity); enum values: one of the defined names;</item>
/// <item>instants (tender deadlines): from <see cref="Earliest"/> to <see cref="InstantHorizonYears"/> years ahead;</item>
/// <item>calendar dates (contract start and end): from <see cref="Earliest"/> to <see cref="DateHorizonYears"/> years ahead.</item>
/// </list>
/// Field-specific ranges (a radius, a price, a weight) stay with the rule that owns the field.
/// </summary>
public static class InputRules
{
    public const int MaxSearchWords = 10, MaxSearchLength = 200, InstantHorizonYears = 5, DateHorizonYears = 30;

    /// <summary>No marketplace date is older than this; earlier ones are typing mistakes.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static readonly Refusal
        SearchWords = new("input.searchWords", "Search with at most {words} words and {length} characters."),
        EmptyId = new("input.emptyId", "The empty id names nothing."),
        NotFinite = new("input.notFinite", "A finite number is required."),
        InstantRange = new("input.instantRange", "A time from {from} to {years} years from now."),
        DateRange = new("input.dateRange", "A date from {from} to {years} years from now."),
        UnknownValue = new("input.unknownValue", "Unknown value.");

    static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    sealed record Field(PropertyInfo Property, string Name, bool LongText);

    /// <summary>
    /// The endpoint filter that refuses out-of-bounds arguments with a 400 before the handler runs. What each parameter
    /// is checked as is worked out once per endpoint; a request that passes allocates nothing and reads no clock
    /// (every page read passes through here, issue #11).
    /// </summary>
    public static EndpointFilterDelegate Refuse(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var checkedAt = factory.MethodInfo.GetParameters().Select((p, i) => (p, i)).Where(x => IsInput(x.p.ParameterType))
            .Select(x => new Checked(x.i, IsValue(x.p.ParameterType) ? x.p.Name! : "", x.p.GetCustomAttribute<SearchWordsAttribute>() is not null))
            .ToArray();
        if (checkedAt.Length == 0) return next;
        return context =>
        {
            var input = new Input(context.HttpContext);
            foreach (var (i, name, searchWords) in checkedAt)
            {
                var value = context.Arguments[i];
                if (searchWords && value is string words && (words.Length > MaxSearchLength || TextSearch.Words(words).Length > MaxSearchWords))
                    input.Refuse(name, FieldProblem.Of(SearchWords, ("words", MaxSearchWords), ("length", MaxSearchLength)));
                else
                    input.Check(value, name, false);
            }
            return input.Errors is { } errors ? ValueTask.FromResult<object?>(Problem.Invalid(errors).ToHttp()) : next(context);
        };
    }

    /// <summary>A checked parameter: its position, its field name (empty for a body, whose fields name themselves) and whether it holds search words.</summary>
    readonly record struct Checked(int Index, string Name, bool SearchWords);

    /// <summary>One request's arguments being checked: the refusals, made only once one is found, and the clock, read only for a date.</summary>
    sealed class Input(HttpContext http)
    {
        DateTimeOffset? now;

        public Dictionary<string, FieldProblem[]>? Errors { get; private set; }

        DateTimeOffset Now => now ??= http.RequestServices.GetRequiredService<MarketplaceClock>().GetUtcNow();

        public void Refuse(string field, FieldProblem refusal) => (Errors ??= []).TryAdd(field.Length == 0 ? "body" : field, [refusal]);

        public void Check(object? value, string field, bool longText)
        {
            var refusal = value switch
            {
                null => null,
                string text => CleanText.Flaw(text, longText) is { } flaw ? FieldProblem.Of(flaw) : null,
                Guid id => id == Guid.Empty ? FieldProblem.Of(EmptyId) : null,
                double number => double.IsFinite(number) ? null : FieldProblem.Of(NotFinite),
                float number => float.IsFinite(number) ? null : FieldProblem.Of(NotFinite),
                DateTimeOffset instant => instant < Earliest || instant > Now.AddYears(InstantHorizonYears)
                    ? FieldProblem.Of(InstantRange, ("from", Earliest.Year), ("years", InstantHorizonYears)) : null,
                DateOnly date => date < DateOnly.FromDateTime(Earliest.UtcDateTime) || date > DateOnly.FromDateTime(Now.UtcDateTime).AddYears(DateHorizonYears)
                    ? FieldProblem.Of(DateRange, ("from", Earliest.Year), ("years", DateHorizonYears)) : null,
                Enum choice => Enum.IsDefined(choice.GetType(), choice) ? null : FieldProblem.Of(UnknownValue),
                _ => null,
            };
            if (refusal is not null)
            {
                Refuse(field, refusal);
                return;
            }
            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items) Check(item, $"{field}[{index++}]", longText);
            }
            else if (value is not null && IsBody(value.GetType()))
            {
                foreach (var f in Fields.GetOrAdd(value.GetType(), FieldsOf))
                    Check(f.Property.GetValue(value), field.Length == 0 ? f.Name : $"{field}.{f.Name}", f.LongText);
            }
        }
    }

    static bool IsInput(Type type) => IsValue(type) || IsBody(type)
        || (type.IsArray && IsInput(type.GetElementType()!));

    static bool IsValue(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(string) || t == typeof(Guid) || t == typeof(double) || t == typeof(float)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t.IsEnum);

    // Request bodies: the server's own wire types and ASP.NET Core Identity's (sign-up, sign-in, password flows).
    static bool IsBody(Type type) => type.IsClass && type != typeof(string)
        && (type.Assembly == typeof(InputRules).Assembly || type.Namespace == "Microsoft.AspNetCore.Identity.Data");

    static Field[] FieldsOf(Type type)
    {
        var constructorParameters = type.GetConstructors().SelectMany(c => c.GetParameters()).ToList();
        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => new Field(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.GetCustomAttribute<LongTextAttribute>() is not null
                || constructorParameters.Any(c => c.Name == p.Name && c.GetCustomAttribute<LongTextAttribute>() is not null)))];
    }
}
