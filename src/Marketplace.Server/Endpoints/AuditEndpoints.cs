using Marketplace.Data;
using Marketplace.Data.Audit;
using Marketplace.Server.Auth;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The audit chains: a tender's public chain for anyone who sees the tender (checked, or downloaded for the offline
/// verifier), the parts of its sealed chain each viewer may read, and the signed checkpoints with the key that checks them.
/// </summary>
public static class AuditEndpoints
{
    const int CheckpointsListed = 20;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var tenders = app.MapApiGroup("/api/tenders", "Audit");
        tenders.MapGet("/{id:guid}/audit", Audit).WithName("getTenderAudit");
        tenders.MapGet("/{id:guid}/audit/chain", Chain).WithName("getTenderAuditChain");
        var audit = app.MapApiGroup("/api/audit", "Audit");
        audit.MapGet("/checkpoints", Checkpoints).WithName("listAuditCheckpoints");
        audit.MapGet("/public-key", PublicKey).WithName("getAuditPublicKey");
        return app;
    }

    /// <summary>
    /// The public chain checked, with the viewer's part of the sealed chain: the buyer's people read every bid's links
    /// once the bids are opened, a bidder's people read their own bid's links. Alliances' links are read on the alliance
    /// (GET /api/alliances/{id}/audit).
    /// </summary>
    static async Task<Results<Ok<AuditDto>, ProblemHttpResult>> Audit(
        Guid id, [AsParameters] ViewerCall call, [FromServices] AuditChains chains)
    {
        if (await call.Access.Tender(id, call.User) is not { } tender) return ProblemResults.NotFound(TenderState.NotFound);
        var (file, verdict) = await chains.Public(call.Db, id, call.Ct);
        var buyerReads = TenderRules.BidsOpened(tender.Status) && await call.Access.ActsForBuyer(id, call.User);
        var mine = (await call.Access.Firms(call.User, call.Ct)).Businesses;
        var ownBids = (await call.Db.Bids.AsNoTracking().Where(b => b.TenderId == id && mine.Contains(b.BidderId)).Select(b => b.BidId).ToListAsync(call.Ct))
            .Select(b => b.ToString("N")).ToHashSet();
        var sealedPart = buyerReads || ownBids.Count > 0
            ? await SealedPart(id, l => ownBids.Contains(l.Subject) || (buyerReads && !AuditChain.IsAlliances(l.Subject)), call.Db, chains, call.Ct)
            : null;
        return TypedResults.Ok(new AuditDto(verdict.Finding is AuditFinding.Holds or AuditFinding.NotCheckpointed, verdict.FirstBroken, file.Links.Length,
            [.. file.Links.Select(AuditLinkDto.Of)], verdict.Finding, file.Checkpoint is { } c ? AuditCheckpointDto.Of(c) : null, sealedPart));
    }

    /// <summary>The tender's public chain as a file for the offline verifier (tools/Marketplace.AuditVerifier).</summary>
    static async Task<Results<Ok<AuditChainFile>, ProblemHttpResult>> Chain(
        Guid id, [AsParameters] ViewerCall call, [FromServices] AuditChains chains) =>
        await call.Access.Tender(id, call.User) is not null
            ? TypedResults.Ok(await chains.Download(call.Db, id, call.Ct))
            : ProblemResults.NotFound(TenderState.NotFound);

    /// <summary>The latest signed checkpoints, newest first.</summary>
    static async Task<Ok<AuditCheckpointDto[]>> Checkpoints([FromServices] MarketplaceDbContext db, [FromServices] AuditChains chains, CancellationToken ct) =>
        TypedResults.Ok((await chains.Checkpoints(db, CheckpointsListed, ct)).Select(AuditCheckpointDto.Of).ToArray());

    /// <summary>The public key that checks every checkpoint's signature (PEM; ECDSA P-256 with SHA-256).</summary>
    static ContentHttpResult PublicKey([FromServices] AuditChains chains) => TypedResults.Text(chains.PublicKeyPem, "application/x-pem-file");

    /// <summary>The links of the sealed chain <paramref name="shown"/> picks, with the check of the whole sealed chain.</summary>
    internal static async Task<SealedAuditDto> SealedPart(Guid tenderId, Func<AuditLink, bool> shown, MarketplaceDbContext db, AuditChains chains, CancellationToken ct)
    {
        var chain = await chains.Sealed(db, tenderId, ct);
        return new SealedAuditDto(chain.Holds, chain.FirstBroken, [.. chain.Links.Where(shown).Select(AuditLinkDto.Of)]);
    }
}
