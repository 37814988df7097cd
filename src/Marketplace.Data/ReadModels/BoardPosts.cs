using Marketplace.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>A notice-board post as the board lists it and the counts read it.</summary>
public sealed class BoardPostEntry
{
    public Guid PostId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid PosterId { get; set; }
    public PostKind Kind { get; set; }
    public PostStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>The CPV codes, each with a space before and after (" 45210000 45310000 "), so a division is found by " 45".</summary>
    public required string Cpv { get; set; }
    public required string ComuneCode { get; set; }
    public decimal? ValueAmount { get; set; }
    public string? ValueCurrency { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public Guid? TenderId { get; set; }
    public Guid? AllianceId { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public int Version { get; set; }
    public int Interests { get; set; }

    public string[] Codes => Cpv.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A firm's interest in a post, as the board shows the interested firm its own and the counts read them.</summary>
public sealed class BoardInterestEntry
{
    public Guid PostId { get; set; }
    public Guid FirmId { get; set; }
    public InterestStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Keeps a post's row and its interests' rows equal to its grain state.</summary>
public sealed class BoardPostProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(PostState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        var id = grainId.GetGuidKey();
        await db.BoardPosts.Where(x => x.PostId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BoardInterests.Where(x => x.PostId == id).ExecuteDeleteAsync(cancellationToken);
        if (state is not PostState { Exists: true } post) return;
        var d = post.Details!;
        db.BoardPosts.Add(new BoardPostEntry
        {
            PostId = id, SpaceId = post.SpaceId, PosterId = post.PosterId, Kind = d.Kind, Status = post.Status, Title = d.Title, Text = d.Text,
            Cpv = $" {string.Join(' ', d.Cpv)} ", ComuneCode = d.ComuneCode, ValueAmount = d.Value?.Amount, ValueCurrency = d.Value?.Currency,
            ExpiresOn = d.ExpiresOn, ExpiresAt = post.ExpiresAt, TenderId = d.TenderId, AllianceId = post.AllianceId, PostedAt = post.PostedAt,
            Version = post.Version, Interests = post.Interests.Count,
        });
        db.BoardInterests.AddRange(post.Interests.Select(i => new BoardInterestEntry { PostId = id, FirmId = i.FirmId, Status = i.Status, At = i.At }));
    }
}

/// <summary>The posts a firm published since a time, counted from the read model its posts write in their own transaction.</summary>
public sealed class EfBoardPosts(IServiceScopeFactory scopes) : IBoardPosts
{
    public async Task<int> PublishedSince(Guid firmId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.BoardPosts.CountAsync(p => p.PosterId == firmId && p.PostedAt >= since, ct);
    }
}
