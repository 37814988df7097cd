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
        var notices = await InboxReads.Newest(call.Grains, call.Db, id, cached, call.Ct);
        var items = new InboxItemDto[notices.Length];
        for (var i = 0; i < notices.Length; i++)
        {
            var n = notices[i];
            items[i] = new InboxItemDto(n.TenderId, n.Title, n.At, reader.Unread(n.At), n.Status, n.SubmissionDeadline, [.. n.Lots.Select(FoundLotDto.From)]);
        }
        return TypedResults.Ok(items);
    }

    /// <summary>The person has seen everything in their inboxes up to now (their "acts for" grain stores it and answers from it).</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, IGrainFactory grains, MarketplaceClock clock)
    {
        await grains.ActsFor(user.UserId()).InboxRead(clock.Now());
        return TypedResults.NoContent();
    }
}
