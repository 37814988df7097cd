using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.Storage;
using Marketplace.JointBids;
using Marketplace.Server.Auth;
using Marketplace.Server.Hosting;
using Marketplace.Tenders;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Endpoints;

public static class JointBidEndpoints
{
    /// <summary>
    /// The joint bid of an alliance formed for a tender: work packages and answers co-edited by its firms (each item
    /// keeps a version: a stale save gets 409 and the client reloads; a package is its firm's to change, the lead's to
    /// give to another firm), sign-off of one exact digest by every bidding
    /// firm, and the lead's sealed submission. Only the alliance's active firms see it.
    /// </summary>
    public static IEndpointRouteBuilder MapJointBidApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/alliances/{id:guid}/bid", "Joint bids").RequireAuthorization();
        api.MapGet("/", Read).WithName("getJointBid");
        api.MapPost("/work-packages", Save).WithName("saveWorkPackage");
        api.MapDelete("/work-packages/{packageId:guid}", Delete).WithName("deleteWorkPackage");
        api.MapPut("/answers/{criterion:int}", Answer).WithName("answerJointBidCriterion");
        api.MapPut("/quotas", Quotas).WithName("saveJointBidQuotas");
        api.MapPut("/subcontracts", Subcontracts).WithName("saveJointBidSubcontracts");
        api.MapPut("/reliances", Reliances).WithName("saveJointBidReliances");
        api.MapPost("/documents", Attach).WithName("attachJointBidDocument");
        api.MapDelete("/documents/{documentId:guid}", Detach).WithName("detachJointBidDocument");
        api.MapGet("/documents/{documentId:guid}", Document).WithName("getJointBidDocument");
        api.MapGet("/package", JointBidPackage.Download).WithName("getJointBidPackage").Produces(StatusCodes.Status200OK, contentType: "application/zip");
        api.MapPost("/sign", Sign).WithName("signJointBid");
        api.MapPost("/submit", Submit).WithName("submitJointBid");
        api.MapPost("/withdraw", Withdraw).WithName("withdrawJointBid");
        return app;
    }

    static IJointBidGrain Bid(this IGrainFactory grains, Guid allianceId) => grains.GetGrain<IJointBidGrain>(allianceId);

    /// <summary>
    /// The joint bid's page: with the bidding firms' DGUEs as they stand now (held by the silo, <see cref="JointBids.DgueDigests"/>),
    /// so a firm that changed its DGUE after signing shows as having to sign again.
    /// </summary>
    static async Task<Results<CachedJson<JointBidDto>, ProblemHttpResult>> Read(Guid id, [AsParameters] GrainCall call, [FromServices] IOptions<JsonOptions> json)
    {
        var outcome = await call.Grains.Bid(id).Read(call.User.UserId(), true);
        if (outcome.Problem is { } no) return no.ToHttp();
        var bid = outcome.Value!;
        var named = Written.TryGetValue(bid, out var written) ? written.Named : Named(bid);
        var names = await call.Cards.Names(named);
        if (written is not null && written.Names.Count == names.Count && written.Names.All(n => names.TryGetValue(n.Key, out var now) && now == n.Value))
            return new CachedJson<JointBidDto>(written.Json);
        var body = JsonSerializer.SerializeToUtf8Bytes(Dto(bid, names), json.Value.SerializerOptions);
        Written.AddOrUpdate(bid, new WrittenBid(named, names, body));
        return new CachedJson<JointBidDto>(body);
    }

    /// <summary>
    /// The JSON of each bid its grain keeps for a viewer (<see cref="JointBids.ShownJointBids"/>: the same object until
    /// anything it shows moves), with the firms' names it was written with: a page read writes it again only when the
    /// bid or a name changed (issue #11). Forgotten with the bid; a bid read from another silo is a new object, written anew.
    /// </summary>
    static readonly ConditionalWeakTable<JointBidSnapshot, WrittenBid> Written = new();

    sealed record WrittenBid(Guid[] Named, Dictionary<Guid, string> Names, byte[] Json);

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Save(
        Guid id, SaveWorkPackageRequest body, [AsParameters] GrainCall call) =>
        body.Price is not { } price ? Task.FromResult<Results<Ok<JointBidDto>, ProblemHttpResult>>(ProblemResults.Required("price"))
        : Respond(call.Grains.Bid(id).SaveWorkPackage(new SaveWorkPackage(call.User.UserId(), body.Id, body.Version, body.Title ?? "", body.Lot, body.Description,
            body.FirmId, price.ToMoney())), call.Cards);

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Delete(
        Guid id, Guid packageId, int version, [AsParameters] GrainCall call) =>
        Respond(call.Grains.Bid(id).DeleteWorkPackage(call.User.UserId(), packageId, version), call.Cards);

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Answer(
        Guid id, int criterion, SaveAnswerRequest body, [AsParameters] GrainCall call) =>
        Respond(call.Grains.Bid(id).SaveAnswer(new SaveJointAnswer(call.User.UserId(), criterion, body.Version, body.Text ?? "")), call.Cards);

    /// <summary>A quota left empty is named like any wrong field; the rules are the grain's (<see cref="QuotaRules"/>).</summary>
    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Quotas(
        Guid id, SaveQuotasRequest body, [AsParameters] GrainCall call)
    {
        var rows = body.Quotas ?? [];
        var missing = new Dictionary<string, FieldProblem[]>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Participation is null) missing[$"quotas[{i}].participation"] = [FieldProblem.Of(QuotaRules.Required)];
            if (rows[i].Execution is null) missing[$"quotas[{i}].execution"] = [FieldProblem.Of(QuotaRules.Required)];
        }
        if (missing.Count > 0) return Task.FromResult<Results<Ok<JointBidDto>, ProblemHttpResult>>(Problem.Invalid(missing).ToHttp());
        return Respond(call.Grains.Bid(id).SaveQuotas(new SaveJointQuotas(call.User.UserId(), body.Version,
            [.. rows.Select(q => new BidQuota(q.Lot, q.FirmId, q.Participation!.Value, q.Execution!.Value))])), call.Cards);
    }

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Subcontracts(
        Guid id, SaveSubcontractsRequest body, [AsParameters] GrainCall call) =>
        JointBidSubcontractRequests.Read(body) is { Problem: { } bad } ? Task.FromResult<Results<Ok<JointBidDto>, ProblemHttpResult>>(bad.ToHttp())
        : Respond(call.Grains.Bid(id).SaveSubcontracts(new SaveJointSubcontracts(call.User.UserId(), body.Version, JointBidSubcontractRequests.Read(body).Value!)), call.Cards);

    /// <summary>The rules are the grain's (<see cref="RelianceRules"/>), the auxiliaries judged as they stand now.</summary>
    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Reliances(Guid id, SaveReliancesRequest body, [AsParameters] GrainCall call) =>
        Respond(call.Grains.Bid(id).SaveReliances(new SaveJointReliances(call.User.UserId(), body.Version,
            [.. (body.Reliances ?? []).Select(r => r.ToLending())])), call.Cards);

    static async Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Attach(
        Guid id, AttachDocumentsRequest body, [AsParameters] GrainCall call)
    {
        // Outsiders are refused before anything is said about the files.
        var read = await call.Grains.Bid(id).Read(call.User.UserId(), false);
        if (read.Problem is { } hidden) return hidden.ToHttp();
        var documents = await DocumentEndpoints.Resolve(body.Documents ?? [], body.FirmId, "documents", call.Db, call.Ct, sealedFor: read.Value!.TenderId);
        if (documents.Problem is { } bad) return bad.ToHttp();
        return await Respond(call.Grains.Bid(id).AttachDocuments(new AttachJointDocuments(call.User.UserId(), body.FirmId, documents.Value!)), call.Cards);
    }

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Detach(
        Guid id, Guid documentId, [AsParameters] GrainCall call) =>
        Respond(call.Grains.Bid(id).DetachDocument(call.User.UserId(), documentId), call.Cards);

    /// <summary>A file of the joint bid, for the alliance's firms (the buyer reads the submitted bid's files once opened).</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(
        Guid id, Guid documentId, [AsParameters] GrainCall call, [FromServices] StateSealer sealer)
    {
        var outcome = await call.Grains.Bid(id).Read(call.User.UserId(), false);
        if (outcome.Problem is { } no) return no.ToHttp();
        return outcome.Value!.Documents.Any(d => d.Document.Id == documentId)
            ? await DocumentEndpoints.Download(documentId, call.Db, sealer, call.Ct) : ProblemResults.NotFound(JointBidState.NoSuchDocument);
    }

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Sign(
        Guid id, SignRequest body, [AsParameters] GrainCall call) =>
        Respond(call.Grains.Bid(id).Sign(new SignJointBid(call.User.UserId(), body.FirmId, body.Digest ?? "")), call.Cards);

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Submit(
        Guid id, [AsParameters] GrainCall call, HttpContext http) =>
        Respond(call.Grains.Bid(id).Submit(call.User.UserId(), http.ArrivedAt()), call.Cards); // the bid counts from when the server had it

    static Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Withdraw(Guid id, [AsParameters] GrainCall call) =>
        Respond(call.Grains.Bid(id).Withdraw(call.User.UserId()), call.Cards);

    static async Task<Results<Ok<JointBidDto>, ProblemHttpResult>> Respond(
        Task<Outcome<JointBidSnapshot>> command, BusinessCards cards)
    {
        var outcome = await command;
        if (outcome.Problem is { } no) return no.ToHttp();
        var bid = outcome.Value!;
        return TypedResults.Ok(Dto(bid, await cards.Names(Named(bid))));
    }

    /// <summary>The names of the firms the bid itself names, not of the alliance's every firm: no read of the alliance again.</summary>
    static Guid[] Named(JointBidSnapshot bid) =>
        [.. bid.WorkPackages.Select(w => w.FirmId).Concat(bid.Documents.Select(d => d.FirmId)).Concat(bid.Shares.Select(s => s.FirmId))
            .Concat(bid.SignOffs.Select(s => s.FirmId)).Concat(bid.AwaitingSignature).Concat(bid.PackageFirms).Concat(bid.Quotas.Select(q => q.FirmId))
            .Concat(bid.Subcontracts.Where(d => d.FirmId is not null).Select(d => d.FirmId!.Value))
            .Concat((bid.Reliances ?? []).SelectMany(r => new[] { r.AuxiliaryId, r.RelyingFirmId })).Distinct()];

    static JointBidDto Dto(JointBidSnapshot bid, Dictionary<Guid, string> names)
    {
        NamedDto Firm(Guid firm) => new(firm, names.GetValueOrDefault(firm, ""));
        return new JointBidDto(bid.AllianceId, bid.TenderId,
            [.. bid.WorkPackages.OrderBy(w => w.Lot).ThenBy(w => w.Title).Select(w => WorkPackageDto.From(w, Firm,
                bid.PackageActions.FirstOrDefault(a => a.WorkPackageId == w.Id)?.Actions))],
            [.. bid.Answers.Select(a => new JointAnswerDto(a.Criterion, a.Text, a.Version))],
            [.. bid.Documents.Select(d => new JointDocumentDto(DocumentDto.From(d.Document), Firm(d.FirmId),
                bid.DocumentActions.FirstOrDefault(a => a.DocumentId == d.Document.Id)?.Actions ?? ViewerActions<JointDocumentAction>.None))],
            [.. bid.LotPrices.Select(l => new LotPriceDto(l.Lot, MoneyDto.From(l.Price)))],
            [.. bid.Shares.Select(s => FirmShareDto.From(s, Firm))], bid.Digest,
            [.. bid.SignOffs.Select(s => SignOffDto.From(s, Firm))],
            [.. bid.AwaitingSignature.Select(Firm)],
            bid.Receipt is { } r ? ReceiptDto.From(r) : null, bid.ChangedSinceSubmission, bid.Version, bid.UpdatedAt, bid.Actions, bid.ViewerFirms, bid.Window, bid.DocumentsLeft,
            [.. bid.PackageFirms.Select(Firm)], // whom the viewer may give a work package to, as CheckSave judges it
            [.. bid.Quotas.Select(q => new QuotaDto(q.Lot, Firm(q.FirmId), q.Participation, q.Execution))], bid.QuotasVersion,
            [.. bid.QuotaWarnings.Select(w => QuotaWarningDto.From(w, Firm))],
            [.. bid.Subcontracts.Select(d => SubcontractDto.From(d, bid.WorkPackages.FirstOrDefault(w => w.Id == d.PackageId)?.Title, Firm))],
            bid.SubcontractsVersion,
            [.. (bid.Reliances ?? []).Select((r, i) => RelianceDto.From(r, Firm, bid.RelianceStandings?.ElementAtOrDefault(i)))], bid.ReliancesVersion);
    }
}
