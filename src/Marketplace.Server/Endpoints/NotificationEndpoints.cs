using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Data.Notifications;
using Marketplace.Server.Auth;
using Marketplace.Server.Mail;
using Marketplace.Server.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>How the person is told of one kind of notice by e-mail.</summary>
public sealed record NotificationChoiceDto(NotificationKind Kind, NotificationMode Mode);

/// <summary>The person's notification settings: every kind, with their choice or its default.</summary>
public sealed record NotificationSettingsDto(NotificationChoiceDto[] Choices);

/// <summary>New choices for some kinds; the kinds not named keep theirs.</summary>
public sealed record NotificationSettingsRequest(NotificationChoiceDto[]? Choices);

/// <summary>What a one-click unsubscribe link turned off: its kind, or a digest's kinds.</summary>
public sealed record UnsubscribedDto(NotificationKind[] Kinds);

public static class NotificationEndpoints
{
    static readonly Refusal
        KindTwice = new("notifications.kindTwice", "Each kind of notice is chosen once."),
        BadLink = new("notifications.badUnsubscribeLink", "This unsubscribe link is not valid: it may be incomplete. Sign in and change your notification settings on your account page.");

    /// <summary>
    /// The signed-in person's notification settings (only their own: no id is named), and the one-click unsubscribe
    /// of notification e-mails, which needs no sign-in: the signed token names the person and the kinds.
    /// </summary>
    public static IEndpointRouteBuilder MapNotificationApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapApiGroup("/api/me/notifications", "Notifications").RequireAuthorization();
        me.MapGet("", Settings).WithName("getNotificationSettings");
        me.MapPut("", Change).WithName("setNotificationSettings");
        // RFC 8058: a mail program POSTs "List-Unsubscribe=One-Click" here; the web client's page posts the same token.
        app.MapApiGroup("/api/notifications", "Notifications").MapPost("/unsubscribe", Unsubscribe).AllowAnonymous()
            .RequireRateLimiting(Hosting.RateLimits.Auth).WithName("unsubscribe")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    static async Task<NotificationSettingsDto> Of(MarketplaceDbContext db, Guid userId, CancellationToken ct) =>
        new([.. NotificationDefaults.Resolve(await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct))
            .Select(c => new NotificationChoiceDto(c.Kind, c.Mode))]);

    static async Task<Ok<NotificationSettingsDto>> Settings(ClaimsPrincipal user, [FromServices] MarketplaceDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Of(db, user.UserId(), ct));

    /// <summary>
    /// Stores the choices, and the page's language as the one the person's notification e-mails are written in. The
    /// notices waiting for a digest are looked at again at the next round, under the new choices.
    /// </summary>
    static async Task<Results<Ok<NotificationSettingsDto>, ProblemHttpResult>> Change(
        NotificationSettingsRequest body, ClaimsPrincipal user, HttpRequest request, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (body.Choices is not { } choices) return ProblemResults.Required("choices");
        if (choices.GroupBy(c => c.Kind).Any(g => g.Count() > 1)) return Problem.Invalid("choices", KindTwice).ToHttp();
        if (choices.Any(c => !Enum.IsDefined(c.Kind) || !Enum.IsDefined(c.Mode))) return ProblemResults.Required("choices");
        var userId = user.UserId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var choice in choices) await Store(db, userId, choice.Kind, choice.Mode, ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, MailTexts.Code(MailTexts.Of(request))), ct);
        await db.Notices.Where(n => n.UserId == userId && n.DoneAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.NextLookAt, (DateTimeOffset?)null), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await Of(db, userId, ct));
    }

    /// <summary>
    /// One row per chosen kind, changed in place; the default is stored too once chosen, so it stays if the default
    /// changes. One statement that inserts or updates (both providers take <c>ON CONFLICT</c>): two first choices at the
    /// same moment (two tabs, a double click on an e-mail's link) both succeed, the later one winning.
    /// </summary>
    static Task Store(MarketplaceDbContext db, Guid userId, NotificationKind kind, NotificationMode mode, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notification_preferences ("UserId", "Kind", "Mode") VALUES ({userId}, {kind.ToString()}, {mode.ToString()})
            ON CONFLICT ("UserId", "Kind") DO UPDATE SET "Mode" = excluded."Mode"
            """, ct);

    /// <summary>
    /// Turns off the kinds the token names for the person it names, whoever sends it (a mail program, the person's
    /// browser signed in as someone else or not at all): the token alone decides, and a token not made by this site, or
    /// changed, is refused and changes nothing. Doing it twice answers the same.
    /// </summary>
    static async Task<Results<Ok<UnsubscribedDto>, ProblemHttpResult>> Unsubscribe(
        string? token, [FromServices] UnsubscribeLinks links, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (links.Read(token) is not var (userId, kinds)) return Problem.Invalid("token", BadLink).ToHttp();
        if (await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var kind in kinds) await Store(db, userId, kind, NotificationMode.Off, ct);
            await transaction.CommitAsync(ct);
        }
        return TypedResults.Ok(new UnsubscribedDto(kinds));
    }
}
