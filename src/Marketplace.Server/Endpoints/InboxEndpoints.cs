using System.Runtime.CompilerServices;
using System.Security.Claims;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Tenders;
using Marketplace.Businesses;

namespace Marketplace.Server.Endpoints;

public static class InboxEndpoints
{
    internal static readonly Refusal
        NotTheFirms = new("inbox.notTheFirms", "Only the firm's people see its inbox.");

    /// <summary>A firm's inbox: tenders matching its capabilities, published in its spaces. Unread is per person.</summary>
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/businesses/{id:guid}", "Inbox").MapGet("/inbox", Inbox).RequireAuthorization().WithName("getInbox");
        app.MapApiGroup("/api/inbox", "Inbox").MapPost("/read", MarkRead).RequireAuthorization().WithName("markInboxRead");
        return app;
    }

    /// <summary>
    /// The firm's cached notices (<see cref="InboxReads"/>), each unread when it came after the person last read their
    /// inboxes: two grain calls and no query. The notices are asked beside the viewer's check and shown only after it passes.
    /// </summary>
    static async Task<Results<Ok<InboxItemDto[]>, ProblemHttpResult>> Inbox(
        Guid id, [AsParameters] ViewerCall call)
    {
        var cached = InboxReads.Cached(call.Grains, id);
        var reader = await call.Access.InboxReader(call.User, id);
        if (!reader.IsOneOf) return Problem.Forbidden(NotTheFirms).ToHttp();
        var notices = await InboxReads.Newest(call.Grains, () => call.Db, id, cached, call.Ct);
        var shown = Shown.GetValue(notices, n => new Items(n));
        var items = new InboxItemDto[notices.Length];
        for (var i = 0; i < items.Length; i++) items[i] = shown.Item(i, reader.Unread(notices[i].At));
        return TypedResults.Ok(items);
    }

    /// <summary>
    /// The items of a cached answer as read and as unread, each made the first time a read shows it so (no more than a
    /// read made before) and kept with the answer the cache holds (never changed, let go with it): a repeated read picks
    /// one per notice instead of building a hundred items and their lots again (issue #11). On a node of a cluster that
    /// reads another node's cache, each read has its own copy of the notices and makes each item once, as before.
    /// </summary>
    static readonly ConditionalWeakTable<InboxNotice[], Items> Shown = new();

    sealed class Items(InboxNotice[] notices)
    {
        readonly InboxItemDto?[] read = new InboxItemDto?[notices.Length], unread = new InboxItemDto?[notices.Length];

        // Two reads may make the same item at once: equal, immutable, and either may stay.
        public InboxItemDto Item(int i, bool isUnread) => (isUnread ? unread : read)[i] ??= Make(notices[i], isUnread);

        static InboxItemDto Make(InboxNotice n, bool isUnread) =>
            new(n.TenderId, n.Title, n.At, isUnread, n.Status, n.SubmissionDeadline, [.. n.Lots.Select(FoundLotDto.From)]);
    }

    /// <summary>The person has seen everything in their inboxes up to now (their "acts for" grain stores it and answers from it).</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] MarketplaceClock clock)
    {
        await grains.ActsFor(user.UserId()).InboxRead(clock.Now());
        return TypedResults.NoContent();
    }
}
