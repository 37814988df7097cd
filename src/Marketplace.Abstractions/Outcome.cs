using System.Buffers;
using System.Globalization;
using System.Text;

namespace Marketplace;

/// <summary>Why a command was refused; the server maps each kind to one HTTP status.</summary>
[GenerateSerializer, Alias("Marketplace.ProblemKind")]
public enum ProblemKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    /// <summary>Asked again too soon: the same request may be made later (429).</summary>
    TooSoon,
}

/// <summary>
/// One reason a rule refuses: a stable <see cref="Code"/> (what clients translate, listed in the OpenAPI document)
/// and its English <see cref="Text"/>, whose <c>{name}</c> placeholders are filled from the refusal's arguments.
/// Declared once, as a static field next to the rule that uses it; never built from user input.
/// </summary>
public sealed record Refusal(string Code, string Text)
{
    /// <summary>
    /// The English text with its placeholders filled; a placeholder without an argument stays as it is. Pages say every
    /// reason an action is blocked on every read, so this is a plain scan (issue #11): no regex, and a text without
    /// placeholders is returned as it is.
    /// </summary>
    public string Say(IReadOnlyDictionary<string, string> args)
    {
        var open = Text.IndexOf('{');
        if (open < 0) return Text;
        var said = new StringBuilder(Text.Length + 16);
        var from = 0;
        for (; open >= 0; open = Text.IndexOf('{', from))
        {
            var close = Text.IndexOf('}', open + 1);
            if (close < 0) break;
            var name = Text.AsSpan(open + 1, close - open - 1);
            if (IsName(name) && args.TryGetValue(name.ToString(), out var value))
            {
                said.Append(Text, from, open - from).Append(value);
                from = close + 1;
            }
            else
            {
                said.Append(Text, from, open + 1 - from);
                from = open + 1;
            }
        }
        return said.Append(Text, from, Text.Length - from).ToString();
    }

    // A placeholder's name: a letter, then letters and digits.
    static bool IsName(ReadOnlySpan<char> name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && !name[1..].ContainsAnyExcept(NameChars);

    static readonly SearchValues<char> NameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>The arguments as the wire carries them: invariant text, instants in ISO 8601, money as "1250.50 EUR".</summary>
    public static Dictionary<string, string> Args(ReadOnlySpan<(string Name, object? Value)> args)
    {
        var result = new Dictionary<string, string>(args.Length);
        foreach (var (name, value) in args)
            result[name] = value switch
            {
                null => "",
                DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
                Money money => $"{money.Amount.ToString(CultureInfo.InvariantCulture)} {money.Currency}",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        return result;
    }
}

/// <summary>What is wrong with one field: its refusal's code, the English message and the arguments.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FieldProblem")]
public sealed record FieldProblem(string Code, string Message, Dictionary<string, string> Args)
{
    // Two refusals are the same when they say the same thing; a record would compare the dictionaries by reference.
    public bool Equals(FieldProblem? other) =>
        other is not null && Code == other.Code && Message == other.Message && SameArgs(Args, other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, Message);

    internal static bool SameArgs(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public static FieldProblem Of(Refusal refusal, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var values = Refusal.Args(args);
        return new(refusal.Code, refusal.Say(values), values);
    }
}

/// <summary>
/// A refused command: a kind, a stable code with its arguments, the English detail and, for invalid input, what is
/// wrong with each field. Clients show the code (translated); the detail is for logs and API users.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Problem")]
public sealed record Problem(ProblemKind Kind, string Code, string Detail, Dictionary<string, string> Args, Dictionary<string, FieldProblem[]>? Errors = null)
{
    // Two problems are the same when they refuse for the same reasons; a record would compare the dictionaries by reference.
    public bool Equals(Problem? other) =>
        other is not null && Kind == other.Kind && Code == other.Code && Detail == other.Detail
        && FieldProblem.SameArgs(Args, other.Args) && SameErrors(Errors, other.Errors);

    public override int GetHashCode() => HashCode.Combine(Kind, Code, Detail);

    static bool SameErrors(Dictionary<string, FieldProblem[]>? a, Dictionary<string, FieldProblem[]>? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var problems) && pair.Value.SequenceEqual(problems));

    /// <summary>The code of a refusal made of field errors; each field names its own.</summary>
    public static readonly Refusal InvalidFields = new("input.invalidFields", "One or more fields are invalid.");

    public static Problem Invalid(Dictionary<string, FieldProblem[]> errors) =>
        new(ProblemKind.Invalid, InvalidFields.Code, InvalidFields.Text, [], errors);

    public static Problem Invalid(string field, Refusal refusal, params ReadOnlySpan<(string Name, object? Value)> args) =>
        Invalid(new Dictionary<string, FieldProblem[]> { [field] = [FieldProblem.Of(refusal, args)] });

    public static Problem Forbidden(Refusal refusal, params ReadOnlySpan<(string Name, object? Value)> args) => Of(ProblemKind.Forbidden, refusal, args);

    public static Problem NotFound(Refusal refusal, params ReadOnlySpan<(string Name, object? Value)> args) => Of(ProblemKind.NotFound, refusal, args);

    public static Problem Conflict(Refusal refusal, params ReadOnlySpan<(string Name, object? Value)> args) => Of(ProblemKind.Conflict, refusal, args);

    public static Problem TooSoon(Refusal refusal, params ReadOnlySpan<(string Name, object? Value)> args) => Of(ProblemKind.TooSoon, refusal, args);

    static Problem Of(ProblemKind kind, Refusal refusal, ReadOnlySpan<(string Name, object? Value)> args)
    {
        var values = Refusal.Args(args);
        return new(kind, refusal.Code, refusal.Say(values), values);
    }

    /// <summary>The code of a refusal whose reason has no code of ours (e.g. an Identity error we do not map).</summary>
    public const string Uncoded = "uncoded";
}

/// <summary>The result of a command: either a value or the problem that refused it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Outcome`1")]
public sealed record Outcome<T>(T? Value, Problem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}
