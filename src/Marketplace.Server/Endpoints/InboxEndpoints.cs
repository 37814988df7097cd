using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class InboxEndpoints
{
    static readonly Refusal
        NotTheFirms = new("inbox.notTheFirms", "Only the firm's people see its inbox.");

    /// <summary>A firm's inbox: tenders matching its capabilities, published in its spaces. Unread is per person.</summary>
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/businesses/{id:guid}", "Inbox").MapGet("/inbox", Inbox).RequireAuthorization().WithName("getInbox");
        app.MapApiGroup("/api/inbox", "Inbox").MapPost("/read", MarkRead).RequireAuthorization().WithName("markInboxRead");
        return app;
    }

    static async Task<Results<Ok<InboxItemDto[]>, ProblemHttpResult>> Inbox(
        Guid id, [AsParameters] ViewerCall call, UserManager<MarketplaceUser> users)
    {
        var me = call.User.UserId();
        if (!await call.Access.IsOneOf(call.User, id, call.Ct))
            return Problem.Forbidden(NotTheFirms).ToHttp();
        var readAt = (await users.FindByIdAsync(me.ToString()))?.InboxReadAt;
        var rows = await call.Db.Inbox.AsNoTracking().Where(i => i.BusinessId == id).OrderByDescending(i => i.At).Take(100)
            .Join(call.Db.Tenders, i => i.TenderId, t => t.TenderId, (i, t) => new { Item = i, t.Status, t.SubmissionDeadline }).ToListAsync(call.Ct);
        return TypedResults.Ok(rows.Select(x => new InboxItemDto(x.Item.TenderId, x.Item.Title, x.Item.At, readAt is null || x.Item.At > readAt,
            x.Status, x.SubmissionDeadline)).ToArray());
    }

    /// <summary>The person has seen everything in their inboxes up to now.</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, UserManager<MarketplaceUser> users, MarketplaceClock clock)
    {
        var person = await users.FindByIdAsync(user.UserId().ToString());
        person!.InboxReadAt = clock.Now();
        await users.UpdateAsync(person);
        return TypedResults.NoContent();
    }
}
