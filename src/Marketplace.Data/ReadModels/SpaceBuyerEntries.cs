using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>A buyer's standing in a space, for lists across buyers (a space's admins) and across spaces (the buyer's page).</summary>
public sealed class SpaceBuyerEntry
{
    public Guid SpaceId { get; set; }
    public Guid BuyerId { get; set; }
    public BuyerApproval? Approval { get; set; }
    public bool Mandated { get; set; }

    /// <summary>
    /// The standing's state as far as its rules read it, so that a list judges what its viewer may do with each row
    /// by the commands' own rules; the row is written in the grain's own transaction, so it says what the grain says.
    /// </summary>
    public SpaceBuyerState ToState() => new() { SpaceId = SpaceId, BuyerId = BuyerId, Approval = Approval, Mandated = Mandated };
}

/// <summary>One step of a buyer's standing (request, approval, mandate), mirrored for the space's and the buyer's history.</summary>
public sealed class SpaceBuyerEventEntry
{
    public long Id { get; set; }
    public Guid SpaceId { get; set; }
    public Guid BuyerId { get; set; }
    public int Sequence { get; set; }
    public SpaceBuyerStep Step { get; set; }
    public Guid ActorId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Keeps a buyer's standing row and its history rows equal to its grain's state.</summary>
public sealed class SpaceBuyerProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(SpaceBuyerState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        if (!grainId.TryGetGuidKey(out var spaceId, out var buyerKey) || buyerKey is null)
            throw new InvalidOperationException($"{grainId} is not a buyer's standing key.");
        var buyerId = Guid.Parse(buyerKey);
        await db.SpaceBuyers.Where(x => x.SpaceId == spaceId && x.BuyerId == buyerId).ExecuteDeleteAsync(cancellationToken);
        await db.SpaceBuyerEvents.Where(x => x.SpaceId == spaceId && x.BuyerId == buyerId).ExecuteDeleteAsync(cancellationToken);
        if (state is not SpaceBuyerState { Version: > 0 } standing) return;
        db.SpaceBuyers.Add(new SpaceBuyerEntry { SpaceId = spaceId, BuyerId = buyerId, Approval = standing.Approval, Mandated = standing.Mandated });
        db.SpaceBuyerEvents.AddRange(standing.History.Select((e, i) => new SpaceBuyerEventEntry
        {
            SpaceId = spaceId, BuyerId = buyerId, Sequence = i, Step = e.Step, ActorId = e.ActorId, At = e.At,
        }));
    }
}
