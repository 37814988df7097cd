using Marketplace.Businesses;
using Orleans.Concurrency;

namespace Marketplace.Spaces;

/// <summary>
/// A collaboration space hosted by an association: its settings, its versioned policy and its moderators.
/// Admins are the host's Owners and Managers plus moderators. Each firm's standing is a
/// <see cref="ISpaceMembershipGrain"/>, so a large space never rewrites all its members for one change.
/// </summary>
[Alias("Marketplace.ISpaceGrain")]
public interface ISpaceGrain : IGrainWithGuidKey
{
    /// <summary>Creates the space for an association; only its Owners and Managers may.</summary>
    [Alias("Create")] Task<Outcome<SpaceSnapshot>> Create(CreateSpace command);

    [Alias("Get"), ReadOnly] Task<SpaceSnapshot?> Get();

    /// <summary>True when the user administers the space (host Owner/Manager or moderator).</summary>
    [Alias("IsAdmin"), ReadOnly] Task<bool> IsAdmin(Guid userId);

    /// <summary>Whether the user administers the space and what they may do with it, by the rules its commands run.</summary>
    [Alias("ViewerOf"), ReadOnly] Task<SpaceViewer> ViewerOf(Guid userId);

    /// <summary>
    /// The space and what the user may do with it (as <see cref="ViewerOf"/>) in one read, for pages that need both;
    /// null when there is no space. <paramref name="acting"/> is whom the user acts for when the caller has just asked
    /// the "acts for" port for every business of theirs, so the space does not ask again; null to have it ask.
    /// </summary>
    [Alias("SeenBy"), ReadOnly] Task<SpaceSight?> SeenBy(Guid userId, ActingFor? acting);

    [Alias("EditSettings")] Task<Outcome<SpaceSnapshot>> EditSettings(EditSpaceSettings command);

    /// <summary>Publishes a new policy version; members must then accept it.</summary>
    [Alias("PublishPolicy")] Task<Outcome<SpaceSnapshot>> PublishPolicy(PublishPolicy command);

    [Alias("SetModerator")] Task<Outcome<SpaceSnapshot>> SetModerator(SetModerator command);

    /// <summary>The space's admins set (or remove) targets of a quarter for the association's outcome measures.</summary>
    [Alias("SetTargets")] Task<Outcome<SpaceSnapshot>> SetTargets(SetOutcomeTargets command);
}
