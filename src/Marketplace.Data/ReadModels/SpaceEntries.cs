using Marketplace.Spaces;

namespace Marketplace.Data.ReadModels;

/// <summary>A space as lists show it; written by <see cref="SpaceProjector"/> in the grain's own transaction.</summary>
public sealed class SpaceEntry
{
    public Guid SpaceId { get; set; }
    public Guid HostId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DirectoryVisibility Visibility { get; set; }
    public int PolicyVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A firm's standing in a space, for queries across firms (a space's directory, its admins' lists).</summary>
public sealed class SpaceMemberEntry
{
    public Guid SpaceId { get; set; }
    public Guid BusinessId { get; set; }
    public MembershipStatus Status { get; set; }
    public int? AcceptedPolicyVersion { get; set; }
    public string? Message { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset Since { get; set; }

    /// <summary>What the association vouched for; the mark shows while the firm's profile still says the same.</summary>
    public Marketplace.Businesses.FirmSize? VouchedSize { get; set; }
    public string? VouchedVatNumber { get; set; }
    public DateTimeOffset? VouchedAt { get; set; }

    /// <summary>The verified mark: kept by both projectors (a new vouch, a profile edit) so searches filter one column.</summary>
    public bool Verified { get; set; }

    /// <summary>The mark holds while the firm's profile says what the association vouched for.</summary>
    public void RefreshVerified(string? vatNumber, Marketplace.Businesses.FirmSize? size) =>
        Verified = VouchedVatNumber is not null && VouchedVatNumber == vatNumber && VouchedSize == size;

    /// <summary>
    /// The membership's state as far as its rules read it (the standing, what was vouched), so that a list judges
    /// what its viewer may do with each row by the commands' own rules without waking a grain per row. The row is
    /// written in the grain's own transaction, so it says what the grain says; who vouched is not kept here, and no
    /// rule reads it.
    /// </summary>
    public MembershipState ToState() => new()
    {
        SpaceId = SpaceId,
        FirmId = BusinessId,
        Standing = new SpaceMember(BusinessId, Status, AcceptedPolicyVersion, Message, Reason, Since),
        Vouch = VouchedVatNumber is { } vat && VouchedSize is { } size ? new Vouch(size, vat, Guid.Empty, VouchedAt ?? Since) : null,
    };
}

/// <summary>One change of a firm's standing, mirrored from its membership grain for the space's history view.</summary>
public sealed class SpaceMembershipEventEntry
{
    public long Id { get; set; }
    public Guid SpaceId { get; set; }
    public Guid BusinessId { get; set; }
    public int Sequence { get; set; }
    public MembershipStatus Status { get; set; }
    public Guid ActorId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
