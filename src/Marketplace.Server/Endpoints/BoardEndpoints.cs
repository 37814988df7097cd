using Marketplace.Board;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Endpoints;

public static class BoardEndpoints
{
    static readonly Refusal
        MembersOnly = new("board.membersOnly", "Only the space's member firms and its admins see its notice board."),
        Division = new("board.division", "A CPV division is two digits, such as 45.");

    /// <summary>
    /// The space's notice board (bacheca): member firms' offers and requests for partners, interests in them, and
    /// accepting one, which forms an alliance. Members and admins only; to anyone else a post does not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var spaces = app.MapApiGroup("/api/spaces/{id:guid}/posts", "Board").RequireAuthorization();
        spaces.MapGet("/", List).WithName("listPosts");
        spaces.MapPost("/", Publish).WithName("publishPost").ProducesProblem(StatusCodes.Status429TooManyRequests);
        var posts = app.MapApiGroup("/api/posts/{id:guid}", "Board").RequireAuthorization();
        posts.MapGet("/", Get).WithName("getPost");
        posts.MapPut("/", Edit).WithName("editPost");
        posts.MapPost("/close", Close).WithName("closePost");
        posts.MapPost("/moderation", Moderate).WithName("moderatePost");
        posts.MapPost("/interests", Interest).WithName("expressInterest");
        posts.MapPost("/interests/{firmId:guid}/accept", Accept).WithName("acceptInterest");
        app.MapApiGroup("/api/businesses/{id:guid}", "Board").MapGet("/inbox/posts", Matching).RequireAuthorization().WithName("getInboxPosts");
        return app;
    }

    static IBoardPostGrain Post(this IGrainFactory grains, Guid id) => grains.GetGrain<IBoardPostGrain>(id);

    /// <summary>
    /// The board as the viewer sees it: open, unexpired posts of the space's current member firms, newest first (a
    /// post expires by its date, read at each request: no job takes it down), filtered by kind, CPV division and the
    /// viewer's firms' capabilities; with the viewer's own firms' posts waiting for approval or hidden, and, for its
    /// admins, every post waiting for approval.
    /// </summary>
    static async Task<Results<Ok<BoardDto>, ProblemHttpResult>> List(Guid id, PostKind? kind, string? division, bool? matching,
        [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock, [FromServices] IOptions<TenderOptions> options)
    {
        var (db, ct) = (call.Db, call.Ct);
        if (await call.Grains.GetGrain<ISpaceGrain>(id).Get() is not { } space) return ProblemResults.NotFound(SpaceState.NotFound);
        var (acting, admin, memberFirms) = await Viewer(space.Id, call);
        if (!BoardAccess.SeesBoard(admin, memberFirms.Count > 0)) return Problem.Forbidden(MembersOnly).ToHttp();
        if (division is not null && (division.Length != 2 || !division.All(char.IsAsciiDigit))) return Problem.Invalid("division", Division).ToHttp();
        var now = clock.Now();
        var mine = acting.Businesses.ToList();
        var members = db.SpaceMembers.Where(m => m.SpaceId == id && m.Status == MembershipStatus.Member).Select(m => m.BusinessId);
        var query = db.BoardPosts.AsNoTracking().Where(p => p.SpaceId == id && members.Contains(p.PosterId))
            .Where(p => (p.Status == PostStatus.Open && p.ExpiresAt > now)
                || (mine.Contains(p.PosterId) && (p.Status == PostStatus.AwaitingApproval || p.Status == PostStatus.Hidden))
                || (admin && p.Status == PostStatus.AwaitingApproval));
        // A poster that blocked a firm of the viewer's is not on their board (FirmBlocks.Rule, as for one post).
        if (!admin) query = query.ReachingFirms(db.FirmBlocks, p => p.PosterId, mine, unasked: false);
        if (kind is { } k) query = query.Where(p => p.Kind == k);
        if (division is not null) query = query.Where(p => p.Cpv.Contains(" " + division));
        var rows = await query.OrderByDescending(p => p.PostedAt).Take(200).ToListAsync(ct);
        if (matching == true)
        {
            var capabilities = await db.BusinessCapabilities.AsNoTracking().Where(c => mine.Contains(c.BusinessId)).Select(c => c.CpvDigits).Distinct().ToListAsync(ct);
            rows = [.. rows.Where(r => BoardRules.Matches(r.Codes, capabilities, options.Value.MatchDigits))];
        }
        var summaries = await Summaries(rows, acting, admin, call);
        var posters = memberFirms.Where(acting.Edits).ToList();
        var names = await Names(posters, call);
        return TypedResults.Ok(new BoardDto(summaries, [.. posters.Select(f => new NamedDto(f, names.GetValueOrDefault(f, "")))], admin,
            space.Settings.PostsNeedApproval));
    }

    /// <summary>
    /// The firm's inbox of the boards: the open posts of the spaces it is a member of that its capabilities match
    /// (<see cref="BoardRules.Matches"/>, as its people were told live), its own left out, newest first; its people only.
    /// </summary>
    static async Task<Results<Ok<InboxPostDto[]>, ProblemHttpResult>> Matching(Guid id, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock,
        [FromServices] IOptions<TenderOptions> options)
    {
        var (db, ct) = (call.Db, call.Ct);
        if (!await call.Access.IsOneOf(call.User, id, ct)) return Problem.Forbidden(InboxEndpoints.NotTheFirms).ToHttp();
        var now = clock.Now();
        var spaces = db.SpaceMembers.Where(m => m.BusinessId == id && m.Status == MembershipStatus.Member).Select(m => m.SpaceId);
        var rows = await db.BoardPosts.AsNoTracking()
            .Where(p => spaces.Contains(p.SpaceId) && p.PosterId != id && p.Status == PostStatus.Open && p.ExpiresAt > now
                && db.SpaceMembers.Any(m => m.SpaceId == p.SpaceId && m.BusinessId == p.PosterId && m.Status == MembershipStatus.Member))
            // Neither a firm it blocked nor one that blocked it is news for the firm (FirmBlocks.Rule: told unasked).
            .ReachingFirms(db.FirmBlocks, p => p.PosterId, [id], unasked: true)
            .OrderByDescending(p => p.PostedAt).Take(200).ToListAsync(ct);
        var capabilities = await db.BusinessCapabilities.AsNoTracking().Where(c => c.BusinessId == id).Select(c => c.CpvDigits).ToListAsync(ct);
        rows = [.. rows.Where(r => BoardRules.Matches(r.Codes, capabilities, options.Value.MatchDigits)).Take(50)];
        var spaceIds = rows.Select(r => r.SpaceId).Distinct().ToList();
        var names = await db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.SpaceId)).ToDictionaryAsync(s => s.SpaceId, s => s.Name, ct);
        var summaries = await Summaries(rows, await call.Access.Firms(call.User, ct), false, call);
        return TypedResults.Ok(summaries.Select(s => new InboxPostDto(s, names.GetValueOrDefault(s.SpaceId, ""))).ToArray());
    }

    static async Task<Results<Created<PostDto>, ProblemHttpResult>> Publish(Guid id, PublishPostRequest body, [AsParameters] ViewerCall call)
    {
        var postId = Guid.NewGuid();
        // The firm's grain publishes its posts one at a time, so its daily count holds whatever arrives at once.
        var outcome = await call.Grains.GetGrain<IBoardPosterGrain>(body.FirmId)
            .Publish(postId, new PublishPost(call.User.UserId(), id, body.FirmId, body.ToDetails()));
        if (outcome.Problem is { } no) return no.ToHttp();
        return await View(postId, call) is { } dto ? TypedResults.Created($"/api/posts/{postId}", dto) : ProblemResults.NotFound(PostState.NotFound);
    }

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Get(Guid id, [AsParameters] ViewerCall call) =>
        await View(id, call) is { } dto ? TypedResults.Ok(dto) : ProblemResults.NotFound(PostState.NotFound);

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Edit(Guid id, EditPostRequest body, [AsParameters] ViewerCall call) =>
        await Respond(id, call.Grains.Post(id).Edit(new EditPost(call.User.UserId(), body.Version, body.ToDetails())), call);

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Close(Guid id, [AsParameters] ViewerCall call) =>
        await Respond(id, call.Grains.Post(id).Close(call.User.UserId()), call);

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Moderate(Guid id, ModeratePostRequest body, [AsParameters] ViewerCall call) =>
        body.Action is not { } action ? ProblemResults.Required("action")
        : await Respond(id, call.Grains.Post(id).Moderate(new ModeratePost(call.User.UserId(), action, body.Reason)), call);

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Interest(Guid id, ExpressInterestRequest body, [AsParameters] ViewerCall call) =>
        await Respond(id, call.Grains.Post(id).ExpressInterest(new ExpressInterest(call.User.UserId(), body.FirmId, body.Message ?? "")), call);

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Accept(Guid id, Guid firmId, [AsParameters] ViewerCall call) =>
        await Respond(id, call.Grains.Post(id).AcceptInterest(call.User.UserId(), firmId), call);

    static async Task<Results<Ok<PostDto>, ProblemHttpResult>> Respond(Guid id, Task<Outcome<PostSnapshot>> command, ViewerCall call)
    {
        var outcome = await command;
        if (outcome.Problem is { } no) return no.ToHttp();
        return await View(id, call) is { } dto ? TypedResults.Ok(dto) : ProblemResults.NotFound(PostState.NotFound);
    }

    /// <summary>The post as the grain shows it to the viewer (<see cref="IBoardPostGrain.ViewFor"/>), with the names it shows.</summary>
    static async Task<PostDto?> View(Guid id, ViewerCall call)
    {
        if (await call.Grains.Post(id).ViewFor(call.User.UserId()) is not { } view) return null;
        var post = view.Post;
        var names = await Names([post.PosterId, .. view.Interests.Select(i => i.Interest.FirmId), .. view.Firms.Select(f => f.FirmId)], call);
        var tenderTitle = post.Details.TenderId is { } tender
            ? await call.Db.Tenders.AsNoTracking().Where(t => t.TenderId == tender).Select(t => t.Title).FirstOrDefaultAsync(call.Ct) : null;
        var d = post.Details;
        var summary = new PostSummaryDto(post.Id, post.SpaceId, post.PosterId, names.GetValueOrDefault(post.PosterId, ""), d.Kind, d.Title, d.Text,
            Codes(d.Cpv), Comune(d.ComuneCode), d.Value is { } v ? MoneyDto.From(v) : null, d.ExpiresOn, post.ExpiresAt, d.TenderId, tenderTitle,
            post.Status, post.PostedAt, view.ViewerIsPoster, view.ViewerIsPoster || view.ViewerIsAdmin ? post.Interests.Length : null,
            view.Interests.FirstOrDefault(i => !view.ViewerIsPoster)?.Interest.Status);
        return new PostDto(summary, post.Version,
            [.. view.Interests.Select(i => new PostInterestDto(i.Interest.FirmId, names.GetValueOrDefault(i.Interest.FirmId, ""), i.Interest.Message,
                i.Interest.At, i.Interest.Status, i.Interest.AcceptedAt, i.Actions))],
            view.Moderation is { } m ? new PostModerationDto(m.Status, m.Reason, m.ByAdmin, m.At) : null,
            view.AllianceId, view.Actions, view.ModeratorActions,
            [.. view.Firms.Select(f => new PostFirmDto(f.FirmId, names.GetValueOrDefault(f.FirmId, ""), f.Actions))]);
    }

    static async Task<PostSummaryDto[]> Summaries(List<BoardPostEntry> rows, Businesses.ActingFor acting, bool admin, ViewerCall call)
    {
        var ids = rows.Select(r => r.PostId).ToList();
        var mine = acting.Businesses.ToList();
        var interests = (await call.Db.BoardInterests.AsNoTracking().Where(i => ids.Contains(i.PostId) && mine.Contains(i.FirmId)).ToListAsync(call.Ct))
            .ToLookup(i => i.PostId);
        var names = await Names(rows.Select(r => r.PosterId), call);
        var tenderIds = rows.Where(r => r.TenderId is not null).Select(r => r.TenderId!.Value).Distinct().ToList();
        var tenders = await call.Db.Tenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId)).ToDictionaryAsync(t => t.TenderId, t => t.Title, call.Ct);
        return [.. rows.Select(r =>
        {
            var own = acting.Reads(r.PosterId);
            return new PostSummaryDto(r.PostId, r.SpaceId, r.PosterId, names.GetValueOrDefault(r.PosterId, ""), r.Kind, r.Title, r.Text, Codes(r.Codes),
                Comune(r.ComuneCode), r.ValueAmount is { } amount ? new MoneyDto(amount, r.ValueCurrency ?? "EUR") : null, r.ExpiresOn, r.ExpiresAt,
                r.TenderId, r.TenderId is { } t ? tenders.GetValueOrDefault(t) : null, r.Status, r.PostedAt, own, own || admin ? r.Interests : null,
                interests[r.PostId].Select(i => (InterestStatus?)i.Status).FirstOrDefault());
        })];
    }

    /// <summary>Whom the viewer acts for, whether they administer the space, and which of their firms are its current members.</summary>
    static async Task<(Businesses.ActingFor Acting, bool Admin, List<Guid> MemberFirms)> Viewer(Guid spaceId, ViewerCall call)
    {
        var me = call.User.UserId();
        var (acting, admin) = (call.Access.Firms(call.User, call.Ct), call.Grains.GetGrain<ISpaceGrain>(spaceId).IsAdmin(me));
        var members = await call.Access.MemberFirms(spaceId, (await acting).Businesses);
        return (await acting, await admin, members);
    }

    static CapabilityDto[] Codes(IEnumerable<string> cpv) => [.. cpv.Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(CapabilityDto.From)];

    static ComuneDto? Comune(string code) =>
        ComuneCatalog.Shared.Find(code) is { } c ? new ComuneDto(c.Code, c.Name, c.ProvinceSigla, c.ProvinceName, c.RegionName) : null;

    static Task<Dictionary<Guid, string>> Names(IEnumerable<Guid> firms, ViewerCall call)
    {
        var ids = firms.Distinct().ToList();
        return call.Db.Directory.AsNoTracking().Where(d => ids.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, call.Ct);
    }
}
