using Marketplace.Conversations;
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
    public Guid AuthorId { get; set; }
    public Guid FirmId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }

    public ThreadMessage ToMessage() => new(Id, AllianceId, PackageId, AuthorId, FirmId, Text, At);
}

public sealed class EfThreadMessages(IServiceScopeFactory scopes) : IThreadMessages
{
    public async Task Add(ThreadMessage message, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        db.ThreadMessages.Add(new ThreadMessageEntry
        {
            Id = message.Id, AllianceId = message.AllianceId, PackageId = message.PackageId, AuthorId = message.AuthorId,
            FirmId = message.FirmId, Text = message.Text, At = message.At,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> WrittenSince(Guid authorId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.ThreadMessages.CountAsync(m => m.AuthorId == authorId && m.At > since, ct);
    }
}
