using Marketplace.Alliances;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A rete d'impresa (standing alliance) at work: it forms an RTI for a tender of its space in one step, its firms
/// invited to accept it (ReteRti), and its page lists the RTIs it formed.
/// </summary>
public static class ReteEndpoints
{
    public static IEndpointRouteBuilder MapReteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/alliances", "Alliances").RequireAuthorization();
        api.MapPost("/{id:guid}/rti", FormRti).WithName("formRtiFromRete");
        api.MapGet("/{id:guid}/rtis", Rtis).WithName("listReteRtis");
        api.MapGet("/rete-choices", Choices).WithName("getReteChoices");
        return app;
    }

    /// <summary>
    /// The rete's lead forms an RTI for the tender: to anyone who does not read the rete it answers as if it did not
    /// exist, before anything is said about the tender.
    /// </summary>
    static async Task<Results<Created<AllianceDto>, ProblemHttpResult>> FormRti(Guid id, FormRtiRequest body, [AsParameters] ViewerCall call)
    {
        if (await call.Access.Alliance(id, call.User, watch: false, call.Ct) is null) return ProblemResults.NotFound(AllianceEndpoints.NotFound);
        var rti = Guid.NewGuid();
        var outcome = await call.Grains.GetGrain<IAllianceGrain>(rti).FormFromRete(new FormRtiFromRete(call.User.UserId(), id, body.TenderId));
        return outcome.Problem is { } no ? no.ToHttp()
            : TypedResults.Created($"/api/alliances/{rti}", await AllianceEndpoints.Dto(await AllianceEndpoints.View(outcome.Value!, call), call));
    }

    /// <summary>
    /// The RTIs the rete formed, newest first, for the people of its active firms: each one's tender and how far it got.
    /// Outcomes come from awards only, which exist once the bids are opened; whether an RTI has bid is told while bids are
    /// taken only to the people of its active firms (<see cref="ReteRtiStage.Bidding"/> to the rete's others).
    /// </summary>
    static async Task<Results<Ok<ReteRtiDto[]>, ProblemHttpResult>> Rtis(Guid id, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        if (await call.Access.Alliance(id, call.User, watch: true, call.Ct) is null) return ProblemResults.NotFound(AllianceEndpoints.NotFound);
        var db = call.Db;
        var mine = (await call.Access.Firms(call.User, call.Ct)).Businesses.ToArray();
        var rows = await db.Alliances.AsNoTracking().Where(a => a.FormedFrom == id)
            .Join(db.Tenders, a => a.TenderId, t => t.TenderId, (a, t) => new
            {
                a.AllianceId, a.Name, a.FormedAt, t.TenderId, t.Title, t.Status, t.EnquiryDeadline, t.SubmissionDeadline,
                Member = db.AllianceMembers.Any(m => m.AllianceId == a.AllianceId && m.Standing == AllianceStanding.Active && mine.Contains(m.FirmId)),
                Submitted = db.Bids.Any(b => b.BidderId == a.AllianceId && b.TenderId == t.TenderId && b.Status == BidStatus.Submitted),
                LotsWon = db.Awards.Count(w => w.TenderId == t.TenderId && db.Bids.Any(b => b.BidId == w.BidId && b.BidderId == a.AllianceId)),
            })
            .ToListAsync(call.Ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(rows.OrderByDescending(r => r.FormedAt).Select(r =>
        {
            var closed = TenderRules.BidsClosedAt(r.Status, r.EnquiryDeadline, r.SubmissionDeadline, now);
            return new ReteRtiDto(r.AllianceId, r.Name, new NamedDto(r.TenderId, r.Title),
                r.LotsWon > 0 ? ReteRtiStage.LotsWon
                : !r.Member && !closed ? ReteRtiStage.Bidding
                : r.Submitted ? ReteRtiStage.BidSubmitted
                : closed ? ReteRtiStage.NoBid
                : ReteRtiStage.Forming, r.LotsWon);
        }).ToArray());
    }

    /// <summary>
    /// The reti whose lead the viewer acts for (Owner or Manager) in the tender's spaces, each with whether it may form
    /// an RTI for the tender now or why not, judged by the rule the command runs (ReteRti.Check). Any other viewer gets
    /// an empty list: nothing of other firms' reti.
    /// </summary>
    static async Task<Results<Ok<ReteChoiceDto[]>, ProblemHttpResult>> Choices(Guid tenderId, [AsParameters] ViewerCall call,
        [FromServices] ITenderAlliances tenderAlliances, [FromServices] MarketplaceClock clock)
    {
        var (user, grains, access, _, ct, _, _) = call;
        var db = call.Db;
        if (await access.Tender(tenderId, user) is not { } tender) return Problem.NotFound(AllianceState.NoSuchTender).ToHttp();
        var actor = await access.Firms(user, ct);
        var editing = actor.Editing.ToList();
        var spaces = tender.Spaces.ToList();
        var ids = await db.Alliances.AsNoTracking()
            .Where(a => a.TenderId == null && editing.Contains(a.LeadId) && spaces.Contains(a.SpaceId)).Select(a => a.AllianceId).ToListAsync(ct);
        var reti = (await Task.WhenAll(ids.Select(r => grains.GetGrain<IAllianceGrain>(r).Get()))).OfType<AllianceSnapshot>().ToList();
        // Most viewers lead no rete: the tender page asks on every load, so they cost the one query above and nothing more.
        if (reti.Count == 0) return TypedResults.Ok(Array.Empty<ReteChoiceDto>());
        var firmIds = reti.SelectMany(r => r.Active.Select(m => m.FirmId)).Distinct().ToList();
        var reteSpaces = reti.Select(r => r.SpaceId).Distinct().ToList();
        var members = (await db.SpaceMembers.AsNoTracking()
            .Where(m => firmIds.Contains(m.BusinessId) && reteSpaces.Contains(m.SpaceId) && m.Status == MembershipStatus.Member)
            .Select(m => new { m.SpaceId, m.BusinessId }).ToListAsync(ct)).ToLookup(m => m.SpaceId, m => m.BusinessId);
        var inOne = await tenderAlliances.InOne(tender.Id, firmIds, ct);
        var names = await db.Directory.AsNoTracking().Where(d => firmIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var bidsClosed = TenderRules.BidsClosedAt(tender, clock.GetUtcNow());
        return TypedResults.Ok(reti.Select(rete =>
        {
            var inSpace = members[rete.SpaceId].ToHashSet();
            var firmInOne = ReteRti.Firms(rete, inSpace).Where(f => inOne.Contains(f.FirmId)).Select(f => names.GetValueOrDefault(f.FirmId, ""))
                .Order(StringComparer.Ordinal).FirstOrDefault();
            return new ReteChoiceDto(new NamedDto(rete.Id, rete.Name), new NamedDto(rete.LeadId, names.GetValueOrDefault(rete.LeadId, "")),
                ViewerActions<AllianceFormAction>.Of((AllianceFormAction.Form,
                    ReteRti.Check(actor, rete, inSpace.Contains(rete.LeadId), tender, bidsClosed, firmInOne))));
        }).Where(c => c.Actions.Allowed.Length + c.Actions.Blocked.Length > 0).OrderBy(c => c.Rete.Name, StringComparer.Ordinal).ToArray());
    }
}
