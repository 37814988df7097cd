using Orleans.Concurrency;

namespace Marketplace.Spaces;

/// <summary>
/// A collaboration space hosted by an association: its settings, its versioned policy, and the firms that
/// applied, joined or left, with the whole history. Admins are the host's Owners and Managers plus moderators.
/// </summary>
[Alias("Marketplace.ISpaceGrain")]
public interface ISpaceGrain : IGrainWithGuidKey
{
    /// <summary>Creates the space for an association; only its Owners and Managers may.</summary>
    [Alias("Create")] Task<Outcome<SpaceSnapshot>> Create(CreateSpace command);

    [Alias("Get"), ReadOnly] Task<SpaceSnapshot?> Get();

    /// <summary>True when the user administers the space (host Owner/Manager or moderator).</summary>
    [Alias("IsAdmin"), ReadOnly] Task<bool> IsAdmin(Guid userId);

    [Alias("EditSettings")] Task<Outcome<SpaceSnapshot>> EditSettings(EditSpaceSettings command);

    /// <summary>Publishes a new policy version; members must then accept it.</summary>
    [Alias("PublishPolicy")] Task<Outcome<SpaceSnapshot>> PublishPolicy(PublishPolicy command);

    [Alias("Apply")] Task<Outcome<SpaceSnapshot>> Apply(ApplyToSpace command);

    [Alias("Withdraw")] Task<Outcome<SpaceSnapshot>> Withdraw(FirmStep command);

    [Alias("Leave")] Task<Outcome<SpaceSnapshot>> Leave(FirmStep command);

    [Alias("AcceptPolicy")] Task<Outcome<SpaceSnapshot>> AcceptPolicy(AcceptPolicy command);

    /// <summary>Approve or reject an application; suspend, reinstate or remove a member. Rejections, suspensions and removals need a reason.</summary>
    [Alias("Decide")] Task<Outcome<SpaceSnapshot>> Decide(DecideMembership command);

    [Alias("Invite")] Task<Outcome<SpaceSnapshot>> Invite(InviteFirm command);

    [Alias("SetModerator")] Task<Outcome<SpaceSnapshot>> SetModerator(SetModerator command);
}
