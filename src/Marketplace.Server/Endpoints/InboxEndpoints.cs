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
        var shown = Shown.GetValue(await InboxReads.Newest(call.Grains, () => call.Db, id, cached, call.Ct), Items.Of);
        var items = new InboxItemDto[shown.Read.Length];
        for (var i = 0; i < items.Length; i++)
            items[i] = reader.Unread(shown.Read[i].At) ? shown.Unread[i] : shown.Read[i];
        return TypedResults.Ok(items);
    }

    /// <summary>
    /// The items of a cached answer, made once per answer the cache holds (it is never changed, and is let go with the
    /// answer) both as read and as unread: a read picks one of the two for each notice instead of building a hundred
    /// items and their lots again (issue #11). The items are shared by the answers, which only serialise them.
    /// </summary>
    static readonly ConditionalWeakTable<InboxNotice[], Items> Shown = new();

    sealed record Items(InboxItemDto[] Read, InboxItemDto[] Unread)
    {
        public static Items Of(InboxNotice[] notices)
        {
            InboxItemDto[] read = [.. notices.Select(n => new InboxItemDto(n.TenderId, n.Title, n.At, false, n.Status, n.SubmissionDeadline, [.. n.Lots.Select(FoundLotDto.From)]))];
            return new(read, [.. read.Select(item => item with { Unread = true })]);
        }
    }

    /// <summary>The person has seen everything in their inboxes up to now (their "acts for" grain stores it and answers from it).</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, IGrainFactory grains, MarketplaceClock clock)
    {
        await grains.ActsFor(user.UserId()).InboxRead(clock.Now());
        return TypedResults.NoContent();
    }
}
