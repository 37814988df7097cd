using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Marketplace.Businesses;
using Marketplace.Server.Auth;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

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
    static async Task<Results<CachedJson<InboxItemDto[]>, ProblemHttpResult>> Inbox(
        Guid id, [AsParameters] ViewerCall call, [FromServices] IOptions<JsonOptions> json)
    {
        var cached = InboxReads.Cached(call.Grains, id);
        var reader = await call.Access.InboxReader(call.User, id);
        if (!reader.IsOneOf) return Problem.Forbidden(NotTheFirms).ToHttp();
        var notices = await InboxReads.Newest(call.Grains, () => call.Db, id, cached, call.Ct);
        return new CachedJson<InboxItemDto[]>(Shown.GetValue(notices, n => new Answers(n)).For(reader, json.Value.SerializerOptions));
    }

    /// <summary>
    /// The answers made from a cached set of notices, as JSON, kept with it (never changed, let go with it; issue #11).
    /// The notices are the newest first, so those unread for a person are the first few: an answer depends only on how
    /// many, and the firm's people, who last read at different times, share a handful of answers instead of each read
    /// building and writing a hundred items. On a node of a cluster that reads another node's cache, each read has its
    /// own copy of the notices and makes its answer, as before.
    /// </summary>
    static readonly ConditionalWeakTable<InboxNotice[], Answers> Shown = new();

    sealed class Answers(InboxNotice[] notices)
    {
        /// <summary>At most this many answers are kept per set of notices; a read with another count makes its own.</summary>
        const int Kept = 8;

        readonly ConcurrentDictionary<int, byte[]> byUnread = new();

        public byte[] For(InboxReader reader, JsonSerializerOptions json)
        {
            var unread = 0;
            while (unread < notices.Length && reader.Unread(notices[unread].At)) unread++;
            for (var i = unread; i < notices.Length; i++)
                if (reader.Unread(notices[i].At)) return Make(reader, json); // not the newest first: no answer to share
            // Two reads may make the same answer at once: equal, and either may stay.
            return byUnread.TryGetValue(unread, out var body) ? body
                : byUnread.Count < Kept ? byUnread.GetOrAdd(unread, Make(reader, json))
                : Make(reader, json);
        }

        byte[] Make(InboxReader reader, JsonSerializerOptions json) => JsonSerializer.SerializeToUtf8Bytes(
            notices.Select(n => new InboxItemDto(n.TenderId, n.Title, n.At, reader.Unread(n.At), n.Status, n.SubmissionDeadline,
                [.. n.Lots.Select(FoundLotDto.From)])).ToArray(), json);
    }

    /// <summary>The person has seen everything in their inboxes up to now (their "acts for" grain stores it and answers from it).</summary>
    static async Task<NoContent> MarkRead(ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] MarketplaceClock clock)
    {
        await grains.ActsFor(user.UserId()).InboxRead(clock.Now());
        return TypedResults.NoContent();
    }
}
