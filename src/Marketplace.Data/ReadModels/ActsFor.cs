using Marketplace.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// "Who acts for which business" read from the membership rows. Safe for authorisation: <see cref="BusinessProjector"/>
/// writes those rows in the same transaction as the business grain's state (<see cref="Storage.EfGrainStorage"/>), and a
/// grain that fails to store puts its state back, so the rows never lag or lead the business: a person removed from
/// it is refused on the next call. One query answers for many businesses, where asking each business grain took N calls.
/// </summary>
public static class ActsFor
{
    /// <summary>The one query: the membership rows of a user. Endpoints that filter in SQL compose it; everyone else asks <see cref="IActsFor"/> (which reads them through <see cref="EfStoredMemberships"/>).</summary>
    public static IQueryable<BusinessMemberEntry> ActingFor(this MarketplaceDbContext db, Guid userId) =>
        db.BusinessMembers.Where(m => m.UserId == userId);
}

/// <summary>The <see cref="IStoredMemberships"/> port on the project's own database.</summary>
public sealed class EfStoredMemberships(IServiceScopeFactory scopes) : IStoredMemberships
{
    public async Task<ActingFor> Of(Guid userId, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default)
    {
        if (among is { Count: 0 }) return ActingFor.Nobody;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var rows = db.ActingFor(userId).AsNoTracking();
        if (among is not null) rows = rows.Where(m => among.Contains(m.BusinessId));
        return new ActingFor(await rows.ToDictionaryAsync(m => m.BusinessId, m => m.Role, ct));
    }
}
