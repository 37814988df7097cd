using Marketplace.Data.Announcements;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The association's announcements to its space (<see cref="AnnouncementRules"/>): its admins write, edit and withdraw
/// them; the people of its member firms read them on the space's page, live. Kept in the database, not in the space's
/// grain: they accumulate, and no rule of the space depends on them.
/// </summary>
public static class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces/{id:guid}/announcements", "Spaces").RequireAuthorization();
        api.MapGet("", List).WithName("listAnnouncements");
        api.MapPost("", Post).WithName("postAnnouncement");
        api.MapPut("/{announcementId:guid}", Edit).WithName("editAnnouncement");
        api.MapPost("/{announcementId:guid}/withdraw", Withdraw).WithName("withdrawAnnouncement");
        return app;
    }

    /// <summary>The latest announcements, newest first, to the space's admins and its member firms' people; anyone else is refused alike, whether the space exists or not.</summary>
    static async Task<Results<Ok<AnnouncementsDto>, ProblemHttpResult>> List(Guid id, [AsParameters] ViewerCall call)
    {
        var admin = await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(call.User.UserId());
        // The board's audience: an announcement speaks to the members, as the board does.
        if (!Board.BoardAccess.SeesBoard(admin, admin || (await call.Access.MemberFirms(id, (await call.Access.Firms(call.User, call.Ct)).Businesses)).Count > 0))
            return Problem.Forbidden(AnnouncementRules.NotVisible).ToHttp();
        var shown = await call.Db.Announcements.AsNoTracking().Where(a => a.SpaceId == id && !a.Withdrawn)
            .OrderByDescending(a => a.PostedAt).Take(AnnouncementRules.Shown).ToListAsync(call.Ct);
        return TypedResults.Ok(new AnnouncementsDto([.. shown.Select(Dto)], admin));
    }

    static async Task<Results<Created<AnnouncementDto>, ProblemHttpResult>> Post(Guid id, AnnouncementRequest body, [AsParameters] ViewerCall call,
        [FromServices] MarketplaceClock clock, [FromServices] ILiveUpdates live)
    {
        var actor = call.User.UserId();
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        var written = AnnouncementRules.Normalize(body.Title, body.Text);
        if (written.Problem is { } invalid) return invalid.ToHttp();
        var announcement = new Announcement
        {
            Id = Guid.NewGuid(), SpaceId = id, Title = written.Value.Title, Text = written.Value.Text, PostedBy = actor, PostedAt = clock.Now(), Version = 1,
        };
        call.Db.Announcements.Add(announcement);
        await call.Db.SaveChangesAsync(call.Ct);
        await live.AnnouncementChanged(id, announcement.Id);
        return TypedResults.Created($"/api/spaces/{id}/announcements/{announcement.Id}", Dto(announcement));
    }

    /// <summary>Any admin of the space edits it, from the version they read; an edit made on a stale copy is refused.</summary>
    static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> Edit(Guid id, Guid announcementId, EditAnnouncementRequest body,
        [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock, [FromServices] ILiveUpdates live)
    {
        var actor = call.User.UserId();
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        var written = AnnouncementRules.Normalize(body.Title, body.Text);
        if (written.Problem is { } invalid) return invalid.ToHttp();
        if (body.Version is not { } version) return ProblemResults.Required("version");
        var (title, text) = written.Value;
        var now = clock.Now();
        var changed = await Current(id, announcementId, version, call).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title).SetProperty(a => a.Text, text)
            .SetProperty(a => a.ChangedBy, actor).SetProperty(a => a.ChangedAt, now).SetProperty(a => a.Version, a => a.Version + 1), call.Ct);
        if (changed == 0) return await Refused(id, announcementId, call);
        await live.AnnouncementChanged(id, announcementId);
        return TypedResults.Ok(Dto(await call.Db.Announcements.AsNoTracking().SingleAsync(a => a.Id == announcementId, CancellationToken.None)));
    }

    /// <summary>Any admin of the space withdraws it: its readers no longer see it; the row keeps who withdrew it and when.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(Guid id, Guid announcementId, WithdrawAnnouncementRequest body,
        [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock, [FromServices] ILiveUpdates live)
    {
        var actor = call.User.UserId();
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        if (body.Version is not { } version) return ProblemResults.Required("version");
        var now = clock.Now();
        var changed = await Current(id, announcementId, version, call).ExecuteUpdateAsync(s => s.SetProperty(a => a.Withdrawn, true)
            .SetProperty(a => a.ChangedBy, actor).SetProperty(a => a.ChangedAt, now).SetProperty(a => a.Version, a => a.Version + 1), call.Ct);
        if (changed == 0) return await Refused(id, announcementId, call);
        await live.AnnouncementChanged(id, announcementId);
        return TypedResults.NoContent();
    }

    static IQueryable<Announcement> Current(Guid spaceId, Guid announcementId, int version, ViewerCall call) =>
        call.Db.Announcements.Where(a => a.Id == announcementId && a.SpaceId == spaceId && !a.Withdrawn && a.Version == version);

    /// <summary>Why an admin's change did not apply: the announcement is not (or no longer) there, or it changed since they read it.</summary>
    static async Task<ProblemHttpResult> Refused(Guid spaceId, Guid announcementId, ViewerCall call) =>
        await call.Db.Announcements.AnyAsync(a => a.Id == announcementId && a.SpaceId == spaceId && !a.Withdrawn, CancellationToken.None)
            ? Problem.Conflict(AnnouncementRules.ChangedMeanwhile).ToHttp()
            : ProblemResults.NotFound(AnnouncementRules.NotFound);

    static AnnouncementDto Dto(Announcement a) => new(a.Id, a.Title, a.Text, a.PostedAt, a.ChangedAt, a.Version);
}

public sealed record AnnouncementRequest(string? Title, [LongText] string? Text);

/// <param name="Version">The version the admin read: an edit made on a stale copy is refused.</param>
public sealed record EditAnnouncementRequest(string? Title, [LongText] string? Text, int? Version);

public sealed record WithdrawAnnouncementRequest(int? Version);

/// <param name="ChangedAt">When an admin last edited it; null while as written.</param>
public sealed record AnnouncementDto(Guid Id, string Title, string Text, DateTimeOffset PostedAt, DateTimeOffset? ChangedAt, int Version);

/// <param name="ViewerWrites">Whether the viewer is one of the space's admins, who write, edit and withdraw them.</param>
public sealed record AnnouncementsDto(AnnouncementDto[] Items, bool ViewerWrites);

/// <summary>Which announcement of which space was written, edited or withdrawn; its readers read the list again.</summary>
public sealed record AnnouncementChangedDto(Guid SpaceId, Guid AnnouncementId);
