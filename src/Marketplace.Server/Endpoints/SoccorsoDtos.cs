using Marketplace.Tenders;

namespace Marketplace.Server.Endpoints;

/// <summary>The buyer asks an opened bid's bidder to complete a missing document or declaration by a deadline (5 to 10 days away).</summary>
public sealed record SoccorsoRequestBody(Guid BidId, [LongText] string? Subject, DateTimeOffset? Deadline);

/// <summary>The bidder's answer: a text and, optionally, a document its lead firm uploaded.</summary>
public sealed record SoccorsoAnswerBody([LongText] string? Text, Guid? Document);

/// <summary>The bidder's answer as the buyer and the bidder's people read it.</summary>
public sealed record SoccorsoAnswerDto(string Text, DocumentDto? Document, DateTimeOffset At);

/// <summary>
/// A soccorso istruttorio request, for the buyer and for the people of the bid's firms only: what is asked, by when,
/// and its status now (Open, Answered, Lapsed: the deadline passed with no answer, Withdrawn by the buyer).
/// </summary>
public sealed record SoccorsoDto(int Number, Guid BidId, Guid BidderId, string Subject, DateTimeOffset Deadline, DateTimeOffset At,
    SoccorsoStatus Status, SoccorsoAnswerDto? Answer, DateTimeOffset? WithdrawnAt)
{
    public static SoccorsoDto From(SoccorsoRequest r, TenderSnapshot tender, DateTimeOffset now) =>
        new(r.Number, r.BidId, tender.Bids.Single(b => b.BidId == r.BidId).BidderId, r.Subject, r.Deadline, r.At, r.StatusAt(now),
            r.Answer is { } a ? new SoccorsoAnswerDto(a.Text, a.Document is { } d ? DocumentDto.From(d) : null, a.At) : null, r.WithdrawnAt);
}
