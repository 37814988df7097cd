using Marketplace.Conversations;
using Marketplace.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A message of an alliance's conversation: in the general thread (<see cref="PackageId"/> null) or a work package's,
/// who wrote it for which firm, and when (the client shows the time in Italy).
/// </summary>
public sealed record ThreadMessageDto(
    Guid Id, Guid AllianceId, Guid? PackageId, Guid AuthorId, string AuthorName, Guid FirmId, string FirmName, string Text, DateTimeOffset At);

/// <summary>How many messages a thread holds and when the last was written; the general thread has no package.</summary>
public sealed record ThreadSummaryDto(Guid? PackageId, int Messages, DateTimeOffset LastAt);

/// <summary>
/// A page of one thread, newest first; <see cref="Older"/> is what to pass as <c>before</c> for the page before it
/// (null when there is none). <see cref="Threads"/> names every thread of the alliance that holds a message.
/// </summary>
public sealed record ThreadPageDto(ThreadMessageDto[] Messages, long? Older, ThreadSummaryDto[] Threads);

/// <summary>A message to write; <see cref="FirmId"/> may be left out by a person who writes for only one of the alliance's firms.</summary>
public sealed record PostMessageRequest(Guid? FirmId, Guid? PackageId, [LongText] string? Text);

internal static class ConversationDtos
{
    /// <summary>The messages with the names of their authors and firms, read in two queries.</summary>
    public static async Task<ThreadMessageDto[]> Of(IReadOnlyCollection<ThreadMessage> messages, MarketplaceDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().PeopleOf(messages.Select(m => m.AuthorId), ct);
        var firmIds = messages.Select(m => m.FirmId).Distinct().ToList();
        var firms = await db.Directory.AsNoTracking().Where(d => firmIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        return [.. messages.Select(m => new ThreadMessageDto(m.Id, m.AllianceId, m.PackageId, m.AuthorId, people.NameOf(m.AuthorId), m.FirmId,
            firms.GetValueOrDefault(m.FirmId, ""), m.Text, m.At))];
    }
}
