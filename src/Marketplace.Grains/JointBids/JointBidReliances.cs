using System.Text.Json;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The joint bid's reliances (avvalimento) as its state keeps them beyond their declaration (<see cref="RelianceRules"/>):
/// each auxiliary's commitment to exactly the reliance and its avvalimento contract, what the auxiliary's people see,
/// and the reliances as sealed with the bid.
/// </summary>
public static class JointBidReliances
{
    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    /// <summary>The bid's document the reliance names as its avvalimento contract, while the bid carries it.</summary>
    public static DocumentRef? Contract(this JointBidState bid, Lending r) =>
        r.ContractId is { } id ? bid.Documents.FirstOrDefault(d => d.Document.Id == id)?.Document : null;

    /// <summary>
    /// What the auxiliary signs: SHA-256 of the reliance (this bid's, field by field) with its contract's own SHA-256, so
    /// a change of what is lent, to whom, in which lot, or of the contract's file makes it another digest. None without a
    /// contract: the auxiliary commits under a contract.
    /// </summary>
    public static string? CommitmentDigest(this JointBidState bid, Lending r) =>
        bid.Contract(r) is not { } contract ? null
        : AuditChain.Sha256Hex(JsonSerializer.Serialize(new
        {
            bid.AllianceId, bid.TenderId, r.Lot, r.AuxiliaryId, r.RelyingFirmId, r.Kind, r.Category, r.Class, r.Amount,
            Contract = new { contract.Id, contract.Sha256 },
        }, Canonical));

    /// <summary>Each reliance with where it stands: the auxiliary's answer counts only for the digest it answered.</summary>
    public static RelianceStanding[] Standings(this JointBidState bid) =>
        [.. bid.Reliances.Select(r =>
        {
            var digest = bid.CommitmentDigest(r);
            var answer = digest is null ? null : bid.AuxiliaryAnswers.LastOrDefault(a => a.AuxiliaryId == r.AuxiliaryId && a.Digest == digest);
            var status = digest is null ? RelianceStatus.NoContract
                : answer is null ? RelianceStatus.Awaiting
                : answer.Committed ? RelianceStatus.Committed : RelianceStatus.Declined;
            return new RelianceStanding(r, bid.Contract(r), digest, status, answer);
        })];

    /// <summary>
    /// A submission waits for every auxiliary's commitment to its reliance as it stands (D.Lgs. 36/2023 art. 104: the
    /// auxiliary binds itself to the bidder and the buyer; docs/qualifications.md), each missing one named.
    /// </summary>
    public static IEnumerable<Problem> UncommittedReliances(this JointBidState bid) =>
        bid.Standings().Where(s => s.Status != RelianceStatus.Committed).Select(s => Problem.Conflict(RelianceRules.Uncommitted,
            ("auxiliary", bid.AuxiliaryNames.GetValueOrDefault(s.Reliance.AuxiliaryId, "")), ("lot", s.Reliance.Lot)));

    /// <summary>
    /// An auxiliary's answer: by an Owner or Manager of the auxiliary (<paramref name="editing"/>; any other person of it
    /// is refused before anything about the reliance is said), while the tender takes bids, to the reliance as it
    /// stands now (its digest) and once.
    /// </summary>
    public static Problem? CheckAnswer(this JointBidState bid, AnswerReliance command, IReadOnlyCollection<Guid> editing, TenderSnapshot? tender, DateTimeOffset now)
    {
        if (!editing.Contains(command.AuxiliaryId)) return Problem.Forbidden(RelianceRules.NotTheAuxiliary);
        if (TenderRules.BidsClosedAt(tender, now)) return Problem.Conflict(RelianceRules.Closed);
        var standing = bid.Standings().FirstOrDefault(s => s.Reliance.AuxiliaryId == command.AuxiliaryId && s.Digest == command.Digest);
        // Nothing to sign until a contract is attached; otherwise the digest read is no longer what the bid says.
        if (standing is null)
            return bid.Standings().Where(s => s.Reliance.AuxiliaryId == command.AuxiliaryId).All(s => s.Status == RelianceStatus.NoContract)
                ? Problem.Conflict(RelianceRules.NoContract) : Problem.Conflict(RelianceRules.CommitmentChanged);
        return standing.Answer is not null ? Problem.Conflict(RelianceRules.AlreadyAnswered) : null;
    }

    /// <summary>
    /// Keeps the answer and records it in the history (part of the tender's audit chain) by the digest answered. It
    /// changes nothing the bidding firms signed, so their sign-offs stand.
    /// </summary>
    public static void Answer(this JointBidState bid, AnswerReliance command, DateTimeOffset now)
    {
        bid.AuxiliaryAnswers.Add(new AuxiliaryAnswer(command.AuxiliaryId, command.Digest, command.Commit, command.ActorId, now));
        bid.Record(command.Commit ? "AuxiliaryCommitted" : "AuxiliaryDeclined", $"auxiliary={command.AuxiliaryId:N};digest={command.Digest}", now);
    }

    /// <summary>
    /// What the people of <paramref name="firms"/> (the auxiliaries they act for) see: the tender and their firms'
    /// reliances, never the price, the work, the quotas, the other firms' sign-offs or any other part of the bid.
    /// </summary>
    public static AuxiliaryView ViewFor(this JointBidState bid, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<Guid> editing, TenderSnapshot tender, DateTimeOffset now)
    {
        var lendings = bid.Standings().Where(s => firms.Contains(s.Reliance.AuxiliaryId)).ToArray();
        var lots = tender.Details.Lots.Where(l => lendings.Any(s => s.Reliance.Lot == l.Number)).ToArray();
        return new AuxiliaryView(bid.AllianceId, bid.TenderId, tender.Details.Title, lots, [.. editing.Where(firms.Contains)], lendings,
            !TenderRules.BidsClosedAt(tender, now), bid.SubmittedAsItIs);
    }

    /// <summary>One reliance as its auxiliary's page shows it (<see cref="ViewFor"/>), with whether the bid went in as it is.</summary>
    public readonly record struct LendingMark(Lending Reliance, string? Digest, RelianceStatus Status, bool Submitted);

    /// <summary>What the auxiliaries' pages and to-do lists show of the bid now.</summary>
    public static HashSet<LendingMark> LendingMarks(this JointBidState bid) =>
        [.. bid.Standings().Select(s => new LendingMark(s.Reliance, s.Digest, s.Status, bid.SubmittedAsItIs))];

    /// <summary>
    /// The auxiliaries whose page the change from <paramref name="before"/> altered (a reliance declared, changed or
    /// taken off, its contract, an answer, the submission): only they are told, and of nothing else of the bid.
    /// </summary>
    public static Guid[] LendingChanged(this JointBidState bid, HashSet<LendingMark> before)
    {
        var now = bid.LendingMarks();
        now.SymmetricExceptWith(before);
        return [.. now.Select(m => m.Reliance.AuxiliaryId).Distinct()];
    }

    /// <summary>The reliances as sealed, each with its auxiliary's commitment; none when the bid relies on no auxiliary, so its sealed form is unchanged.</summary>
    public static BidReliance[]? Sealed(this JointBidState bid) =>
        bid.Reliances.Count == 0 ? null
        : [.. bid.Standings().Select(s => new BidReliance(s.Reliance.Lot, s.Reliance.AuxiliaryId, s.Reliance.RelyingFirmId, s.Reliance.Kind,
            s.Reliance.Category, s.Reliance.Class, s.Reliance.Amount,
            s is { Status: RelianceStatus.Committed, Answer: { } a, Contract: { } c } ? new RelianceCommitment(s.Digest!, c, a.By, a.At) : null))];
}
