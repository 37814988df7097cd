using Marketplace.Alliances;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>An alliance as lists show it.</summary>
public sealed class AllianceEntry
{
    public Guid AllianceId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid? TenderId { get; set; }
    /// <summary>The rete d'impresa (standing alliance) that formed this RTI, so the rete's page lists its RTIs; null when a lead formed it.</summary>
    public Guid? FormedFrom { get; set; }
    public required string Name { get; set; }
    public Guid LeadId { get; set; }
    /// <summary>When its lead formed it; null only in a row stored before it was kept, until the start-up back-fill (<see cref="AllianceBackfill"/>).</summary>
    public DateTimeOffset? FormedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A firm's standing in an alliance: who may see it, and whose live connections follow it.</summary>
public sealed class AllianceMemberEntry
{
    public Guid AllianceId { get; set; }
    public Guid FirmId { get; set; }
    public AllianceRole Role { get; set; }
    public AllianceStanding Standing { get; set; }
}

/// <summary>
/// Keeps an alliance's rows equal to its grain state. An alliance formed for a tender writes its changes into
/// that tender's audit chain too (under its own id, shown like bids: only once the bids are opened).
/// </summary>
public sealed class AllianceProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(AllianceState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken ct)
    {
        if (state is not AllianceState { Exists: true } alliance) return;
        var snapshot = alliance.ToSnapshot();
        var wasInvited = await db.AllianceMembers.Where(a => a.AllianceId == alliance.Id && a.Standing == AllianceStanding.Invited).Select(a => a.FirmId).ToListAsync(ct);
        await db.Alliances.Where(a => a.AllianceId == alliance.Id).ExecuteDeleteAsync(ct);
        await db.AllianceMembers.Where(a => a.AllianceId == alliance.Id).ExecuteDeleteAsync(ct);
        db.Alliances.Add(new AllianceEntry
        {
            AllianceId = alliance.Id, SpaceId = alliance.SpaceId, TenderId = alliance.TenderId, FormedFrom = alliance.FormedFrom, Name = alliance.Name, LeadId = snapshot.LeadId, FormedAt = alliance.CreatedAt,
            Version = alliance.Version, UpdatedAt = alliance.UpdatedAt,
        });
        db.AllianceMembers.AddRange(alliance.Members.Select(m => new AllianceMemberEntry { AllianceId = alliance.Id, FirmId = m.FirmId, Role = m.Role, Standing = m.Standing }));
        await TellInvited(db, alliance, [.. alliance.Members.Where(m => m.Standing == AllianceStanding.Invited && !wasInvited.Contains(m.FirmId))], ct);
        // A firm that left or was removed no longer binds itself to the joint bid's lots (its signature is void).
        var active = snapshot.Active.Select(m => m.FirmId).ToList();
        await db.JointSignOffs.Where(s => s.AllianceId == alliance.Id && !active.Contains(s.FirmId)).ExecuteDeleteAsync(ct);
        if (alliance.TenderId is not { } tenderId) return;
        var subject = AuditChain.AllianceSubject(alliance.Id);
        var unchained = await TenderLedger.Unchained(db, tenderId, subject,
            [.. alliance.History.Select(e => new AuditEvent(e.Sequence, e.Kind, $"firm={e.FirmId:N}", e.At))], ct);
        if (await TenderLedger.Lock(db, tenderId, ct) is { } tender) TenderLedger.Chain(db, tender, subject, unchained);
    }

    /// <summary>
    /// Each Owner and Manager of a firm invited now (the people who answer it, as the to-do list shows it) may be told
    /// by e-mail (Notifications.NoticeSender decides how, by their settings): written with the rows that make it an
    /// invitation, so a notice exists exactly when the invitation was stored, once per invitation (a retried write
    /// finds the firm already invited).
    /// </summary>
    static async Task TellInvited(MarketplaceDbContext db, AllianceState alliance, List<AllianceMember> invited, CancellationToken ct)
    {
        if (invited.Count == 0) return;
        var firms = invited.Select(m => m.FirmId).ToList();
        var people = await db.BusinessMembers.AsNoTracking()
            .Where(m => firms.Contains(m.BusinessId) && (m.Role == Businesses.BusinessRole.Owner || m.Role == Businesses.BusinessRole.Manager))
            .Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        db.Notices.AddRange(people.Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.AllianceInvitation, BusinessId = p.BusinessId,
            AllianceId = alliance.Id, TenderId = alliance.TenderId, CreatedAt = invited.First(m => m.FirmId == p.BusinessId).Since,
        }));
    }
}

/// <summary>
/// The <see cref="ITenderAlliances"/> port on the alliances' rows. <see cref="AllianceProjector"/> writes them in the
/// same transaction as the alliance grain's state, so an alliance formed or joined is counted on the next call.
/// </summary>
public sealed class EfTenderAlliances(IServiceScopeFactory scopes) : ITenderAlliances
{
    public async Task<IReadOnlySet<Guid>> InOne(Guid tenderId, IReadOnlyCollection<Guid> firms, CancellationToken ct = default)
    {
        if (firms.Count == 0) return new HashSet<Guid>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var alliances = db.Alliances.Where(a => a.TenderId == tenderId).Select(a => a.AllianceId);
        return (await db.AllianceMembers.AsNoTracking()
            .Where(m => alliances.Contains(m.AllianceId) && m.Standing == AllianceStanding.Active && firms.Contains(m.FirmId))
            .Select(m => m.FirmId).Distinct().ToListAsync(ct)).ToHashSet();
    }
}

/// <summary>
/// A joint bid has no list of its own; its changes go into its tender's audit chain, like the alliance's, and the
/// files attached to its draft are sealed with the tender's key. Its live
/// sign-offs bind each signing firm to the bid's lots (<see cref="Marketplace.Tenders.OneBidPerLot"/>): a firm that signs is refused, under
/// the tender's lock, when it is already bound to one of those lots elsewhere.
/// </summary>
public sealed class JointBidProjector(Storage.StateSealer sealer) : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(JointBids.JointBidState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken ct)
    {
        if (state is not JointBids.JointBidState { Version: > 0 } bid) return;
        var subject = AuditChain.JointBidSubject(bid.AllianceId);
        var unchained = await TenderLedger.Unchained(db, bid.TenderId, subject, bid.History, ct);
        await sealer.SealDocuments(db, bid.TenderId, bid.Documents.Select(d => d.Document.Id), ct);
        // The grain lets go of the changes once stored (JointBidState.Chained): a write that could not chain them must not store.
        var tender = await TenderLedger.Lock(db, bid.TenderId, ct)
            ?? throw new InvalidOperationException($"The tender {bid.TenderId} of the joint bid of {bid.AllianceId} has no row: its changes cannot be chained.");
        var digest = bid.Digest;
        var lots = bid.LotPrices().Select(l => l.Lot).ToList();
        var signers = bid.SignOffs.Where(s => s.Digest == digest).Select(s => s.FirmId).Distinct().ToList();
        var bound = await db.JointSignOffs.Where(s => s.AllianceId == bid.AllianceId).Select(s => s.FirmId).Distinct().ToListAsync(ct);
        // Only a firm signing now is checked: those already bound were checked when they signed, and every other binding
        // of theirs to these lots has been refused since.
        foreach (var firm in signers.Except(bound))
            if (await LotBindings.BoundLot(db, bid.TenderId, bid.AllianceId, [firm], lots, ct) is { } lot) throw BidNotStoredException.SignOffClash(lot);
        await db.JointSignOffs.Where(s => s.AllianceId == bid.AllianceId).ExecuteDeleteAsync(ct);
        db.JointSignOffs.AddRange(signers.SelectMany(firm => lots.Select(lot => new JointSignOffEntry { AllianceId = bid.AllianceId, TenderId = bid.TenderId, FirmId = firm, Lot = lot })));
        await BidShares.Submitted(db, bid, unchained, ct);
        TenderLedger.Chain(db, tender, subject, unchained);
        await SignOffNotices.Add(db, bid, unchained, signers, ct);
        await RelianceEntries.Project(db, bid, bid.History.Count > 0 ? bid.History.Max(e => e.At) : bid.UpdatedAt, ct);
    }
}
