namespace Marketplace.Tenders;

/// <summary>
/// The buyer asks the bidder of an opened bid (a firm alone, or the lead of an RTI) to complete a missing document or
/// declaration by <paramref name="Deadline"/> (soccorso istruttorio, art. 101 D.Lgs. 36/2023).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.RequestSoccorso")]
public sealed record RequestSoccorso(Guid ActorId, Guid BidId, string Subject, DateTimeOffset Deadline);

/// <summary>The buyer withdraws a request the bidder has not answered.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.WithdrawSoccorso")]
public sealed record WithdrawSoccorso(Guid ActorId, int Number);

/// <summary>
/// The bidder's answer to a request, given once by the Owners and Managers of its lead firm: a text and an optional
/// document uploaded by that firm. It never touches the sealed bid.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AnswerSoccorso")]
public sealed record AnswerSoccorso(Guid ActorId, Guid BidderId, int Number, string Text, DocumentRef? Document);

/// <summary>The bidder's answer, by whom and when.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SoccorsoAnswer")]
public sealed record SoccorsoAnswer(string Text, DocumentRef? Document, Guid By, DateTimeOffset At);

/// <summary>Where a request stands: open until its deadline, then lapsed with no answer; or answered, or withdrawn by the buyer.</summary>
[GenerateSerializer, Alias("Marketplace.SoccorsoStatus")]
public enum SoccorsoStatus
{
    Open,
    Answered,
    Lapsed,
    Withdrawn,
}

/// <summary>
/// A soccorso istruttorio request on an opened bid, numbered within its tender: what is asked, by when, and what
/// became of it. <paramref name="LapseRecorded"/> says the audit chain has recorded its lapse (dated at its deadline).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SoccorsoRequest")]
public sealed record SoccorsoRequest(int Number, Guid BidId, string Subject, DateTimeOffset Deadline, DateTimeOffset At,
    SoccorsoAnswer? Answer = null, DateTimeOffset? WithdrawnAt = null, bool LapseRecorded = false)
{
    /// <summary>The request's state at <paramref name="now"/>: an answer or a withdrawal stands; otherwise the clock decides.</summary>
    public SoccorsoStatus StatusAt(DateTimeOffset now) =>
        Answer is not null ? SoccorsoStatus.Answered
        : WithdrawnAt is not null ? SoccorsoStatus.Withdrawn
        : now >= Deadline ? SoccorsoStatus.Lapsed
        : SoccorsoStatus.Open;
}
