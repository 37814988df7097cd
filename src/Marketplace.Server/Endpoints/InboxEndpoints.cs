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

    static async Task<Results<Ok<InboxItemDto[]>, ProblemHttpResult>> Inbox(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (!await call.Access.IsOneOf(call.User, id, call.Ct))
            return Problem.Forbidden(NotTheFirms).ToHttp();
        var rows = await Newest(call.Db, id, call.User.UserId()).ToListAsync(call.Ct);
        return TypedResults.Ok(rows.Select(x => new InboxItemDto(x.TenderId, x.Title, x.At, x.ReadAt is null || x.At > x.ReadAt,
            x.Status, x.SubmissionDeadline)).ToArray());
    }

    sealed record Row(Guid TenderId, string Title, DateTimeOffset At, TenderStatus Status, DateTimeOffset SubmissionDeadline, DateTimeOffset? ReadAt);

    /// <summary>
    /// One round trip: the firm's newest notices with their tender's status and deadline, and when the person last
    /// read their inboxes (the same for every row). Each notice's tender is looked up by its key: joined instead,
    /// PostgreSQL reads the whole tenders table for every inbox shown. Not an EF.CompileAsyncQuery: compiled, it
    /// answered 500 when SQLite and PostgreSQL hosts ran side by side in one process; EF caches this query's translation anyway.
    /// </summary>
    static IQueryable<Row> Newest(MarketplaceDbContext db, Guid firm, Guid me) =>
        db.Inbox.AsNoTracking().Where(i => i.BusinessId == firm).OrderByDescending(i => i.At).Take(100)
            .Select(i => new Row(i.TenderId, i.Title, i.At,
                db.Tenders.Where(t => t.TenderId == i.TenderId).Select(t => t.Status).First(),
                db.Tenders.Where(t => t.TenderId == i.TenderId).Select(t => t.SubmissionDeadline).First(),
                db.Users.Where(u => u.Id == me).Select(u => u.InboxReadAt).FirstOrDefault()));

    /// <summary>The person has seen everything in their inboxes up to now.</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, UserManager<MarketplaceUser> users, MarketplaceClock clock)
    {
        var person = await users.FindByIdAsync(user.UserId().ToString());
        person!.InboxReadAt = clock.Now();
        await users.UpdateAsync(person);
        return TypedResults.NoContent();
    }
}
