namespace Marketplace;

/// <summary>Why a command was refused; the server maps each kind to one HTTP status.</summary>
[GenerateSerializer, Alias("Marketplace.ProblemKind")]
public enum ProblemKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>A refused command: a kind, a human-readable detail and, for invalid input, the fields at fault.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Problem")]
public sealed record Problem(ProblemKind Kind, string Detail, Dictionary<string, string[]>? Errors = null)
{
    public static Problem Invalid(Dictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, "One or more fields are invalid.", errors);

    public static Problem Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static Problem Forbidden(string detail) => new(ProblemKind.Forbidden, detail);

    public static Problem NotFound(string detail) => new(ProblemKind.NotFound, detail);

    public static Problem Conflict(string detail) => new(ProblemKind.Conflict, detail);
}

/// <summary>The result of a command: either a value or the problem that refused it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Outcome`1")]
public sealed record Outcome<T>(T? Value, Problem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}
