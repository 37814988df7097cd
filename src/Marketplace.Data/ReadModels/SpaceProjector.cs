using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>Keeps a space's list row equal to the space grain's state.</summary>
public sealed class SpaceProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(SpaceState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        var id = grainId.GetGuidKey();
        await db.Spaces.Where(x => x.SpaceId == id).ExecuteDeleteAsync(cancellationToken);
        if (state is not SpaceState { Exists: true } space) return;
        db.Spaces.Add(new SpaceEntry
        {
            SpaceId = id,
            HostId = space.HostId,
            Name = space.Settings.Name,
            Description = space.Settings.Description,
            Visibility = space.Settings.Visibility,
            PolicyVersion = space.Policy.Version,
            UpdatedAt = space.UpdatedAt,
        });
    }
}

/// <summary>Keeps a firm's standing row and its history rows equal to its membership grain's state.</summary>
public sealed class MembershipProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(MembershipState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        if (!grainId.TryGetGuidKey(out var spaceId, out var firmKey) || firmKey is null)
            throw new InvalidOperationException($"{grainId} is not a membership key.");
        var firmId = Guid.Parse(firmKey);
        // The firm's directory row first: a profile edit takes the same row first too, so the two never wait on each other in a cycle.
        var firm = await CurrentFacts(db, firmId, cancellationToken);
        var before = await db.SpaceMembers.AsNoTracking().Where(x => x.SpaceId == spaceId && x.BusinessId == firmId)
            .Select(x => new { x.Status, x.Since }).SingleOrDefaultAsync(cancellationToken);
        await db.SpaceMembers.Where(x => x.SpaceId == spaceId && x.BusinessId == firmId).ExecuteDeleteAsync(cancellationToken);
        await db.SpaceMembershipEvents.Where(x => x.SpaceId == spaceId && x.BusinessId == firmId).ExecuteDeleteAsync(cancellationToken);
        await db.QualificationChecks.Where(x => x.SpaceId == spaceId && x.BusinessId == firmId).ExecuteDeleteAsync(cancellationToken);
        if (state is not MembershipState { Standing: { } standing } membership) return;

        var row = new SpaceMemberEntry
        {
            SpaceId = spaceId,
            BusinessId = firmId,
            Status = standing.Status,
            AcceptedPolicyVersion = standing.AcceptedPolicyVersion,
            Message = standing.Message,
            Reason = standing.Reason,
            Since = standing.Since,
            VouchedSize = membership.Vouch?.Size,
            VouchedVatNumber = membership.Vouch?.VatNumber,
            VouchedAt = membership.Vouch?.At,
        };
        row.RefreshVerified(firm?.VatNumber, firm?.Size is { } size ? Enum.Parse<Marketplace.Businesses.FirmSize>(size) : null);
        db.SpaceMembers.Add(row);
        if (standing.Status == MembershipStatus.Invited && !(before?.Status == MembershipStatus.Invited && SameInstant(before.Since, standing.Since)))
            await TellInvited(db, firmId, standing.Since, cancellationToken);
        db.QualificationChecks.AddRange(membership.Checked.Select(v => new QualificationCheckEntry
        {
            SpaceId = spaceId, BusinessId = firmId, Category = v.Category, Digest = v.Digest, CheckedAt = v.At,
        }));
        db.SpaceMembershipEvents.AddRange(membership.History.Select((e, i) => new SpaceMembershipEventEntry
        {
            SpaceId = spaceId,
            BusinessId = firmId,
            Sequence = i,
            Status = e.Status,
            ActorId = e.ActorId,
            Reason = e.Reason,
            At = e.At,
        }));
    }

    /// <summary>
    /// Each Owner and Manager of a firm invited now (who answer it, as the to-do list shows it) may be told by e-mail
    /// (Notifications.NoticeSender decides how, by their settings): written with the row that makes it an invitation,
    /// once per invitation (a retried write finds the firm invited already). The notice is made at the invitation's
    /// time, which is how its reader finds the invitation (a notice has no space of its own).
    /// </summary>
    static async Task TellInvited(MarketplaceDbContext db, Guid firmId, DateTimeOffset since, CancellationToken ct)
    {
        var people = await db.BusinessMembers.AsNoTracking()
            .Where(m => m.BusinessId == firmId && (m.Role == Marketplace.Businesses.BusinessRole.Owner || m.Role == Marketplace.Businesses.BusinessRole.Manager))
            .Select(m => m.UserId).ToListAsync(ct);
        db.Notices.AddRange(people.Select(userId => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = userId, Kind = Notifications.NotificationKind.SpaceInvitation, BusinessId = firmId, CreatedAt = since,
        }));
    }

    /// <summary>Equal as stored: PostgreSQL keeps microseconds, the grain's clock has ticks.</summary>
    public static bool SameInstant(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < TimeSpan.FromMilliseconds(1);

    sealed record FirmFacts(string? VatNumber, string? Size);

    /// <summary>
    /// The firm's VAT number and size as committed now. On PostgreSQL the directory row is locked, so a profile edit
    /// of the same firm waits for this transaction and then refreshes the mark itself; if that edit committed first
    /// (it replaces the row), a second read sees its new row. Either way the verified mark cannot be left stale.
    /// SQLite runs one writer at a time, so there is nothing to lock.
    /// </summary>
    static async Task<FirmFacts?> CurrentFacts(MarketplaceDbContext db, Guid firmId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var firm = await db.Directory.AsNoTracking().Where(d => d.BusinessId == firmId)
                .Select(d => new { d.VatNumber, d.Size }).SingleOrDefaultAsync(ct);
            return firm is null ? null : new FirmFacts(firm.VatNumber, firm.Size?.ToString());
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var rows = await db.Database.SqlQuery<FirmFacts>(
                $"""SELECT "VatNumber", "Size" FROM directory WHERE "BusinessId" = {firmId} FOR UPDATE""").ToListAsync(ct);
            if (rows.Count > 0) return rows[0];
        }
        return null;
    }
}
