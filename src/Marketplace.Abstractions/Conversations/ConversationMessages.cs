namespace Marketplace.Conversations;

/// <summary>
/// One message of an alliance's conversation: in its general thread (<see cref="PackageId"/> and <see cref="Criterion"/>
/// null), in the thread of one work package of its joint bid, or in the thread of its answer to one of the tender's
/// quality criteria (<see cref="Criterion"/>, the criterion's number: the thread exists before the answer is written); written by a person (<see cref="AuthorId"/>) for one of the alliance's active
/// firms, naming (<see cref="Mentions"/>) people who read the conversation. Kept in the database, never in a grain's
/// state, so a long conversation costs no grain memory.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ThreadMessage")]
public sealed record ThreadMessage(Guid Id, Guid AllianceId, Guid? PackageId, Guid AuthorId, Guid FirmId, string Text, DateTimeOffset At, MessageMention[] Mentions,
    int? Criterion = null);

/// <summary>A person a message mentions, with the alliance's active firm through which they read the conversation.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.MessageMention")]
public sealed record MessageMention(Guid PersonId, Guid FirmId);

/// <summary>
/// A person writes in one of an alliance's threads for one of its active firms: <see cref="FirmId"/> may be left out
/// when they act for only one of them. <see cref="Mentions"/> names the people it mentions (ids, each one a person who
/// reads the conversation), who are told. A message names at most one subject: <see cref="PackageId"/> or
/// <see cref="Criterion"/> (neither: the general thread).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostThreadMessage")]
public sealed record PostThreadMessage(Guid AllianceId, Guid? FirmId, Guid? PackageId, string Text, Guid[] Mentions, int? Criterion = null);

/// <summary>
/// A person as the author of alliance messages, keyed by the person: their messages are written one at a time, so how
/// many they wrote in the last minute is counted exactly, whatever arrives at once.
/// </summary>
[Alias("Marketplace.IConversationAuthorGrain")]
public interface IConversationAuthorGrain : IGrainWithGuidKey
{
    /// <summary>The message as stored, after it was told live to the alliance's workspace; or why it was refused.</summary>
    [Alias("Post")] Task<Outcome<ThreadMessage>> Post(PostThreadMessage command);
}

/// <summary>The alliances' messages as stored.</summary>
public interface IThreadMessages
{
    /// <summary>Stores the message with its mentions and, in the same transaction, a notice to each person it mentions but its author.</summary>
    Task Add(ThreadMessage message, CancellationToken ct = default);

    /// <summary>How many messages the person wrote after a time (a message written at that instant is not counted), in any alliance.</summary>
    Task<int> WrittenSince(Guid authorId, DateTimeOffset since, CancellationToken ct = default);
}
