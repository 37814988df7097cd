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
        var read = AsRead.GetValue(await InboxReads.Newest(call.Grains, call.Db, id, cached, call.Ct), Read);
        var items = new InboxItemDto[read.Length];
        for (var i = 0; i < read.Length; i++)
            items[i] = reader.Unread(read[i].At) ? read[i] with { Unread = true } : read[i];
        return TypedResults.Ok(items);
    }

    /// <summary>
    /// The items of a cached answer as a person who has read them all sees them, made once per answer the cache holds
    /// (it is never changed, and is let go with the answer): a read builds only its unread items, not a hundred items
    /// and their lots again (issue #11). The items are shared by the answers, which only serialise them.
    /// </summary>
    static readonly ConditionalWeakTable<InboxNotice[], InboxItemDto[]> AsRead = new();

    static InboxItemDto[] Read(InboxNotice[] notices) =>
        [.. notices.Select(n => new InboxItemDto(n.TenderId, n.Title, n.At, false, n.Status, n.SubmissionDeadline, [.. n.Lots.Select(FoundLotDto.From)]))];

    /// <summary>The person has seen everything in their inboxes up to now (their "acts for" grain stores it and answers from it).</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, IGrainFactory grains, MarketplaceClock clock)
    {
        await grains.ActsFor(user.UserId()).InboxRead(clock.Now());
        return TypedResults.NoContent();
    }
}
