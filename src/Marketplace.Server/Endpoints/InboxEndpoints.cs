using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Tenders;
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

    /// <summary>The firm's cached notices (<see cref="InboxReads"/>), each unread when it came after the person last read their inboxes.</summary>
    static async Task<Results<Ok<InboxItemDto[]>, ProblemHttpResult>> Inbox(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (!await call.Access.IsOneOf(call.User, id, call.Ct))
            return Problem.Forbidden(NotTheFirms).ToHttp();
        var notices = await InboxReads.Newest(call.Grains, call.Db, id, call.Ct);
        var me = call.User.UserId();
        var readAt = await call.Db.Users.Where(u => u.Id == me).Select(u => u.InboxReadAt).FirstOrDefaultAsync(call.Ct);
        return TypedResults.Ok(notices.Select(n => new InboxItemDto(n.TenderId, n.Title, n.At, readAt is null || n.At > readAt,
            n.Status, n.SubmissionDeadline)).ToArray());
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
