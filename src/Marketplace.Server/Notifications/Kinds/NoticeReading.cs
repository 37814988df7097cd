using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Mail;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// What a kind's reader knows of the person whose notices are sent now: their role in each firm the notices are for
/// (none: they no longer act for it), when they last opened their inbox, and the time of the round; the grains, for
/// what a page shows the person now.
/// </summary>
internal sealed record NoticeReading(
    MarketplaceDbContext Db, IGrainFactory Grains, SiteLinks Site, DateTimeOffset Now, Guid UserId, DateTimeOffset? InboxReadAt, IReadOnlyDictionary<Guid, BusinessRole> Roles)
{
    /// <summary>The person answers for the firm (its Owners and Managers: what the to-do list asks of them).</summary>
    public bool Edits(Guid firmId) => Roles.TryGetValue(firmId, out var role) && role is BusinessRole.Owner or BusinessRole.Manager;

    /// <summary>The names the firms go by now (the directory's), in one query: what every kind's e-mail calls them.</summary>
    public Task<Dictionary<Guid, string>> FirmNames(IEnumerable<Guid> firmIds, CancellationToken ct)
    {
        var ids = firmIds.Distinct().ToList();
        return Db.Directory.AsNoTracking().Where(d => ids.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
    }

    /// <summary>The tender's page as the person sees it now (<see cref="ITenderGrain.ViewFor"/>); a deadline passed that the tender has not moved past moves it first, as for its page.</summary>
    public async Task<TenderPage> TenderPage(Guid tenderId)
    {
        var grain = Grains.Tender(tenderId);
        var page = await grain.ViewFor(UserId);
        if (page.Due) { await grain.Get(); page = await grain.ViewFor(UserId); }
        return page;
    }
}
