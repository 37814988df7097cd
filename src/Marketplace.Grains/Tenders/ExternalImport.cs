using System.Globalization;
using Marketplace.Spaces;

namespace Marketplace.Tenders;

/// <summary>
/// External opportunities: tenders published on the buyer's own platform, imported from their open data (OCDS) by a
/// space's admins. They are tenders like any other for the firms (inbox, alliances, joint bids), except that no bid or
/// question is taken here, no one here acts for their buyer, and at the deadline they close (their bids went elsewhere).
/// </summary>
public sealed partial class TenderState
{
    /// <summary>
    /// What makes an external opportunity's details valid, for the import's check of a whole package before anything
    /// is applied and for the tender's own check when it is applied: a tender's rules (<see cref="TenderRules.Normalize"/>),
    /// and a submission deadline still to come.
    /// </summary>
    public static Outcome<TenderDetails> CheckExternalDetails(TenderDetails raw, TenderDetails? previous, DateTimeOffset now)
    {
        var details = TenderRules.Normalize(raw, previous);
        if (details.Problem is { } no) return no;
        return details.Value!.SubmissionDeadline <= now ? Problem.Invalid("submissionDeadline", SubmissionFuture) : details;
    }

    public static readonly Refusal SubmissionFuture = new("tender.submissionFuture", "The submission deadline is in the future.");

    /// <summary>
    /// Only the space's admins import into it, checked before anything about the tender. An ocid's id is its own (a
    /// name-based id), so a tender published here is never reached; were it, the import is refused rather than change it.
    /// </summary>
    public Outcome<TenderDetails> CheckImport(Guid id, ImportOpportunity command, bool actorIsAdmin, DateTimeOffset now)
    {
        if (!actorIsAdmin) return Problem.Forbidden(SpaceState.NotAdmin);
        if (id != ExternalOpportunities.TenderId(command.SpaceId, command.Ocid) || Exists && (External is null || !Spaces.Contains(command.SpaceId)))
            return Problem.Conflict(NotExternal);
        if (command.LotIds.Length != command.Details.Lots.Length || command.LotIds.Distinct().Count() != command.LotIds.Length)
            return Problem.Invalid("lotIds", TenderRules.LotNumber);
        // A lot the publisher names again keeps its number here, so work packages, notices and alliances still mean it.
        var known = External?.Lots.ToDictionary(l => l.Id, l => l.Number) ?? [];
        var current = Details?.Lots.Select(l => l.Number).ToHashSet() ?? [];
        var lots = command.Details.Lots.Select((lot, i) =>
            known.TryGetValue(command.LotIds[i], out var number) && current.Contains(number) ? lot with { Number = number } : lot with { Number = 0 });
        // Its one criterion stays the same criterion (a new one would take the next number at every import).
        var criteria = command.Details.Criteria.Select((c, i) => Details?.Criteria.ElementAtOrDefault(i) is { } was ? c with { Number = was.Number } : c);
        return CheckExternalDetails(command.Details with { Lots = [.. lots], Criteria = [.. criteria] }, Details, now);
    }

    /// <summary>Whether applying <paramref name="details"/> changes anything: a package saying what the opportunity says already writes nothing.</summary>
    public bool ImportChanges(ImportOpportunity command, TenderDetails details) =>
        !Exists || BidSeal.Digest(Details!) != BidSeal.Digest(details) || External!.BuyerName != command.BuyerName || External.Url != command.Url
        || External.Publisher != command.Publisher || Status == TenderStatus.Complete;

    /// <summary>
    /// Creates the opportunity, published at once (it is a public notice already), or updates it as an amendment. It is
    /// open for bids elsewhere from the end of its enquiry period to its deadline; one closed here whose deadline the
    /// publisher moved on is open again.
    /// </summary>
    public void Import(Guid id, ImportOpportunity command, TenderDetails details, DateTimeOffset now)
    {
        var created = !Exists;
        var lots = (External?.Lots ?? []).ToDictionary(l => l.Id, l => l.Number);
        for (var i = 0; i < details.Lots.Length; i++) lots[command.LotIds[i]] = details.Lots[i].Number;
        External = new ExternalSource(command.Ocid, command.BuyerName, command.Url, command.Publisher,
            [.. lots.Select(l => new ExternalLot(l.Key, l.Value)).OrderBy(l => l.Number)], command.ActorId);
        var material = !created && TenderRules.IsMaterial(Terms, details);
        Details = details;
        Status = now < details.EnquiryDeadline ? TenderStatus.Enquiries : TenderStatus.Tendering;
        if (created)
        {
            Id = id;
            CreatedBy = command.ActorId;
            Spaces = [command.SpaceId];
            PublishedAt = now;
            Record("Published", Detail(("ocid", command.Ocid), ("release", command.Release), ("details", BidSeal.Digest(details))), now);
            return;
        }
        // The summary is the publisher's release that changed it: the amendment's words are the publisher's, not ours.
        Amendments.Add(new Amendment(Amendments.Count + 1, command.Release, material, details.SubmissionDeadline, now));
        Record(AmendedEvent, Detail(("number", Amendments.Count.ToString(CultureInfo.InvariantCulture)), ("material", material ? "yes" : "no"),
            ("release", command.Release), ("details", BidSeal.Digest(details))), now);
    }
}
