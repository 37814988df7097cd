using Marketplace.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Data;

/// <summary>The <see cref="IInboxReadTimes"/> port on the account rows (<see cref="MarketplaceUser.InboxReadAt"/>).</summary>
public sealed class EfInboxReadTimes(IServiceScopeFactory scopes) : IInboxReadTimes
{
    public async Task<DateTimeOffset?> Of(Guid userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.InboxReadAt).FirstOrDefaultAsync();
    }

    /// <summary>
    /// One column, and a new concurrency stamp: an account edit that read the row before this (its stamp now stale) is
    /// refused by Identity rather than writing the old read time back over this one.
    /// </summary>
    public async Task Store(Guid userId, DateTimeOffset at)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.InboxReadAt, at).SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
    }
}
