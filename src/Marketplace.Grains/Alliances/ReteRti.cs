using Marketplace.Businesses;
using Marketplace.Tenders;

namespace Marketplace.Alliances;

/// <summary>
/// A standing alliance (rete d'impresa) bidding for a tender of its space: it forms an RTI in one step, led by its
/// lead, with its agreement as the RTI's first terms and each of its other active firms invited.
/// </summary>
/// <remarks>
/// The rete's firms are invited, never joined for them: the offer of an RTI not yet formed is signed by every firm
/// that will form it, each committing itself to give the lead its mandate (D.Lgs. 36/2023 art. 68, c. 1), and the
/// grouped firms answer jointly to the buyer. The rete's contract makes neither commitment for a tender in a firm's
/// place, so each firm's Owner or Manager accepts the RTI itself, from the firm's to-do list.
/// </remarks>
public static class ReteRti
{
    public static readonly Refusal
        NotARete = new("alliance.notARete", "This alliance is already an RTI for a tender: only a standing alliance (rete d'impresa) forms one."),
        ReteFirmInOne = new("alliance.reteFirmInOne", "{firm} is already in an alliance for this tender: a firm bids in one alliance per tender, so the network cannot form an RTI with it.");

    /// <summary>The firms the RTI would take in: the rete's lead first, then its other active firms that are members of the space.</summary>
    public static IEnumerable<AllianceMember> Firms(AllianceSnapshot rete, IReadOnlySet<Guid> inSpace) =>
        rete.Active.Where(m => m.FirmId == rete.LeadId || inSpace.Contains(m.FirmId)).OrderBy(m => m.Role);

    /// <summary>
    /// Whether the actor may have the rete form an RTI for the tender now. The actor comes before the rete's state: only
    /// its lead's Owners and Managers are told anything more. A tender that is not published in the rete's space is one
    /// answer whether or not it exists.
    /// </summary>
    /// <param name="leadInSpace">The rete's lead is a member of its space (a firm leads an alliance only there).</param>
    /// <param name="bidsClosed">The tender takes no more bids (<see cref="TenderRules.BidsClosedAt"/>), its deadline passed counting before it moves on.</param>
    /// <param name="firmInOne">The name of a rete firm the RTI would take in that is already active in an alliance for the tender, if any.</param>
    public static Problem? Check(ActingFor actor, AllianceSnapshot rete, bool leadInSpace, TenderSnapshot? tender, bool bidsClosed, string? firmInOne) =>
        !actor.Edits(rete.LeadId) ? Problem.Forbidden(AllianceState.NotTheLead)
        : rete.TenderId is not null ? Problem.Conflict(NotARete)
        : !leadInSpace ? Problem.Conflict(AllianceState.LeadNotInSpace)
        : tender is null || tender.Status == TenderStatus.Draft || !tender.Spaces.Contains(rete.SpaceId) ? Problem.NotFound(AllianceState.NoSuchTender)
        : bidsClosed || tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering) ? Problem.Conflict(AllianceState.TenderClosed)
        : firmInOne is not null ? Problem.Conflict(ReteFirmInOne, ("firm", firmInOne))
        : null;

    /// <summary>"{rete} – {tender}", cut to the name's limit (an ellipsis says it was cut).</summary>
    public static string Name(string rete, string tender)
    {
        var name = $"{rete.Trim()} – {tender.Trim()}";
        return name.Length <= AllianceState.MaxName ? name : name[..(AllianceState.MaxName - 1)].TrimEnd() + "…";
    }
}
