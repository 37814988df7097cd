namespace Marketplace;

/// <summary>
/// What the viewer of a snapshot may do with one thing it shows (an alliance, one of the viewer's firms in it, one
/// row of its members…), answered by the very <c>Check*</c> rules the commands run, so a rule has one home and a
/// client offers only what the server will accept.
/// <list type="bullet">
/// <item><see cref="Allowed"/>: the actions the rules accept now.</item>
/// <item><see cref="Blocked"/>: the actions the viewer is entitled to take but that the thing's state refuses now (a
/// Conflict), each with the refusal's code and arguments exactly as a refused request's ProblemDetails carries them
/// (<c>code</c>, <c>args</c>), so clients translate a blocker as they translate a refusal.</item>
/// </list>
/// An action refused because the viewer may not act (Forbidden), has no such target (NotFound) or for input it would
/// have to choose (Invalid) is in neither list: a viewer learns nothing of what they take no part in.
/// <para>Every snapshot that says what its viewer may do uses this one shape, with an enum of its actions per thing
/// (e.g. <c>AllianceAction</c>); on the wire: <c>{ "allowed": ["Invite"], "blocked": [{ "action": "Leave",
/// "code": "alliance.bidSubmitted", "args": {} }] }</c>.</para>
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ViewerActions`1")]
public sealed record ViewerActions<TAction>(TAction[] Allowed, ActionBlocker<TAction>[] Blocked) where TAction : struct, Enum
{
    /// <summary>Nothing to do: a viewer with no part in the thing.</summary>
    public static ViewerActions<TAction> None { get; } = new([], []);

    /// <summary>Sorts each action by what its rule says of it now: null allows it, a conflict blocks it, anything else drops it.</summary>
    public static ViewerActions<TAction> Of(params ReadOnlySpan<(TAction Action, Problem? Refusal)> checks)
    {
        List<TAction> allowed = [];
        List<ActionBlocker<TAction>> blocked = [];
        foreach (var (action, refusal) in checks)
        {
            if (refusal is null) allowed.Add(action);
            else if (refusal.Kind == ProblemKind.Conflict) blocked.Add(new(action, refusal.Code, refusal.Args));
        }
        return new([.. allowed], [.. blocked]);
    }

    public bool Allows(TAction action) => Allowed.Contains(action);
}

/// <summary>Why an action the viewer is entitled to is refused now: the refusal's stable code and its arguments.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ActionBlocker`1")]
public sealed record ActionBlocker<TAction>(TAction Action, string Code, Dictionary<string, string> Args) where TAction : struct, Enum;
