using Marketplace.Data.Storage;
using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The auxiliary firm's side of a joint bid's reliances (avvalimento): its people read only what their firm is asked to
/// lend (the tender, the lot, what, to whom, the avvalimento contract, where the commitment stands) and its Owners and
/// Managers commit to a reliance or decline it. The joint bid decides who sees what (<see cref="IJointBidGrain.ReadLending"/>):
/// anyone who acts for none of its auxiliaries gets one not-found answer, whatever exists.
/// </summary>
public static class JointBidLendingEndpoints
{
    public static IEndpointRouteBuilder MapJointBidLendingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/alliances/{id:guid}/bid/lending", "Joint bids").RequireAuthorization();
        api.MapGet("/", Read).WithName("getJointBidLending");
        api.MapPost("/answer", Answer).WithName("answerJointBidLending");
        api.MapGet("/contracts/{documentId:guid}", Contract).WithName("getJointBidLendingContract");
        return app;
    }

    static async Task<Results<Ok<LendingViewDto>, ProblemHttpResult>> Read(Guid id, [AsParameters] GrainCall call) =>
        await Respond(await call.Grains.GetGrain<IJointBidGrain>(id).ReadLending(call.User.UserId()), call.Cards);

    static async Task<Results<Ok<LendingViewDto>, ProblemHttpResult>> Answer(Guid id, AnswerLendingRequest body, [AsParameters] GrainCall call) =>
        await Respond(await call.Grains.GetGrain<IJointBidGrain>(id).AnswerReliance(
            new AnswerReliance(call.User.UserId(), body.AuxiliaryId, body.Digest ?? "", body.Commit)), call.Cards);

    /// <summary>The avvalimento contract of a reliance the viewer's firm is asked for: the one file of the bid its people read.</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Contract(Guid id, Guid documentId, [AsParameters] GrainCall call,
        [FromServices] StateSealer sealer)
    {
        var view = await call.Grains.GetGrain<IJointBidGrain>(id).ReadLending(call.User.UserId());
        if (view.Problem is { } no) return no.ToHttp();
        return view.Value!.Lendings.Any(l => l.Contract?.Id == documentId)
            ? await DocumentEndpoints.Download(documentId, call.Db, sealer, call.Ct) : ProblemResults.NotFound(JointBidState.NoSuchDocument);
    }

    static async Task<Results<Ok<LendingViewDto>, ProblemHttpResult>> Respond(Outcome<AuxiliaryView> outcome, Businesses.BusinessCards cards)
    {
        if (outcome.Problem is { } no) return no.ToHttp();
        var view = outcome.Value!;
        var names = await cards.Names(view.Lendings.SelectMany(l => new[] { l.Reliance.AuxiliaryId, l.Reliance.RelyingFirmId }));
        NamedDto Firm(Guid firm) => new(firm, names.GetValueOrDefault(firm, ""));
        return TypedResults.Ok(new LendingViewDto(view.AllianceId, new NamedDto(view.TenderId, view.TenderTitle), view.Open, view.Submitted,
            [.. view.Lendings.Select(l => new LendingDto(
                l.Reliance.Lot, view.Lots.FirstOrDefault(x => x.Number == l.Reliance.Lot)?.Title ?? "",
                RelianceDto.From(l.Reliance, Firm, l),
                l.Digest, view.Editing.Contains(l.Reliance.AuxiliaryId) && view.Open && l is { Status: RelianceStatus.Awaiting }))]));
    }
}

/// <summary>The auxiliary's answer to one reliance: the digest read (<c>lendings[i].digest</c>), commit or decline.</summary>
public sealed record AnswerLendingRequest(Guid AuxiliaryId, string? Digest, bool Commit);

/// <summary>
/// What an auxiliary firm's people see of a joint bid: the tender, whether it still takes bids, whether the bid was
/// submitted as it is (so with the commitments shown), and their firms' reliances.
/// </summary>
public sealed record LendingViewDto(Guid AllianceId, NamedDto Tender, bool Open, bool Submitted, LendingDto[] Lendings);

/// <summary>What an auxiliary firm's lending page shows of the alliance's joint bid changed: read it again.</summary>
public sealed record LendingChangedDto(Guid AllianceId, Guid FirmId);

/// <summary>
/// One reliance the viewer's firm is asked for, in its lot; <see cref="Digest"/> is what its commitment signs (null until
/// a contract is attached); <see cref="MayAnswer"/>: the viewer answers it now for the firm.
/// </summary>
public sealed record LendingDto(int Lot, string LotTitle, RelianceDto Reliance, string? Digest, bool MayAnswer);
