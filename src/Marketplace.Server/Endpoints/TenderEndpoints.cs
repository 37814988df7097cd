using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Endpoints;

public static class TenderEndpoints
{
    /// <summary>
    /// Tenders: drafted and published by a buyer into spaces, questioned by member firms, evaluated and decided by
    /// the buyer. Published tenders are public notices; a draft is seen only by those drafting it.
    /// </summary>
    public static IEndpointRouteBuilder MapTenderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/tenders", "Tenders");
        api.MapGet("/", Search).WithName("searchTenders");
        api.MapPost("/", Draft).RequireAuthorization().WithName("draftTender");
        api.MapGet("/{id:guid}", Get).WithName("getTender");
        api.MapPut("/{id:guid}", EditDraft).RequireAuthorization().WithName("editTenderDraft");
        api.MapPost("/{id:guid}/publish", Publish).RequireAuthorization().WithName("publishTender");
        api.MapPost("/{id:guid}/amendments", Amend).RequireAuthorization().WithName("amendTender");
        api.MapPost("/{id:guid}/questions", Ask).RequireAuthorization().WithName("askTenderQuestion");
        api.MapPost("/{id:guid}/questions/{number:int}/answer", Answer).RequireAuthorization().WithName("answerTenderQuestion");
        api.MapPost("/{id:guid}/scores", Score).RequireAuthorization().WithName("scoreTender");
        api.MapPost("/{id:guid}/decisions", Decide).RequireAuthorization().WithName("decideTender");
        api.MapPost("/{id:guid}/exclusions", Exclude).RequireAuthorization().WithName("excludeBid");
        api.MapDelete("/{id:guid}/exclusions/{bidId:guid}", Readmit).RequireAuthorization().WithName("readmitBid");
        api.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization().WithName("cancelTender");
        api.MapPost("/{id:guid}/complete", Complete).RequireAuthorization().WithName("completeTender");
        app.MapGet("/api/spaces/{id:guid}/tenders", OfSpace).WithTags("Tenders").WithName("listSpaceTenders");
        app.MapGet("/api/businesses/{id:guid}/tenders", OfBuyer).WithTags("Tenders").WithName("listBuyerTenders");
        return app;
    }

    static async Task<Results<Created<TenderDto>, ProblemHttpResult>> Draft(
        DraftTenderRequest body, [AsParameters] ViewerCall call)
    {
        var details = await Details(body, body.BuyerId, call.Db, call.Ct);
        if (details.Problem is { } bad) return bad.ToHttp();
        var id = Guid.NewGuid();
        var outcome = await call.Grains.Tender(id).Draft(new DraftTender(call.User.UserId(), body.BuyerId, body.Spaces ?? [], details.Value!));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Created($"/api/tenders/{id}", await Dto(outcome.Value!, call));
    }

    /// <summary>The tender's page in one call to the tender (<see cref="ITenderGrain.ViewFor"/>).</summary>
    static async Task<Results<Ok<TenderDto>, ProblemHttpResult>> Get(
        Guid id, [AsParameters] ViewerCall call)
    {
        var page = await call.Grains.Tender(id).ViewFor(call.User.UserIdOrNull());
        // A deadline passed that the tender has not moved past: it moves first, and is shown as after any change.
        if (page.Due) return await call.Access.Tender(id, call.User) is { } tender ? TypedResults.Ok(await Dto(tender, call)) : NoTender;
        return page.Tender is null ? NoTender : TypedResults.Ok(await Dto(page, call));
    }

    static async Task<Results<Ok<TenderDto>, ProblemHttpResult>> EditDraft(
        Guid id, EditTenderRequest body, [AsParameters] ViewerCall call)
    {
        if (await call.Access.Tender(id, call.User) is not { } tender) return NoTender; // a draft is nobody else's business
        var details = await Details(body, tender.BuyerId, call.Db, call.Ct);
        if (details.Problem is { } bad) return bad.ToHttp();
        return await Respond(call.Grains.Tender(id).EditDraft(new EditTenderDraft(call.User.UserId(), body.Version, body.Spaces ?? [], details.Value!)), call);
    }

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Publish(
        Guid id, VersionRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Publish(new PublishTender(call.User.UserId(), body.Version)), call);

    static async Task<Results<Ok<TenderDto>, ProblemHttpResult>> Amend(
        Guid id, AmendTenderRequest body, [AsParameters] ViewerCall call)
    {
        if (await call.Access.Tender(id, call.User) is not { } tender) return NoTender; // a draft is nobody else's business
        var details = await Details(body, tender.BuyerId, call.Db, call.Ct);
        if (details.Problem is { } bad) return bad.ToHttp();
        return await Respond(call.Grains.Tender(id).Amend(new AmendTender(call.User.UserId(), body.Version, details.Value!, body.Summary ?? "", body.Material)), call);
    }

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Ask(
        Guid id, AskRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Ask(new AskQuestion(call.User.UserId(), body.FirmId, body.Text ?? "")), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Answer(
        Guid id, int number, TextRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Answer(new AnswerQuestion(call.User.UserId(), number, body.Text ?? "")), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Score(
        Guid id, ScoreRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Score(new ScoreBid(call.User.UserId(), body.BidId, body.Criterion, body.Points)), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Decide(
        Guid id, DecideRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Decide(new DecideLot(call.User.UserId(), body.Lot, body.BidId, body.Reason)), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Exclude(
        Guid id, ExcludeRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Exclude(new ExcludeBid(call.User.UserId(), body.BidId, body.Reason ?? "")), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Readmit(
        Guid id, Guid bidId, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Readmit(new ReadmitBid(call.User.UserId(), bidId)), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Cancel(
        Guid id, TextRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Cancel(new CancelTender(call.User.UserId(), body.Text ?? "")), call);

    static Task<Results<Ok<TenderDto>, ProblemHttpResult>> Complete(
        Guid id, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Tender(id).Complete(call.User.UserId()), call);

    /// <summary>
    /// The published tenders of the spaces the viewer finds tenders in (<see cref="TenderSearch.SpacesOf"/>), found by
    /// the directory's search box read on their lots, their phase, a lot's estimated value and how soon bids close;
    /// open ones first, the soonest deadline first, then the others, the latest deadline first. The answer says what
    /// it searched for and, when a lot had to match, which lots did.
    /// </summary>
    static async Task<Results<Ok<TenderSearchPageDto>, ProblemHttpResult>> Search(
        [SearchWords] string? q, TenderPhase? status, decimal? minValue, decimal? maxValue, int? closingWithinDays, int? page, int? pageSize,
        [FromServices] TimeProvider clock, [AsParameters] ViewerCall call)
    {
        if (TenderSearch.Check(minValue, maxValue, closingWithinDays) is { } bad) return bad.ToHttp();
        var size = Math.Clamp(pageSize ?? 20, 1, DirectorySearch.MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, DirectorySearch.MaxPage);
        var phrase = SearchPhrase.Parse(q ?? "");
        var criteria = new TenderCriteria(phrase, status, minValue, maxValue,
            closingWithinDays is { } days ? clock.GetUtcNow().AddDays(days) : null);
        var (db, ct) = (call.Db, call.Ct);
        var found = TenderSearch.Matching(db, TenderSearch.SpacesOf(db, call.User.UserIdOrNull()), criteria);
        var total = await found.CountAsync(ct);
        var open = TenderSearch.OpenStatuses;
        var rows = await found.OrderBy(t => open.Contains(t.Status) ? 0 : 1)
            .ThenBy(t => open.Contains(t.Status) ? t.SubmissionDeadline : DateTimeOffset.MinValue)
            .ThenByDescending(t => t.SubmissionDeadline).ThenBy(t => t.TenderId)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var buyers = rows.Select(t => t.BuyerId).Distinct().ToList();
        var names = await db.Directory.AsNoTracking().Where(d => buyers.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var summaries = rows.Select(t => Summary(t, names.GetValueOrDefault(t.BuyerId, ""))).ToList();
        var ids = summaries.Select(s => s.Id).ToList();
        var lots = criteria.AsksOfLots
            ? (await TenderSearch.Lots(db, criteria).Where(l => ids.Contains(l.TenderId)).OrderBy(l => l.Lot).ToListAsync(ct)).ToLookup(l => l.TenderId)
            : null;
        return TypedResults.Ok(new TenderSearchPageDto(
            [.. summaries.Select(s => new TenderFoundDto(s, lots is null ? [] : [.. lots[s.Id].Select(FoundLotDto.From)]))],
            total, number, size, DirectorySearchedDto.From(phrase)));
    }

    /// <summary>
    /// The space's published tenders: public notices, the same for everybody, so kept in the space's read cache
    /// (<see cref="SpaceReads"/>); the read models are rented only when it misses (<see cref="GrainCall.Db"/>).
    /// </summary>
    static async Task<CachedJson<TenderSummaryDto[]>> OfSpace(Guid id, [AsParameters] GrainCall call, [FromServices] IOptions<JsonOptions> json) =>
        new(await call.Grains.CachedJson(id, SpaceReads.TendersPart, json.Value.SerializerOptions, () =>
        {
            var db = call.Db;
            return Summaries(db.Tenders.Where(t => t.Status != TenderStatus.Draft && db.TenderSpaces.Any(s => s.TenderId == t.TenderId && s.SpaceId == id)), db, call.Ct);
        }));

    /// <summary>
    /// A buyer's tenders across its spaces, each with the questions waiting for its answer: the published ones for
    /// everybody, and drafts as <see cref="TenderVisibility"/> shows them: to the buyer's Owners and Managers, and to
    /// whoever started one. Its Viewers are not listed a draft, as they may not open one. A mandated admin is listed
    /// the drafts they started only: which other drafts their mandate reaches is the tender's to say, one by one.
    /// </summary>
    static async Task<Ok<TenderSummaryDto[]>> OfBuyer(Guid id, [AsParameters] ViewerCall call)
    {
        var editsBuyer = await call.Access.Edits(call.User, id, call.Ct);
        return TypedResults.Ok(await Summaries(call.Db.Tenders.Where(t => t.BuyerId == id).SeenBy(call.User.UserIdOrNull(), editsBuyer), call.Db, call.Ct));
    }

    static async Task<TenderSummaryDto[]> Summaries(IQueryable<TenderEntry> tenders, MarketplaceDbContext db, CancellationToken ct)
    {
        var rows = await tenders.AsNoTracking().OrderByDescending(t => t.PublishedAt ?? t.UpdatedAt).Take(200)
            .GroupJoin(db.Directory, t => t.BuyerId, d => d.BusinessId, (t, d) => new { Tender = t, Buyer = d })
            .SelectMany(x => x.Buyer.DefaultIfEmpty(), (x, d) => new { x.Tender, Name = d == null ? "" : d.Name }).ToListAsync(ct);
        return [.. rows.Select(x => Summary(x.Tender, x.Name))];
    }

    static TenderSummaryDto Summary(TenderEntry t, string buyerName) => new(t.TenderId, t.BuyerId, t.ExternalBuyer ?? buyerName, t.Title, t.Status,
        t.Cpv.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.LotCount, t.EnquiryDeadline, t.SubmissionDeadline, t.PublishedAt, t.QuestionsWaiting,
        t.ExternalBuyer is not null, t.ExternalUrl);

    static async Task<Results<Ok<TenderDto>, ProblemHttpResult>> Respond(
        Task<Outcome<TenderSnapshot>> command, ViewerCall call)
    {
        var outcome = await command;
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(outcome.Value!, call));
    }

    internal static ProblemHttpResult NoTender => ProblemResults.NotFound(TenderState.NotFound);

    /// <summary>The request's details with its document ids resolved to files the buyer uploaded.</summary>
    static async Task<Outcome<TenderDetails>> Details(ITenderDetailsRequest body, Guid buyerId, MarketplaceDbContext db, CancellationToken ct)
    {
        if (body.EnquiryDeadline is not { } enquiry) return Problem.Invalid("enquiryDeadline", ProblemResults.FieldRequired);
        if (body.SubmissionDeadline is not { } submission) return Problem.Invalid("submissionDeadline", ProblemResults.FieldRequired);
        var documents = await DocumentEndpoints.Resolve(body.Documents ?? [], buyerId, "documents", db, ct);
        if (documents.Problem is { } bad) return bad;
        return new TenderDetails(body.Title ?? "", body.Description,
            [.. (body.Lots ?? []).Select(l => new Lot(l.Number, l.Title ?? "", l.Description, l.Cpv ?? [],
                l.EstimatedValue?.ToMoney(), l.ComuneCode, l.Requirements?.ToRequirements()))],
            body.Eligibility ?? [], [.. (body.Criteria ?? []).Select(c => new AwardCriterion(c.Number, c.Name ?? "", c.Kind, c.Weight))],
            enquiry, submission, body.ContractStart, body.ContractEnd, body.DisclosesBidCount, documents.Value!);
    }

    /// <summary>The tender as its viewer sees it after a change: the parts of its page read side by side.</summary>
    static async Task<TenderDto> Dto(TenderSnapshot t, ViewerCall call)
    {
        var (user, grains, access, _, ct, cards, spaceCards) = call;
        // Names are read from the grains that own them (held by the silo: HeldCards), not from a query per request.
        var namesRead = cards.Names(t.NamedBusinesses());
        var spacesRead = spaceCards.Names(t.Spaces);
        var myFirms = await access.Firms(user, ct);
        var viewerRead = user.UserIdOrNull() is { } userId
            ? grains.Tender(t.Id).ActionsFor(userId, [.. myFirms.Businesses]) : Task.FromResult(TenderViewerActions.None);
        return await Dto(new TenderPage(t, false, await namesRead, await spacesRead, myFirms, await viewerRead), call);
    }

    static async Task<TenderDto> Dto(TenderPage page, ViewerCall call)
    {
        var (t, names, spaces, myFirms, viewer) = (page.Tender!, page.BusinessNames, page.SpaceNames, page.Viewer, page.Actions);
        var opened = TenderRules.BidsOpened(t.Status);
        var receipts = await PublicBidCount(t, () => call.Db, call.Ct);
        var d = t.Details;
        return new TenderDto(t.Id, new NamedDto(t.BuyerId, t.External?.BuyerName ?? names.GetValueOrDefault(t.BuyerId, "")),
            [.. t.Spaces.Select(s => new NamedDto(s, spaces.GetValueOrDefault(s, "")))], d.Title, d.Description, [.. d.Lots.Select(LotDto.From)],
            d.Eligibility, [.. d.Criteria.Select(c => new CriterionDto(c.Number, c.Name, c.Kind, c.Weight))], d.EnquiryDeadline, d.SubmissionDeadline,
            d.ContractStart, d.ContractEnd, d.DisclosesBidCount, [.. d.Documents.Select(DocumentDto.From)], t.Status, t.Version,
            [.. t.Amendments.Select(a => new AmendmentDto(a.Number, a.Summary, a.Material, a.SubmissionDeadline, a.At))],
            [.. t.Questions.Select(q => new QuestionDto(q.Number, q.Text, q.AskedAt, q.Answer, q.AnsweredAt, myFirms.Reads(q.AskerFirmId)))],
            receipts, [.. t.Decisions.Select(x => Decision(t, x, names))], t.CancelReason, t.PublishedAt, t.UpdatedAt,
            viewer.Actions, viewer.Firms, opened, ExternalDto.From(t.External));
    }

    /// <summary>
    /// How many bids anyone who sees the tender may know of: once opened, the bids opened; before, the bids submitted
    /// when the buyer chose to disclose the count, else nothing (null). The read models are asked for only then.
    /// </summary>
    internal static async Task<int?> PublicBidCount(TenderSnapshot t, Func<MarketplaceDbContext> db, CancellationToken ct) =>
        TenderRules.BidsOpened(t.Status) ? t.Bids.Length
            : t.Details.DisclosesBidCount ? await db().Bids.CountAsync(b => b.TenderId == t.Id && b.Status == BidStatus.Submitted, ct)
            : null;

    internal static DecisionDto Decision(TenderSnapshot t, LotDecision d, IReadOnlyDictionary<Guid, string> names)
    {
        if (TenderAwards.Award(d, t.Bids) is not { } award) return new DecisionDto(d.Lot, null, [], null, d.Reason, d.At);
        return new DecisionDto(d.Lot, award.Bid.BidId, [.. award.Bid.Tenderers.Select(x => new NamedDto(x.FirmId, names.GetValueOrDefault(x.FirmId, "")))],
            MoneyDto.From(award.Price), null, d.At, d.StandstillEnds);
    }
}
