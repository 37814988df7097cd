using Microsoft.AspNetCore.Identity;

namespace Marketplace.Data;

/// <summary>A person who signs in. What they may do for a business lives in that business's grain, not here.</summary>
public sealed class MarketplaceUser : IdentityUser<Guid>
{
    /// <summary>When the person last opened their tender inbox: entries after it are unread.</summary>
    public DateTimeOffset? InboxReadAt { get; set; }
}
