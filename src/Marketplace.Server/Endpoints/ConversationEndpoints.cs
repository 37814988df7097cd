using Marketplace.Tenders;
using Marketplace.Conversations;
using Marketplace.Data;
using Marketplace.Data.Conversations;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class ConversationEndpoints
{
    public const int PageSize = 30, MaxPageSize = 100;

    static readonly Refusal Limit = new("conversation.limit", "A page holds 1 to {max} messages.");

    /// <summary>
    /// The alliance's conversation: its general thread, a thread per work package of its joint bid and one per answer it
    /// gives to the tender's quality criteria (numbered by the criterion), read and
    /// written by the people of its active firms only (Owners and Managers write); to anyone else it does not exist.
    /// Kept in the database and told live to the workspace's watchers. It never reads or changes the bid itself.
    /// </summary>
    public static IEndpointRouteBuilder MapConversationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/alliances/{id:guid}/messages", "Conversations").RequireAuthorization();
        api.MapGet("/", Page).WithName("listThreadMessages");
        api.MapPost("/", Post).WithName("postThreadMessage").ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/people", People).WithName("listThreadPeople");
        api.MapPost("/{messageId:guid}/seen", Seen).WithName("markThreadMessageSeen");
        return app;
    }

    /// <summary>
    /// A page of one thread (the general one, <paramref name="packageId"/>'s or the answer to quality criterion
    /// <paramref name="criterion"/>'s), newest first, older than <paramref name="before"/> when given; with every thread
    /// of the alliance that holds a message.
    /// </summary>
    static async Task<Results<Ok<ThreadPageDto>, ProblemHttpResult>> Page(
        Guid id, Guid? packageId, int? criterion, long? before, int? limit, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        var (db, ct) = (call.Db, call.Ct);
        // The actor first: an outsider learns nothing, not even which inputs are wrong.
        if (await call.Access.Alliance(id, call.User, watch: true, ct) is not { } alliance) return ProblemResults.NotFound(ConversationRules.NotFound);
        var size = limit ?? PageSize;
        if (size is < 1 or > MaxPageSize) return Problem.Invalid("limit", Limit, ("max", MaxPageSize)).ToHttp();
        if (packageId is not null && criterion is not null) return Problem.Invalid("criterion", ConversationRules.OneSubject).ToHttp();
        if (criterion is { } asked && ConversationRules.CheckAnswer(alliance.TenderId is { } tenderId ? await call.Grains.Tender(tenderId).Current() : null, asked) is { } noAnswer)
            return noAnswer.ToHttp();
        var thread = db.ThreadMessages.AsNoTracking().Where(m => m.AllianceId == id && m.PackageId == packageId && m.Criterion == criterion);
        if (before is { } seq) thread = thread.Where(m => m.Seq < seq);
        var rows = await thread.OrderByDescending(m => m.Seq).Take(size + 1).ToListAsync(ct);
        var shown = rows.Take(size).ToList();
        var threads = await db.ThreadMessages.AsNoTracking().Where(m => m.AllianceId == id).GroupBy(m => new { m.PackageId, m.Criterion })
            .Select(g => new { g.Key.PackageId, g.Key.Criterion, Count = g.Count(), Last = g.Max(m => m.Seq) }).ToListAsync(ct);
        var lastSeqs = threads.Select(t => t.Last).ToList();
        var lastAt = await db.ThreadMessages.AsNoTracking().Where(m => lastSeqs.Contains(m.Seq)).ToDictionaryAsync(m => m.Seq, m => m.At, ct);
        var ids = shown.Select(m => m.Id).ToList();
        var mentions = await db.ThreadMentions.Of(ids, ct);
        // The person reads these messages now: a mention of them among them is seen, and no e-mail repeats it.
        await db.ThreadMentions.MarkSeen(call.User.UserId(), ids, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new ThreadPageDto(
            await ConversationDtos.Of([.. shown.Select(m => m.ToMessage(mentions.GetValueOrDefault(m.Id, [])))], db, ct),
            rows.Count > size ? shown[^1].Seq : null,
            [.. threads.OrderByDescending(t => t.Last).Select(t => new ThreadSummaryDto(t.PackageId, t.Count, lastAt[t.Last], t.Criterion))]));
    }

    static async Task<Results<Created<ThreadMessageDto>, ProblemHttpResult>> Post(Guid id, PostMessageRequest body, [AsParameters] ViewerCall call)
    {
        // The person's grain writes their messages one at a time, so their count in the last minute holds.
        var outcome = await call.Grains.GetGrain<IConversationAuthorGrain>(call.User.UserId())
            .Post(new PostThreadMessage(id, body.FirmId, body.PackageId, body.Text ?? "", body.Mentions ?? [], body.Criterion));
        if (outcome.Problem is { } no) return no.ToHttp();
        var dto = (await ConversationDtos.Of([outcome.Value!], call.Db, call.Ct))[0];
        return TypedResults.Created($"/api/alliances/{id}/messages", dto);
    }

    /// <summary>
    /// Whom the viewer may mention: the people (any role) of the alliance's active firms, who read its conversation,
    /// but the viewer; by firm, then name.
    /// </summary>
    static async Task<Results<Ok<ThreadPersonDto[]>, ProblemHttpResult>> People(Guid id, [AsParameters] ViewerCall call)
    {
        var (db, ct) = (call.Db, call.Ct);
        if (await call.Access.Alliance(id, call.User, watch: true, ct) is not { } alliance) return ProblemResults.NotFound(ConversationRules.NotFound);
        var me = call.User.UserId();
        var firms = alliance.Active.Select(m => m.FirmId).ToList();
        var members = await db.BusinessMembers.AsNoTracking().Where(m => firms.Contains(m.BusinessId) && m.UserId != me)
            .Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().PeopleOf(members.Select(m => m.UserId), ct);
        var names = await db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        // A person of two of its firms is listed once, with the first firm in the alliance's order.
        return TypedResults.Ok(members.GroupBy(m => m.UserId)
            .Select(g => g.OrderBy(m => firms.IndexOf(m.BusinessId)).First())
            .Where(m => people.ContainsKey(m.UserId))
            .Select(m => new ThreadPersonDto(m.UserId, people.NameOf(m.UserId), m.BusinessId, names.GetValueOrDefault(m.BusinessId, "")))
            .OrderBy(p => firms.IndexOf(p.FirmId)).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToArray());
    }

    /// <summary>
    /// The viewer saw the message on their open page (it arrived live): a mention of them in it is seen, and its e-mail
    /// is not sent. Nothing changes for a message that does not mention them.
    /// </summary>
    static async Task<Results<NoContent, ProblemHttpResult>> Seen(Guid id, Guid messageId, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        if (await call.Access.Alliance(id, call.User, watch: true, call.Ct) is null) return ProblemResults.NotFound(ConversationRules.NotFound);
        await call.Db.ThreadMentions.Where(m => m.AllianceId == id).MarkSeen(call.User.UserId(), [messageId], clock.GetUtcNow(), call.Ct);
        return TypedResults.NoContent();
    }
}
