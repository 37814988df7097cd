using System.Globalization;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.Storage;
using Marketplace.Server.Auth;
using Marketplace.Server.Hosting;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class BidEndpoints
{
    static readonly Refusal
        NoSuchDocument = new("bid.noSuchDocument", "This bid has no document with this id."),
        NotOpened = new("bid.notOpened", "The bid has not been opened: results come after the submission deadline."),
        Excluded = new("bid.excluded", "The bid was excluded at opening: it did not match its receipt ({reason}), so it is not ranked."),
        ExcludedByBuyer = new("bid.excludedByBuyer", "The buyer excluded the bid on {at}: {reason}. It is not ranked."),
        NotTheEvaluator = new("bid.notTheEvaluator", "Only the buyer's Owners and Managers evaluate its bids."),
        Sealed = new("bid.sealed", "The bids are sealed until the submission deadline."),
        NotTheFirmsPeople = new("bid.notTheFirmsPeople", "Only the firm's people see its bids.");

    /// <summary>
    /// Bids, sealed until the deadline. Every read of bid content goes through the bid grain's Read, the one place
    /// that decides who may unseal it; the buyer's evaluation reads only what the tender learnt when it opened the bids.
    /// </summary>
    public static IEndpointRouteBuilder MapBidApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/tenders/{id:guid}", "Bids");
        api.MapPut("/bids/{bidderId:guid}", Submit).RequireAuthorization().WithName("submitBid");
        api.MapDelete("/bids/{bidderId:guid}", Withdraw).RequireAuthorization().WithName("withdrawBid");
        api.MapGet("/bids/{bidderId:guid}", Read).RequireAuthorization().WithName("getBid");
        api.MapGet("/bids/{bidderId:guid}/result", Result).RequireAuthorization().WithName("getBidResult");
        api.MapGet("/bids/{bidderId:guid}/documents/{documentId:guid}", Document).RequireAuthorization().WithName("getBidDocument");
        api.MapGet("/evaluation", Evaluation).RequireAuthorization().WithName("getEvaluation");
        app.MapApiGroup("/api/businesses/{id:guid}", "Bids").MapGet("/bids", OfFirm).RequireAuthorization().WithName("listFirmBids");
        return app;
    }

    static async Task<Results<Ok<ReceiptDto>, ProblemHttpResult>> Submit(
        Guid id, Guid bidderId, SubmitBidRequest body, [AsParameters] ViewerCall call, HttpContext http)
    {
        var lots = new List<LotPrice>();
        foreach (var (lot, i) in (body.Lots ?? []).Select((l, i) => (l, i)))
        {
            if (lot.Price is not { } price) return ProblemResults.Required($"lots[{i}].price");
            lots.Add(new LotPrice(lot.Lot, price.ToMoney()));
        }
        // The firm's files are looked up only for its own people: to anyone else, the refusal says nothing about them.
        if (!await call.Access.Edits(call.User, bidderId, call.Ct)) return Problem.Forbidden(TenderRules.NotTheBidder).ToHttp();
        var documents = await DocumentEndpoints.Resolve(body.Documents ?? [], bidderId, "documents", call.Db, call.Ct, sealedFor: id);
        if (documents.Problem is { } bad) return bad.ToHttp();
        var outcome = await call.Grains.Bid(id, bidderId).Submit(new SubmitBid(call.User.UserId(), [new Tenderer(bidderId, TendererRole.Lead)], [.. lots],
            [.. (body.Answers ?? []).Select(a => new CriterionAnswer(a.Criterion, a.Text ?? ""))], documents.Value!, http.ArrivedAt()));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(ReceiptDto.From(outcome.Value!));
    }

    static async Task<Results<Ok<BidDto>, ProblemHttpResult>> Withdraw(
        Guid id, Guid bidderId, [AsParameters] GrainCall call)
    {
        var outcome = await call.Grains.Bid(id, bidderId).Withdraw(call.User.UserId(), fromWorkspace: false);
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(outcome.Value!, call.Db, call.Ct));
    }

    static async Task<Results<Ok<BidDto>, ProblemHttpResult>> Read(
        Guid id, Guid bidderId, [AsParameters] GrainCall call)
    {
        var outcome = await call.Grains.Bid(id, bidderId).Read(call.User.UserId());
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(outcome.Value!, call.Db, call.Ct));
    }

    /// <summary>A file attached to a bid, for whoever may read the bid.</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(
        Guid id, Guid bidderId, Guid documentId, [AsParameters] GrainCall call, [FromServices] StateSealer sealer)
    {
        var outcome = await call.Grains.Bid(id, bidderId).Read(call.User.UserId());
        if (outcome.Problem is { } no) return no.ToHttp();
        return outcome.Value!.Content!.Documents.Any(d => d.Id == documentId)
            ? await DocumentEndpoints.Download(documentId, call.Db, sealer, call.Ct) : ProblemResults.NotFound(NoSuchDocument);
    }

    /// <summary>What the bidder learns after opening: its rank, points and the outcome on each lot it bid for.</summary>
    static async Task<Results<Ok<BidResultDto[]>, ProblemHttpResult>> Result(
        Guid id, Guid bidderId, [AsParameters] GrainCall call)
    {
        var read = await call.Grains.Bid(id, bidderId).Read(call.User.UserId());
        if (read.Problem is { } no) return no.ToHttp();
        var tender = (await call.Grains.Tender(id).Current())!;
        if (tender.Bids.FirstOrDefault(b => b.BidId == read.Value!.BidId) is not { } bid)
            return Problem.Conflict(NotOpened).ToHttp();
        // Told to its own people only (Read above decided who they are), as the buyer's evaluation tells the buyer.
        if (bid.Failure is { } failure) return Problem.Conflict(Excluded, ("reason", failure.ToString())).ToHttp();
        if (tender.Excluded.FirstOrDefault(e => e.BidId == bid.BidId) is { } exclusion)
            return Problem.Conflict(ExcludedByBuyer, ("reason", exclusion.Reason), ("at", exclusion.At.ToString("O", CultureInfo.InvariantCulture))).ToHttp();
        return TypedResults.Ok(bid.Lots.Select(l =>
        {
            var ranking = TenderEvaluation.Rank(tender, l.Lot);
            var rank = ranking.Select((r, i) => (r, i)).Single(x => x.r.BidId == bid.BidId);
            var decision = tender.Decisions.FirstOrDefault(d => d.Lot == l.Lot);
            return new BidResultDto(l.Lot, rank.i + 1, ranking.Count, rank.r.Total, new Dictionary<int, decimal>(rank.r.Points),
                decision?.BidId == bid.BidId, decision is not null);
        }).ToArray());
    }

    /// <summary>The buyer's working view once the bids are opened: per lot, every bid ranked by its weighted points.</summary>
    static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Evaluation(
        Guid id, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        if (await call.Access.Tender(id, call.User) is not { } tender) return ProblemResults.NotFound(TenderState.NotFound);
        if (!await call.Access.ActsForBuyer(id, call.User)) return Problem.Forbidden(NotTheEvaluator).ToHttp();
        if (!TenderRules.BidsOpened(tender.Status)) return Problem.Conflict(Sealed).ToHttp();
        var failed = tender.Bids.Where(b => b.Failure is not null).ToList();
        var excluded = tender.Excluded.Select(e => (Exclusion: e, Bid: tender.Bids.Single(b => b.BidId == e.BidId))).ToList();
        var firms = tender.Bids.SelectMany(b => b.Tenderers.Select(t => t.FirmId)).Concat(failed.Select(b => b.BidderId)).Distinct().ToList();
        var names = await call.Db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, call.Ct);
        foreach (var alliance in await call.Db.Alliances.AsNoTracking().Where(a => firms.Contains(a.AllianceId)).ToListAsync(call.Ct)) names[alliance.AllianceId] = alliance.Name;
        var failures = failed.Select(b => new IntegrityFailureDto(b.BidId, b.BidderId, names.GetValueOrDefault(b.BidderId, ""), b.Failure!.Value, b.Digest,
            b.ReceivedAt == default ? null : b.ReceivedAt)).ToArray();
        var exclusions = excluded.Select(x => new ExcludedBidDto(x.Bid.BidId, x.Bid.BidderId,
            [.. x.Bid.Tenderers.Select(t => new TendererDto(t.FirmId, names.GetValueOrDefault(t.FirmId, ""), t.Role))],
            [.. x.Bid.Lots.Select(l => new LotPriceDto(l.Lot, MoneyDto.From(l.Price)))], x.Exclusion.Reason, x.Exclusion.At,
            TenderState.ExclusionStandsFor(x.Bid, tender.Decisions))).ToArray();
        return TypedResults.Ok(new EvaluationDto(tender.Details.Lots.Select(lot =>
        {
            var decision = tender.Decisions.FirstOrDefault(d => d.Lot == lot.Number);
            return new LotEvaluationDto(lot.Number, lot.Title, [.. TenderEvaluation.Rank(tender, lot.Number).Select((r, i) =>
            {
                var bid = tender.Bids.Single(b => b.BidId == r.BidId);
                var price = bid.Lots.Single(l => l.Lot == lot.Number).Price;
                return new RankedBidDto(i + 1, r.BidId, bid.BidderId, [.. bid.Tenderers.Select(t => new TendererDto(t.FirmId, names.GetValueOrDefault(t.FirmId, ""), t.Role))],
                    MoneyDto.From(price), new Dictionary<int, decimal>(r.Points), r.Total, r.Complete, r.ReceivedAt, bid.Digest);
            })], decision is null ? null : TenderEndpoints.Decision(tender, decision, names));
        }).ToArray(), failures, exclusions, [.. tender.SoccorsoRequests.Select(r => SoccorsoDto.From(r, tender, clock.GetUtcNow()))]));
    }

    /// <summary>A firm's own bids with their receipts, for its people.</summary>
    static async Task<Results<Ok<MyBidDto[]>, ProblemHttpResult>> OfFirm(Guid id, [AsParameters] ViewerCall call)
    {
        if (!await call.Access.IsOneOf(call.User, id, call.Ct))
            return Problem.Forbidden(NotTheFirmsPeople).ToHttp();
        var rows = await call.Db.BidTenderers.AsNoTracking().Where(t => t.FirmId == id)
            .Join(call.Db.Bids, t => t.BidId, b => b.BidId, (t, b) => b)
            .Join(call.Db.Tenders, b => b.TenderId, t => t.TenderId, (b, t) => new { Bid = b, t.Title, t.Status })
            .OrderByDescending(x => x.Bid.ReceivedAt).Take(200).ToListAsync(call.Ct);
        return TypedResults.Ok(rows.Select(x => new MyBidDto(x.Bid.TenderId, x.Title, x.Status, x.Bid.BidId, x.Bid.Status,
            new ReceiptDto(x.Bid.TenderId, x.Bid.BidId, x.Bid.Submission, x.Bid.Digest, x.Bid.ReceivedAt, Salt: null))).ToArray());
    }

    static async Task<BidDto> Dto(BidSnapshot bid, MarketplaceDbContext db, CancellationToken ct)
    {
        var content = bid.Content!;
        // The subcontractors a grouping named among its alliance's firms are named too; a name typed in words is its own.
        var firms = content.Tenderers.Select(t => t.FirmId).Concat((content.Subcontracts ?? []).Where(d => d.FirmId is not null).Select(d => d.FirmId!.Value))
            .Concat((content.Reliances ?? []).Select(r => r.AuxiliaryId)).Concat((content.Dgues ?? []).Select(d => d.FirmId)).ToList();
        var names = await db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        return new BidDto(bid.BidId, bid.TenderId, bid.Status,
            [.. content.Tenderers.Select(t => new TendererDto(t.FirmId, names.GetValueOrDefault(t.FirmId, ""), t.Role))],
            [.. content.Lots.Select(l => new LotPriceDto(l.Lot, MoneyDto.From(l.Price)))],
            [.. content.Answers.Select(a => new AnswerDto(a.Criterion, a.Text))], [.. content.Documents.Select(DocumentDto.From)],
            bid.Receipt is { } r ? ReceiptDto.From(r) : null, bid.Receipt?.Digest == BidSeal.Digest(content), bid.UpdatedAt,
            [.. (content.Quotas ?? []).Select(q => new QuotaDto(q.Lot, new NamedDto(q.FirmId, names.GetValueOrDefault(q.FirmId, "")), q.Participation, q.Execution))],
            [.. (content.Subcontracts ?? []).Select(d => SubcontractDto.From(d, null, f => new NamedDto(f, names.GetValueOrDefault(f, ""))))],
            [.. (content.Reliances ?? []).Select(r => RelianceDto.From(r, f => new NamedDto(f, names.GetValueOrDefault(f, ""))))],
            [.. (content.Dgues ?? []).Select(d => new BidDgueDto(new NamedDto(d.FirmId, names.GetValueOrDefault(d.FirmId, "")),
                DgueDto.Sealed(d, bid.Receipt?.ReceivedAt ?? bid.UpdatedAt)))]);
    }
}
