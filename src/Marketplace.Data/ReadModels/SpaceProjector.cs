using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>Keeps a space's list row and its members' rows equal to the space grain's state.</summary>
public sealed class SpaceProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(SpaceState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        var id = grainId.GetGuidKey();
        await db.Spaces.Where(x => x.SpaceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SpaceMembers.Where(x => x.SpaceId == id).ExecuteDeleteAsync(cancellationToken);
        if (state is not SpaceState { Exists: true } space) return;

        db.Spaces.Add(new SpaceEntry
        {
            SpaceId = id,
            HostId = space.HostId,
            Name = space.Settings.Name,
            Description = space.Settings.Description,
            Visibility = space.Settings.Visibility,
            PolicyVersion = space.Policy.Version,
            MemberCount = space.Members.Count(m => m.Status == MembershipStatus.Member),
            UpdatedAt = space.UpdatedAt,
        });
        db.SpaceMembers.AddRange(space.Members.Select(m => new SpaceMemberEntry
        {
            SpaceId = id,
            BusinessId = m.BusinessId,
            Status = m.Status,
            AcceptedPolicyVersion = m.AcceptedPolicyVersion,
            Since = m.Since,
        }));
    }
}
