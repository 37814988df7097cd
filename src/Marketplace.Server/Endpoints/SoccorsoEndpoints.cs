using Marketplace.Data.Storage;
using Marketplace.Server.Auth;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Soccorso istruttorio (art. 101 D.Lgs. 36/2023). The buyer asks and withdraws on the tender; the buyer reads the
/// requests in its evaluation. The bidder's people read and answer under their bid, where the bid grain's Read decides
/// first who they are: anyone else gets the bid's one "not found", whatever requests exist.
/// </summary>
public static class SoccorsoEndpoints
{
    public static IEndpointRouteBuilder MapSoccorsoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/tenders/{id:guid}", "Soccorso");
        api.MapPost("/soccorso", Request).RequireAuthorization().WithName("requestSoccorso");
        api.MapDelete("/soccorso/{number:int}", Withdraw).RequireAuthorization().WithName("withdrawSoccorso");
        api.MapGet("/bids/{bidderId:guid}/soccorso", OfBid).RequireAuthorization().WithName("getBidSoccorso");
        api.MapPost("/bids/{bidderId:guid}/soccorso/{number:int}/answer", Answer).RequireAuthorization().WithName("answerSoccorso");
        api.MapGet("/bids/{bidderId:guid}/soccorso/{number:int}/document", Document).RequireAuthorization().WithName("getSoccorsoDocument");
        return app;
    }

    static async Task<Results<Ok<SoccorsoDto>, ProblemHttpResult>> Request(
        Guid id, SoccorsoRequestBody body, [AsParameters] GrainCall call, [FromServices] MarketplaceClock clock)
    {
        // A missing deadline is judged with the rest by the grain, so the buyer hears of every wrong field at once.
        var outcome = await call.Grains.Tender(id).RequestSoccorso(
            new RequestSoccorso(call.User.UserId(), body.BidId, body.Subject ?? "", body.Deadline ?? DateTimeOffset.MinValue));
        if (outcome.Problem is { } no) return no.ToHttp();
        var tender = outcome.Value!;
        return TypedResults.Ok(SoccorsoDto.From(tender.SoccorsoRequests[^1], tender, clock.GetUtcNow()));
    }

    static async Task<Results<Ok<SoccorsoDto>, ProblemHttpResult>> Withdraw(
        Guid id, int number, [AsParameters] GrainCall call, [FromServices] MarketplaceClock clock)
    {
        var outcome = await call.Grains.Tender(id).WithdrawSoccorso(new WithdrawSoccorso(call.User.UserId(), number));
        if (outcome.Problem is { } no) return no.ToHttp();
        var tender = outcome.Value!;
        return TypedResults.Ok(SoccorsoDto.From(tender.SoccorsoRequests.Single(r => r.Number == number), tender, clock.GetUtcNow()));
    }

    /// <summary>The requests made to the bid, oldest first, for whoever may read the bid (its firms' people, and the buyer after opening).</summary>
    static async Task<Results<Ok<SoccorsoDto[]>, ProblemHttpResult>> OfBid(
        Guid id, Guid bidderId, [AsParameters] GrainCall call, [FromServices] MarketplaceClock clock)
    {
        var read = await call.Grains.Bid(id, bidderId).Read(call.User.UserId());
        if (read.Problem is { } no) return no.ToHttp();
        var tender = (await call.Grains.Tender(id).Current())!;
        var now = clock.GetUtcNow();
        return TypedResults.Ok(tender.SoccorsoRequests.Where(r => r.BidId == read.Value!.BidId).Select(r => SoccorsoDto.From(r, tender, now)).ToArray());
    }

    /// <summary>
    /// The answer, by the lead firm's Owners and Managers. Its document is one the lead firm uploaded; it is stored
    /// unsealed, as the buyer reads it at once, and it never joins the sealed bid.
    /// </summary>
    static async Task<Results<Ok<SoccorsoDto>, ProblemHttpResult>> Answer(
        Guid id, Guid bidderId, int number, SoccorsoAnswerBody body, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        var read = await call.Grains.Bid(id, bidderId).Read(call.User.UserId());
        if (read.Problem is { } no) return no.ToHttp();
        var lead = (await call.Grains.Tender(id).Current())?.Bids.FirstOrDefault(b => b.BidderId == bidderId) is { } opened ? TenderState.LeadOf(opened) : (Guid?)null;
        // The lead's files are looked up only for the lead's own people; the grain refuses anyone else the same way.
        DocumentRef? document = null;
        if (lead is { } firm && body.Document is { } documentId && await call.Access.Edits(call.User, firm, call.Ct))
        {
            var resolved = await DocumentEndpoints.Resolve([documentId], firm, "document", call.Db, call.Ct);
            if (resolved.Problem is { } bad) return bad.ToHttp();
            document = resolved.Value!.Single();
        }
        var outcome = await call.Grains.Tender(id).AnswerSoccorso(new AnswerSoccorso(call.User.UserId(), bidderId, number, body.Text ?? "", document));
        if (outcome.Problem is { } refused) return refused.ToHttp();
        var tender = outcome.Value!;
        return TypedResults.Ok(SoccorsoDto.From(tender.SoccorsoRequests.Single(r => r.BidId == read.Value!.BidId && r.Number == number), tender, clock.GetUtcNow()));
    }

    /// <summary>The document of an answer, for whoever may read the bid.</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(
        Guid id, Guid bidderId, int number, [AsParameters] GrainCall call, [FromServices] StateSealer sealer)
    {
        var read = await call.Grains.Bid(id, bidderId).Read(call.User.UserId());
        if (read.Problem is { } no) return no.ToHttp();
        var tender = (await call.Grains.Tender(id).Current())!;
        return tender.SoccorsoRequests.FirstOrDefault(r => r.BidId == read.Value!.BidId && r.Number == number)?.Answer?.Document is { } document
            ? await DocumentEndpoints.Download(document.Id, call.Db, sealer, call.Ct)
            : ProblemResults.NotFound(TenderState.NoSuchSoccorso);
    }
}
