namespace Marketplace.Tenders;

/// <summary>
/// A notice in a firm's inbox (a published tender matching its capabilities in one of its spaces) with where the
/// tender stands now; the same for all of the firm's people, so it is kept in the firm's read cache. Whether it is
/// unread is the person's, worked out on each read.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.InboxNotice")]
public sealed record InboxNotice(Guid TenderId, string Title, DateTimeOffset At, TenderStatus Status, DateTimeOffset SubmissionDeadline);
