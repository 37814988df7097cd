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
/// An alliance's conversation is not blocked: both firms chose to be in that alliance, and leaving it is their answer.
/// Alliance invitations are left as they are (an open question, docs/architecture.md).
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

    /// <summary>Whether the poster's blocks keep its posts from a viewer acting for <paramref name="viewerFirms"/> (its own people and the space's admins always see them).</summary>
    public static bool Hides(IEnumerable<FirmBlock>? posterBlocks, Guid posterId, IEnumerable<Guid> viewerFirms, bool admin)
    {
        var firms = viewerFirms.ToList();
        return !admin && !firms.Contains(posterId) && (posterBlocks ?? []).Any(b => firms.Contains(b.FirmId));
    }
}
