using Marketplace.Data;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The one home of what the association's outcome measures count (<see cref="OutcomeMeasure"/>), computed from the
/// platform's records each time they are asked, never from counters that could drift from them. A period is
/// [from, to): a quarter's start to its end, or to now for the quarter under way.
/// <para>Sealed information never counts before it is public. A bid, and an alliance formed for a tender, count from
/// the moment the tender shows them: at once when the tender shows how many bids it has, otherwise once its bids are
/// opened (a tender cancelled before opening never shows them). Values count only from the award.</para>
/// </summary>
public sealed class OutcomeMeasures
{
    /// <summary>Amounts are in euro, the currency the platform's tenders are published in; an award in another currency is not added.</summary>
    public const string Currency = "EUR";

    readonly Dictionary<Guid, (DateTimeOffset At, bool Member)[]> memberships;
    readonly (DateTimeOffset FormedAt, bool Shown)[] alliances;
    readonly (Guid BidderId, bool Joint, DateTimeOffset ReceivedAt)[] bids;
    readonly (Guid TenderId, decimal Amount, DateTimeOffset At, Guid[] Firms)[] awards;
    readonly HashSet<Guid> inTerritory;

    /// <summary>Whether the space names a territory at all: without one, no share of value is kept in it.</summary>
    public bool HasTerritory { get; }

    OutcomeMeasures(Dictionary<Guid, (DateTimeOffset, bool)[]> memberships, (DateTimeOffset, bool)[] alliances,
        (Guid, bool, DateTimeOffset)[] bids, (Guid, decimal, DateTimeOffset, Guid[])[] awards, HashSet<Guid> inTerritory, bool hasTerritory)
    {
        (this.memberships, this.alliances, this.bids, this.awards, this.inTerritory, HasTerritory) =
            (memberships, alliances, bids, awards, inTerritory, hasTerritory);
    }

    /// <summary>A firm is a member at a moment when the last change of its standing before that moment made it one.</summary>
    bool MemberAt(Guid firm, DateTimeOffset at) =>
        memberships.TryGetValue(firm, out var changes) && changes.Where(c => c.At < at).Select(c => (bool?)c.Member).LastOrDefault() == true;

    /// <summary>The value of a measure over [from, to); null where it cannot be told (a share with nothing won, or no territory).</summary>
    public decimal? Of(OutcomeMeasure measure, DateTimeOffset from, DateTimeOffset to)
    {
        bool In(DateTimeOffset at) => at >= from && at < to;
        var won = awards.Where(a => In(a.At) && a.Firms.Any(f => MemberAt(f, a.At))).ToList();
        // A lot won by an RTI counts for each of its firms in equal parts: the bid the buyer opens names its firms, not
        // their shares (the work packages behind each firm's part stay the alliance's own), so no split is stated.
        IEnumerable<(Guid Firm, decimal Part)> MembersParts() => won.SelectMany(a => a.Firms
            .Where(f => MemberAt(f, a.At)).Select(f => (f, a.Amount / a.Firms.Length)));
        return measure switch
        {
            // Firms whose standing was Member at the end of the period (now, for the quarter under way).
            OutcomeMeasure.Members => memberships.Keys.Count(f => MemberAt(f, to)),
            // Alliances (RTI for a tender, or standing networks) formed in the space by their lead in the period.
            OutcomeMeasure.AlliancesFormed => alliances.Count(a => a.Shown && In(a.FormedAt)),
            // Bids of the space's alliances received in the period and still submitted (a withdrawn bid does not count;
            // one resubmitted counts once, at its last receipt).
            OutcomeMeasure.JointBids => bids.Count(b => b.Joint && In(b.ReceivedAt)),
            // Bids a member firm submitted alone, to any tender of the platform, received in the period and still submitted.
            OutcomeMeasure.SingleBids => bids.Count(b => !b.Joint && In(b.ReceivedAt) && MemberAt(b.BidderId, b.ReceivedAt)),
            // Tenders with at least one lot awarded in the period to a bid naming a member firm (alone or in an RTI).
            OutcomeMeasure.TendersWon => won.Select(a => a.TenderId).Distinct().Count(),
            // Lots awarded in the period to a bid naming a member firm.
            OutcomeMeasure.LotsWon => won.Count,
            // The member firms' parts of the prices of those lots.
            OutcomeMeasure.ValueWon => Math.Round(MembersParts().Sum(p => p.Part), 2),
            // Of that value, the percentage won by member firms whose seat (the comune on their profile) is in the
            // space's territory: one of its comuni, or a comune of one of its provinces.
            OutcomeMeasure.TerritoryShare => MembersParts().ToList() is var parts && parts.Sum(p => p.Part) is var total && total > 0 && HasTerritory
                ? Math.Round(parts.Where(p => inTerritory.Contains(p.Firm)).Sum(p => p.Part) * 100m / total, 1)
                : null,
            _ => throw new ArgumentOutOfRangeException(nameof(measure)),
        };
    }

    /// <summary>Firms that were not members at <paramref name="from"/> and are at <paramref name="to"/>: the members the space gained.</summary>
    public int Joined(DateTimeOffset from, DateTimeOffset to) => memberships.Keys.Count(f => !MemberAt(f, from) && MemberAt(f, to));

    /// <summary>Firms that were members at <paramref name="from"/> and are not at <paramref name="to"/>: the members the space lost.</summary>
    public int Left(DateTimeOffset from, DateTimeOffset to) => memberships.Keys.Count(f => MemberAt(f, from) && !MemberAt(f, to));

    /// <summary>
    /// Whether a target of <paramref name="quarter"/> was reached between <paramref name="from"/> and <paramref name="to"/>:
    /// the quarter's value is at or above it at <paramref name="to"/>, and was below it at <paramref name="from"/> (a check
    /// before the quarter began saw none of the quarter, so whatever the quarter reached since is news).
    /// </summary>
    public bool Reached(OutcomeMeasure measure, decimal target, Quarter quarter, DateTimeOffset from, DateTimeOffset to)
    {
        if (Of(measure, quarter.Start, to) is not { } now || now < target) return false;
        return from <= quarter.Start || Of(measure, quarter.Start, from) is not { } before || before < target;
    }

    /// <summary>Reads what the measures count for a space: its firms' standings, its alliances, their and its members' bids, their awards.</summary>
    public static async Task<OutcomeMeasures> Load(SpaceSnapshot space, MarketplaceDbContext db, CancellationToken ct)
    {
        var events = await db.SpaceMembershipEvents.AsNoTracking().Where(e => e.SpaceId == space.Id)
            .Select(e => new { e.BusinessId, e.Sequence, e.Status, e.At }).ToListAsync(ct);
        var memberships = events.GroupBy(e => e.BusinessId).ToDictionary(g => g.Key,
            g => g.OrderBy(e => e.At).ThenBy(e => e.Sequence).Select(e => (e.At, e.Status == MembershipStatus.Member)).ToArray());
        var firms = memberships.Keys.ToList();

        var allianceRows = await db.Alliances.AsNoTracking().Where(a => a.SpaceId == space.Id)
            .Select(a => new { a.AllianceId, a.TenderId, a.FormedAt }).ToListAsync(ct);
        var allianceIds = allianceRows.Select(a => a.AllianceId).ToList();

        var bidRows = await db.Bids.AsNoTracking()
            .Where(b => b.Status == BidStatus.Submitted && (allianceIds.Contains(b.BidderId) || firms.Contains(b.BidderId)))
            .Select(b => new { b.BidderId, b.TenderId, b.ReceivedAt }).ToListAsync(ct);

        var awardRows = await db.Awards.AsNoTracking()
            .Where(a => db.BidTenderers.Any(t => t.BidId == a.BidId && firms.Contains(t.FirmId)))
            .Select(a => new { a.TenderId, a.BidId, a.Amount, a.Currency, a.At }).ToListAsync(ct);
        var wonBids = awardRows.Select(a => a.BidId).Distinct().ToList();
        var tenderers = (await db.BidTenderers.AsNoTracking().Where(t => wonBids.Contains(t.BidId)).Select(t => new { t.BidId, t.FirmId }).ToListAsync(ct))
            .ToLookup(t => t.BidId, t => t.FirmId);

        var tenderIds = allianceRows.Select(a => a.TenderId).OfType<Guid>().Concat(bidRows.Select(b => b.TenderId)).Distinct().ToList();
        var shown = (await db.Tenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId))
            .Select(t => new { t.TenderId, t.Status, t.DisclosesBidCount }).ToListAsync(ct))
            .Where(t => t.DisclosesBidCount || BidsOpened(t.Status)).Select(t => t.TenderId).ToHashSet();

        var (comuni, provinces) = (space.Settings.TerritoryComuni, space.Settings.TerritoryProvinces);
        var inTerritory = (await db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)
                && ((d.ComuneCode != null && comuni.Contains(d.ComuneCode)) || (d.ProvinceSigla != null && provinces.Contains(d.ProvinceSigla))))
            .Select(d => d.BusinessId).ToListAsync(ct)).ToHashSet();

        return new OutcomeMeasures(memberships,
            [.. allianceRows.Where(a => a.FormedAt is not null).Select(a => (a.FormedAt!.Value, a.TenderId is not { } t || shown.Contains(t)))],
            [.. bidRows.Where(b => shown.Contains(b.TenderId)).Select(b => (b.BidderId, allianceIds.Contains(b.BidderId), b.ReceivedAt))],
            [.. awardRows.Where(a => a.Currency == Currency).Select(a => (a.TenderId, a.Amount, a.At, tenderers[a.BidId].ToArray()))],
            inTerritory, comuni.Length + provinces.Length > 0);
    }

    /// <summary>A tender whose bids have been opened: from then on, who bid is no secret.</summary>
    static bool BidsOpened(TenderStatus status) =>
        status is TenderStatus.Evaluation or TenderStatus.Awarded or TenderStatus.Unsuccessful or TenderStatus.Complete;
}
