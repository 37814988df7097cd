using Marketplace.Conversations;
using Marketplace.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Data.Conversations;

/// <summary>
/// A message of an alliance's conversation as stored. <see cref="Seq"/>, given by the database, orders a thread and
/// pages it ("older than this one"), which times cannot do alone: two messages may carry the same instant.
/// </summary>
public sealed class ThreadMessageEntry
{
    public long Seq { get; set; }
    public Guid Id { get; set; }
    public Guid AllianceId { get; set; }
    /// <summary>The work package whose thread it is in; null for the alliance's general thread.</summary>
    public Guid? PackageId { get; set; }
    /// <summary>The tender's quality criterion whose answer's thread it is in; null outside an answer's thread.</summary>
    public int? Criterion { get; set; }
    public Guid AuthorId { get; set; }
    public Guid FirmId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }

    public ThreadMessage ToMessage(MessageMention[] mentions) => new(Id, AllianceId, PackageId, AuthorId, FirmId, Text, At, mentions, Criterion);
}

/// <summary>
/// A person a message mentions, stored with it: who (<see cref="UserId"/>), through which of the alliance's active firms
/// they read it, the notice that tells them (none for the author's own name) and when they saw the message on its page
/// (then the notice is stale and sends no e-mail).
/// </summary>
public sealed class ThreadMentionEntry
{
    public Guid MessageId { get; set; }
    public Guid UserId { get; set; }
    public Guid AllianceId { get; set; }
    public Guid FirmId { get; set; }
    public Guid? NoticeId { get; set; }
    public DateTimeOffset? SeenAt { get; set; }
}

public static class ThreadMentionQueries
{
    /// <summary>The mentions of the messages, by message, in one query.</summary>
    public static async Task<Dictionary<Guid, MessageMention[]>> Of(this IQueryable<ThreadMentionEntry> mentions, IReadOnlyCollection<Guid> messageIds, CancellationToken ct)
    {
        var rows = await mentions.AsNoTracking().Where(m => messageIds.Contains(m.MessageId)).ToListAsync(ct);
        return rows.GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.Select(m => new MessageMention(m.UserId, m.FirmId)).ToArray());
    }

    /// <summary>The person has seen these messages on their page: their mentions in them have nothing more to tell by e-mail.</summary>
    public static Task<int> MarkSeen(this IQueryable<ThreadMentionEntry> mentions, Guid userId, IReadOnlyCollection<Guid> messageIds, DateTimeOffset at, CancellationToken ct) =>
        messageIds.Count == 0 ? Task.FromResult(0)
            : mentions.Where(m => m.UserId == userId && messageIds.Contains(m.MessageId) && m.SeenAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SeenAt, at), ct);
}

public sealed class EfThreadMessages(IServiceScopeFactory scopes) : IThreadMessages
{
    public async Task Add(ThreadMessage message, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        db.ThreadMessages.Add(new ThreadMessageEntry
        {
            Id = message.Id, AllianceId = message.AllianceId, PackageId = message.PackageId, Criterion = message.Criterion, AuthorId = message.AuthorId,
            FirmId = message.FirmId, Text = message.Text, At = message.At,
        });
        // One notice per mention, in the message's own transaction: a notice exists exactly when its message was stored.
        foreach (var mention in message.Mentions)
        {
            var notice = mention.PersonId == message.AuthorId ? null : new PendingNotice
            {
                Id = Guid.NewGuid(), UserId = mention.PersonId, Kind = NotificationKind.Mention, BusinessId = mention.FirmId, AllianceId = message.AllianceId,
                CreatedAt = message.At,
            };
            if (notice is not null) db.Notices.Add(notice);
            db.ThreadMentions.Add(new ThreadMentionEntry
            {
                MessageId = message.Id, UserId = mention.PersonId, AllianceId = message.AllianceId, FirmId = mention.FirmId, NoticeId = notice?.Id,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> WrittenSince(Guid authorId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.ThreadMessages.CountAsync(m => m.AuthorId == authorId && m.At > since, ct);
    }
}
