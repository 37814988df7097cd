using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Mail;

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
}
