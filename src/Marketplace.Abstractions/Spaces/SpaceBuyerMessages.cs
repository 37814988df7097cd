namespace Marketplace.Spaces;

/// <summary>Where a buyer's request to publish tenders in a space stands.</summary>
[GenerateSerializer, Alias("Marketplace.BuyerApproval")]
public enum BuyerApproval
{
    /// <summary>The buyer asked; the space's admins have not decided yet.</summary>
    Requested,
    Approved,
    /// <summary>The admins revoked the approval or declined the request; the buyer may ask again.</summary>
    Revoked,
}

/// <summary>What a space admin decides on a buyer.</summary>
[GenerateSerializer, Alias("Marketplace.BuyerDecision")]
public enum BuyerDecision
{
    Approve,
    Revoke,
}

/// <summary>One step in a buyer's standing in a space.</summary>
[GenerateSerializer, Alias("Marketplace.SpaceBuyerStep")]
public enum SpaceBuyerStep
{
    PublishingRequested,
    Approved,
    ApprovalRevoked,
    MandateGranted,
    MandateRevoked,
}

/// <summary>Who took a step of a buyer's standing, and when: the audit of requests, approvals and mandates.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceBuyerEvent")]
public sealed record SpaceBuyerEvent(SpaceBuyerStep Step, Guid ActorId, DateTimeOffset At);

/// <summary>A buyer's standing in a space: approval (null before it ever asked), whether its mandate is live, and the history.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceBuyerSnapshot")]
public sealed record SpaceBuyerSnapshot(
    Guid SpaceId,
    Guid BuyerId,
    BuyerApproval? Approval,
    bool Mandated,
    SpaceBuyerEvent[] History,
    int Version)
{
    /// <summary>True when the buyer once mandated the space's admins and has revoked it since.</summary>
    public bool MandateRevoked => !Mandated && History.Any(e => e.Step == SpaceBuyerStep.MandateGranted);
}
