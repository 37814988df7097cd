namespace Marketplace.Alliances;

/// <summary>
/// Which firms already take part in an alliance for a tender: asked by the alliance grain before it forms one, and
/// by the form's choices, so both judge "a firm takes part in one alliance per tender" from the same answer.
/// </summary>
public interface ITenderAlliances
{
    /// <summary>Those of <paramref name="firms"/> that are active firms (lead, member or subcontractor) of an alliance for the tender.</summary>
    Task<IReadOnlySet<Guid>> InOne(Guid tenderId, IReadOnlyCollection<Guid> firms, CancellationToken ct = default);
}
