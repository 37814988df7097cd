using System.Linq.Expressions;

namespace Marketplace.Businesses;

/// <summary>
/// The one home of blocking a firm's messages (issue #15's "block a firm's messages"). An Owner or Manager of a firm
/// blocks another firm; from then on:
/// <list type="bullet">
/// <item>the blocked firm's people do not see the blocking firm's posts on the boards nor express interest in them: to
/// them such a post answers as any post they may not see (404 <c>board.notFound</c>), which is true and invites nothing,
/// since posts also leave the board when hidden, closed or expired;</item>
/// <item>the blocking firm's people are not told of the blocked firm's posts (the live notice, the inbox of the boards),
/// and the blocked firm's people are not told of the blocking firm's.</item>
/// </list>
/// <item>an invitation into an alliance led by a firm the invited firm blocked (or that blocked it) is stored and
/// shown pending to the inviter, but not told to the invited firm: no to-do row, no listing, no live notice, no e-mail,
/// until the block is lifted (refusing it would reveal the block).</item>
/// </list>
/// An alliance's conversation is not blocked: both firms chose to be in that alliance, and leaving it is their answer.
/// </summary>
public static class FirmBlocks
{
    /// <summary>How many firms one firm blocks at most.</summary>
    public const int Max = 200;

    public static readonly Refusal
        Self = new("block.self", "A firm cannot block itself."),
        NotAFirm = new("block.notAFirm", "Only another firm of the directory can be blocked."),
        TooMany = new("block.tooMany", "A firm blocks at most {max} firms: unblock some first.");

    /// <summary>Why <paramref name="firmId"/> cannot be blocked by <paramref name="blockerId"/>, holding <paramref name="count"/> blocks; null when it can.</summary>
    public static Problem? CheckBlock(Guid blockerId, Guid firmId, bool firmIsFirm, IReadOnlyCollection<FirmBlock> blocked) =>
        firmId == blockerId ? Problem.Invalid("firmId", Self)
        : !firmIsFirm ? Problem.Invalid("firmId", NotAFirm)
        : blocked.Count >= Max && blocked.All(b => b.FirmId != firmId) ? Problem.Invalid("firmId", TooMany, ("max", Max))
        : null;

    /// <summary>
    /// Whether one block (<c>blocker</c> blocked <c>blocked</c>) keeps a firm's words (its post, its alliance's
    /// invitation: <c>author</c>) from someone acting for <c>readers</c>. Never from the author's own people. A firm's
    /// words never reach a firm it blocked; and when they would come <c>unasked</c> (a notice, an invitation: anything
    /// but the board the reader opens) they do not reach a firm that blocked the author either, so between the two
    /// firms nothing arrives unasked both ways. Kept as an expression so that the boards' and invitations' queries
    /// filter their rows by this very rule in the database (<c>FirmBlockQueries</c>); <see cref="Keeps"/> is the same
    /// rule compiled, for the grains and the lists already in memory.
    /// </summary>
    public static readonly Expression<Func<Guid, Guid, Guid, IEnumerable<Guid>, bool, bool>> Rule =
        (blocker, blocked, author, readers, unasked) => !readers.Contains(author)
            && ((blocker == author && readers.Contains(blocked)) || (unasked && blocked == author && readers.Contains(blocker)));

    static readonly Func<Guid, Guid, Guid, IEnumerable<Guid>, bool, bool> Compiled = Rule.Compile();

    /// <inheritdoc cref="Rule"/>
    public static bool Keeps(Guid blocker, Guid blocked, Guid author, IEnumerable<Guid> readers, bool unasked) =>
        Compiled(blocker, blocked, author, readers, unasked);

    /// <summary>Whether the poster's own blocks keep its post from a viewer acting for <paramref name="viewerFirms"/> on the board (the space's admins always see it).</summary>
    public static bool Hides(IEnumerable<FirmBlock>? posterBlocks, Guid posterId, IEnumerable<Guid> viewerFirms, bool admin)
    {
        var firms = viewerFirms.ToList();
        return !admin && (posterBlocks ?? []).Any(b => Keeps(posterId, b.FirmId, posterId, firms, unasked: false));
    }
}
