using Marketplace.Alliances;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The joint bid as each of its recent viewers was shown it (<see cref="JointBidGrain.Read"/>), kept by the bid's
/// activation: a page read still asks the alliance, the tender and whom the viewer acts for, and builds the bid again
/// only when one of them moved (issue #11: building it, every blocker with its text, was a fifth of the page's cost,
/// and the same object lets the API keep its JSON). A kept bid is shown again only while everything it was built from
/// is as it was: the stored bid (the same state at the same version), the alliance's and the tender's versions (each
/// moves with every change of theirs), the DGUEs read with it, the viewer and the firms they edit for, and the clock,
/// up to the next instant that could change what it says: a deadline of the tender, or the next whole UTC hour (the
/// Rome date a DGUE is judged current by turns at one).
/// </summary>
internal sealed class ShownJointBids
{
    /// <summary>Viewers kept at once: an alliance's people at work together; past this the oldest is forgotten.</summary>
    const int MostKept = 16;

    readonly List<Shown> kept = [];

    sealed record Shown(JointBidState Bid, int Version, int AllianceVersion, int? TenderVersion, JointActor Actor,
        IReadOnlyDictionary<Guid, DgueNow>? Dgues, DateTimeOffset Until, JointBidSnapshot Snapshot)
    {
        public bool ShowsAt(JointBidState bid, AllianceSnapshot alliance, TenderSnapshot? tender, JointActor actor, DateTimeOffset now) =>
            ReferenceEquals(Bid, bid) && Version == bid.Version && AllianceVersion == alliance.Version && TenderVersion == tender?.Version
            && now < Until && Actor.UserId == actor.UserId && Actor.Lead == actor.Lead && Actor.Firms.SequenceEqual(actor.Firms)
            && SameDgues(Dgues, bid.DguesNow);
    }

    /// <summary>The bid as <see cref="JointBidState.ToSnapshot"/> builds it for the viewer now, built again only when something it shows moved.</summary>
    public JointBidSnapshot For(JointBidState bid, JointActor actor, AllianceSnapshot alliance, TenderSnapshot? tender, DateTimeOffset now)
    {
        foreach (var shown in kept)
            if (shown.ShowsAt(bid, alliance, tender, actor, now)) return shown.Snapshot;
        var snapshot = bid.ToSnapshot(actor, alliance, tender, now);
        kept.RemoveAll(s => s.Actor.UserId == actor.UserId || !ReferenceEquals(s.Bid, bid) || s.Version != bid.Version);
        if (kept.Count >= MostKept) kept.RemoveAt(0);
        kept.Add(new Shown(bid, bid.Version, alliance.Version, tender?.Version, actor, bid.DguesNow, Until(tender, now), snapshot));
        return snapshot;
    }

    /// <summary>Called with every change of the bid, stored or not: nothing kept is shown again.</summary>
    public void Forget() => kept.Clear();

    /// <summary>The next instant after <paramref name="now"/> at which the bid could read differently with nothing else changed.</summary>
    static DateTimeOffset Until(TenderSnapshot? tender, DateTimeOffset now)
    {
        var nextHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);
        if (tender is null) return nextHour;
        DateTimeOffset[] turns = [tender.Details.EnquiryDeadline, tender.Details.SubmissionDeadline, nextHour];
        return turns.Where(t => t > now).Min();
    }

    static bool SameDgues(IReadOnlyDictionary<Guid, DgueNow>? kept, IReadOnlyDictionary<Guid, DgueNow>? now) =>
        kept is null || now is null ? kept is null && now is null
        : kept.Count == now.Count && kept.All(d => now.TryGetValue(d.Key, out var n) && n == d.Value);
}
