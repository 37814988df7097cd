using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

/// <summary>
/// Keeps a post's row and its interests' rows equal to its grain state, and writes the notices of a post that comes
/// onto the board (<see cref="TellMatching"/>).
/// </summary>
public sealed class BoardPostProjector(IOptions<TenderOptions> options) : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(PostState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        var id = grainId.GetGuidKey();
        var before = await db.BoardPosts.AsNoTracking().Where(x => x.PostId == id).Select(x => (PostStatus?)x.Status).SingleOrDefaultAsync(cancellationToken);
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
        if (post.Status == PostStatus.Open && (before is null or PostStatus.AwaitingApproval)
            && !await db.Notices.AnyAsync(n => n.PostId == id, cancellationToken))
            await TellMatching(db, post, options.Value.MatchDigits, cancellationToken);
    }

    /// <summary>
    /// Each person, in any role, of the space's member firms the post matches (<see cref="MatchingFirms"/>) may be told
    /// by e-mail (Notifications.NoticeSender decides how, by their settings). Written with the row that puts the post on the board (published,
    /// or approved where the space asks for approval), once per post: an edit approved again finds its notices written.
    /// </summary>
    static async Task TellMatching(MarketplaceDbContext db, PostState post, int digits, CancellationToken ct)
    {
        var members = await db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == post.SpaceId && m.Status == MembershipStatus.Member && m.BusinessId != post.PosterId)
            .Select(m => m.BusinessId).ToListAsync(ct);
        var matching = await MatchingFirms(db, post.PosterId, post.Details!.Cpv, members, digits, ct);
        var people = await db.BusinessMembers.AsNoTracking().Where(m => matching.Contains(m.BusinessId)).Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        db.Notices.AddRange(people.Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.BoardPost, BusinessId = p.BusinessId, PostId = post.Id, CreatedAt = post.UpdatedAt,
        }));
    }

    /// <summary>
    /// The firms among <paramref name="members"/> told of a post of <paramref name="posterId"/> naming <paramref name="cpv"/>:
    /// those its codes match by their capabilities, as the inbox matches a tender's lots (<see cref="BoardRules.Matches"/>),
    /// never the poster, nor a firm a block stands between with the poster (<see cref="FirmBlocks.Rule"/>: told unasked).
    /// The one home of who hears of a new post, live (the hub's notice) and by e-mail (<see cref="TellMatching"/>).
    /// </summary>
    public static async Task<List<Guid>> MatchingFirms(MarketplaceDbContext db, Guid posterId, IReadOnlyCollection<string> cpv, IEnumerable<Guid> members, int digits, CancellationToken ct)
    {
        var blocks = await db.FirmBlocks.Around(posterId, ct);
        var reached = members.Where(f => f != posterId && !blocks.Any(b => FirmBlocks.Keeps(b.BlockerId, b.BlockedId, posterId, [f], unasked: true))).ToList();
        var capabilities = (await db.BusinessCapabilities.AsNoTracking().Where(c => reached.Contains(c.BusinessId))
            .Select(c => new { c.BusinessId, c.CpvDigits }).ToListAsync(ct)).ToLookup(c => c.BusinessId, c => c.CpvDigits);
        return [.. reached.Where(f => BoardRules.Matches(cpv, [.. capabilities[f]], digits))];
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
