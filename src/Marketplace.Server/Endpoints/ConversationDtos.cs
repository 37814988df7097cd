using Marketplace.Tenders;
using Marketplace.Conversations;
using Marketplace.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A message of an alliance's conversation: in the general thread (<see cref="PackageId"/> and <see cref="Criterion"/>
/// null), a work package's or the thread of the joint bid's answer to quality criterion <see cref="Criterion"/>,
/// who wrote it for which firm, and when (the client shows the time in Italy), and whom it mentions (the client
/// highlights "@name" in the text for each).
/// </summary>
public sealed record ThreadMessageDto(
    Guid Id, Guid AllianceId, Guid? PackageId, Guid AuthorId, string AuthorName, Guid FirmId, string FirmName, string Text, DateTimeOffset At,
    ThreadMentionDto[] Mentions, int? Criterion);

/// <summary>A person a message mentions, by the name the conversation shows them.</summary>
public sealed record ThreadMentionDto(Guid UserId, string Name);

/// <summary>
/// A message of the alliance's conversation mentions the person told: where (the alliance, the thread: an answer's is
/// named by its criterion, <see cref="AnswerName"/>) and who wrote it.
/// </summary>
public sealed record MentionNoticeDto(Guid AllianceId, string AllianceName, Guid MessageId, Guid? PackageId, string AuthorName, string FirmName,
    int? Criterion, string? AnswerName);

/// <summary>A person who reads the alliance's conversation and may be mentioned in it, with the firm they read it for.</summary>
public sealed record ThreadPersonDto(Guid UserId, string Name, Guid FirmId, string FirmName);

/// <summary>How many messages a thread holds and when the last was written; the general thread has no package and no criterion.</summary>
public sealed record ThreadSummaryDto(Guid? PackageId, int Messages, DateTimeOffset LastAt, int? Criterion);

/// <summary>
/// A page of one thread, newest first; <see cref="Older"/> is what to pass as <c>before</c> for the page before it
/// (null when there is none). <see cref="Threads"/> names every thread of the alliance that holds a message.
/// </summary>
public sealed record ThreadPageDto(ThreadMessageDto[] Messages, long? Older, ThreadSummaryDto[] Threads);

/// <summary>
/// A message to write; <see cref="FirmId"/> may be left out by a person who writes for only one of the alliance's firms.
/// <see cref="Mentions"/> names the people it mentions (from <c>GET …/messages/people</c>); each is told. It goes in a
/// work package's thread (<see cref="PackageId"/>), an answer's (<see cref="Criterion"/>) or, with neither, the general one.
/// </summary>
public sealed record PostMessageRequest(Guid? FirmId, Guid? PackageId, [LongText] string? Text, Guid[]? Mentions = null, int? Criterion = null);

internal static class ConversationDtos
{
    /// <summary>The messages with the names of their authors, firms and the people they mention, read in two queries.</summary>
    public static async Task<ThreadMessageDto[]> Of(IReadOnlyCollection<ThreadMessage> messages, MarketplaceDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().PeopleOf(messages.Select(m => m.AuthorId).Concat(messages.SelectMany(m => m.Mentions.Select(x => x.PersonId))), ct);
        var firmIds = messages.Select(m => m.FirmId).Distinct().ToList();
        var firms = await db.Directory.AsNoTracking().Where(d => firmIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        return [.. messages.Select(m => new ThreadMessageDto(m.Id, m.AllianceId, m.PackageId, m.AuthorId, people.NameOf(m.AuthorId), m.FirmId,
            firms.GetValueOrDefault(m.FirmId, ""), m.Text, m.At, [.. m.Mentions.Select(x => new ThreadMentionDto(x.PersonId, people.NameOf(x.PersonId)))],
            m.Criterion))];
    }

    /// <summary>
    /// The names of the tender's quality criteria, by number: what names an answer's thread in a notice or an e-mail.
    /// Only the criteria's names, which every firm of the alliance reads on the tender's page; never the answers.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> AnswerNames(IGrainFactory grains, Guid? tenderId) =>
        tenderId is { } id && (await grains.Tender(id).Current()) is { } tender
            ? tender.Details.Criteria.Where(c => c.Kind == CriterionKind.Quality).ToDictionary(c => c.Number, c => c.Name)
            : new Dictionary<int, string>();
}
