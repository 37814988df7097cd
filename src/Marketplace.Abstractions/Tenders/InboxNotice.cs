namespace Marketplace.Tenders;

/// <summary>
/// A notice in a firm's inbox (a published tender matching its capabilities in one of its spaces) with where the
/// tender stands now and the lots that match the firm; the same for all of the firm's people, so it is kept in the
/// firm's read cache. Whether it is unread is the person's, worked out on each read.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.InboxNotice")]
public sealed record InboxNotice(Guid TenderId, string Title, DateTimeOffset At, TenderStatus Status, DateTimeOffset SubmissionDeadline, InboxLot[] Lots);

/// <summary>A lot of a published tender that a firm's capabilities match, as its notice names it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.InboxLot")]
public sealed record InboxLot(int Number, string Title, Money? EstimatedValue, string? ComuneCode, string? ProvinceSigla);
