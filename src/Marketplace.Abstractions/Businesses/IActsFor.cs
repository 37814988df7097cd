using Orleans.Concurrency;

namespace Marketplace.Businesses;

/// <summary>
/// The one answer to "which businesses does this user act for, and in which role", asked by grains and endpoints
/// alike. It must be right at once: a person removed from a business is refused on their very next call.
/// </summary>
public interface IActsFor
{
    /// <summary>The user's roles in the businesses named (in every business when <paramref name="among"/> is null).</summary>
    Task<ActingFor> Of(Guid userId, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default);
}

/// <summary>
/// The membership rows as stored, read from the database on every call: what <see cref="IActsForGrain"/> loads and
/// falls back to. Everyone else asks <see cref="IActsFor"/>, which answers from that grain's memory.
/// </summary>
public interface IStoredMemberships
{
    /// <summary>The user's roles in the businesses named (in every business when <paramref name="among"/> is null), as committed.</summary>
    Task<ActingFor> Of(Guid userId, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default);
}

/// <summary>The businesses a user acts for, each with the user's role; a business where the user has no role is absent.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ActingFor")]
public sealed record ActingFor(IReadOnlyDictionary<Guid, BusinessRole> Roles)
{
    /// <summary>What a visitor (or anyone who acts for no business) has.</summary>
    public static readonly ActingFor Nobody = new(new Dictionary<Guid, BusinessRole>());

    public IReadOnlyCollection<Guid> Businesses => [.. Roles.Keys];

    /// <summary>The businesses the user may act for as Owner or Manager (<see cref="BusinessRoles.CanEdit"/>).</summary>
    public IReadOnlyCollection<Guid> Editing => [.. Roles.Where(r => Edits(r.Key)).Select(r => r.Key)];

    /// <summary>True when the user has any role in the business, so reads what its people read.</summary>
    public bool Reads(Guid businessId) => Roles.ContainsKey(businessId);

    /// <summary>True when the user acts for the business as Owner or Manager.</summary>
    public bool Edits(Guid businessId) => RoleIn(businessId).CanEdit();

    /// <summary>The user's role in the business; null when they have none.</summary>
    public BusinessRole? RoleIn(Guid businessId) => Roles.TryGetValue(businessId, out var role) ? role : null;

    /// <summary>The user's roles in the businesses named only (what <see cref="IActsFor.Of"/> answers when asked among them).</summary>
    public ActingFor Among(IEnumerable<Guid> businesses)
    {
        var roles = new Dictionary<Guid, BusinessRole>();
        foreach (var business in businesses)
            if (Roles.TryGetValue(business, out var role)) roles[business] = role;
        return roles.Count == 0 ? Nobody : new ActingFor(roles);
    }
}
