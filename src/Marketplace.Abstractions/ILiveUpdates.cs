using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace;

/// <summary>
/// The port through which grains tell watchers about changes. Grains call it only after the durable write,
/// so nobody is ever told about a change that was not stored.
/// </summary>
public interface ILiveUpdates
{
    Task BusinessChanged(BusinessSnapshot business);

    /// <param name="policyPublished">A new policy version: every member firm must be asked to accept it.</param>
    Task SpaceChanged(SpaceSnapshot space, bool policyPublished);

    /// <summary>A firm's standing in a space changed: its admins and the firm itself are told.</summary>
    Task MembershipChanged(SpaceSnapshot space, MembershipSnapshot membership);

    /// <summary>A showcase project was published, edited, confirmed or declined: its firms and their spaces are told.</summary>
    Task ShowcaseChanged(Showcase.ShowcaseSnapshot project);
}
