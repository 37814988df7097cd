using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.Audit;
using Marketplace.Data.ReadModels;
using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Marketplace.Reference;
using Marketplace.Tenders;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class AllianceEndpoints
{
    internal static readonly Refusal
        NotFound = new("alliance.notVisible", "No alliance you may see has this id."),
        NoAuditChain = new("alliance.noAuditChain", "A standing alliance bids for no tender: it has no audit chain."),
        NoTenderToCover = new("alliance.noTenderToCover", "A standing alliance has no tender to cover."),
        NotTheFirmsPeopleLedger = new("alliance.notTheFirmsPeopleLedger", "Only the firm's people see its relationships."),
        NotTheFirmsPeopleAlliances = new("alliance.notTheFirmsPeopleAlliances", "Only the firm's people see its alliances.");

    /// <summary>
    /// Alliances (RTI, reti d'impresa): formed by a lead firm in a space, for a tender or standing; the lead invites
    /// member firms, which accept the agreement to join. Only the alliance's own firms see it.
    /// </summary>
    public static IEndpointRouteBuilder MapAllianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/alliances", "Alliances").RequireAuthorization();
        api.MapPost("/", Form).WithName("formAlliance");
        api.MapGet("/choices", FormChoices).WithName("getAllianceFormChoices");
        api.MapGet("/{id:guid}", Get).WithName("getAlliance");
        api.MapPost("/{id:guid}/invitations", Invite).WithName("inviteToAlliance");
        api.MapGet("/{id:guid}/invitees", Invitees).WithName("listAllianceInvitees");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/answer", Answer).WithName("answerAllianceInvitation");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/leave", Leave).WithName("leaveAlliance");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/remove", Remove).WithName("removeAllianceFirm");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/accept-agreement", AcceptAgreement).WithName("acceptAllianceAgreement");
        api.MapPost("/{id:guid}/lead", HandOver).WithName("handOverAllianceLead");
        api.MapPost("/{id:guid}/agreement", PublishAgreement).WithName("publishAllianceAgreement");
        api.MapGet("/{id:guid}/coverage", CoverageOf).WithName("getAllianceCoverage");
        api.MapGet("/{id:guid}/suggestions", Suggestions).WithName("getAllianceSuggestions");
        api.MapGet("/{id:guid}/audit", Audit).WithName("getAllianceAudit");
        var firms = app.MapApiGroup("/api/businesses/{id:guid}", "Alliances");
        firms.MapGet("/alliances", OfFirm).RequireAuthorization().WithName("listFirmAlliances");
        firms.MapGet("/relationships", Ledger).RequireAuthorization().WithName("getFirmRelationships");
        return app;
    }

    static IAllianceGrain Alliance(this IGrainFactory grains, Guid id) => grains.GetGrain<IAllianceGrain>(id);

    static async Task<Results<Created<AllianceDto>, ProblemHttpResult>> Form(
        FormAllianceRequest body, [AsParameters] ViewerCall call)
    {
        var id = Guid.NewGuid();
        var outcome = await call.Grains.Alliance(id).Form(new FormAlliance(call.User.UserId(), body.LeadId, body.SpaceId, body.TenderId, body.Name ?? "", body.AgreementText ?? ""));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Created($"/api/alliances/{id}", await Dto(await View(outcome.Value!, call), call));
    }

    /// <summary>
    /// Where the viewer may form an alliance: each firm they form alliances for (only <paramref name="leadId"/> when
    /// given), with the spaces it could lead one in (the tender's, or for a standing alliance those it has a standing
    /// in) and whether it may now or why not, judged by the rule the command runs (AllianceState.CheckFormIn). A
    /// viewer who forms alliances for no firm gets an empty list: nothing of other firms or spaces.
    /// </summary>
    static async Task<Results<Ok<AllianceLeadChoiceDto[]>, ProblemHttpResult>> FormChoices(
        Guid? tenderId, Guid? leadId, [AsParameters] ViewerCall call, [FromServices] ITenderAlliances tenderAlliances)
    {
        var (user, _, access, _, ct, _, _) = call;
        var db = call.Db;
        var tender = tenderId is { } id ? await access.Tender(id, user) : null;
        if (tenderId is not null && tender is null) return Problem.NotFound(AllianceState.NoSuchTender).ToHttp();
        var actor = await access.Firms(user, ct);
        var editing = actor.Editing.Where(f => leadId is null || f == leadId).ToList();
        var leads = (await db.Directory.AsNoTracking().Where(d => editing.Contains(d.BusinessId)).Select(d => new { d.BusinessId, d.Kind, d.Name }).ToListAsync(ct))
            .Where(b => AllianceState.CheckFormer(actor, b.BusinessId, b.Kind) is null).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var leadIds = leads.Select(b => b.BusinessId).ToList();
        var members = (await db.SpaceMembers.AsNoTracking().Where(m => leadIds.Contains(m.BusinessId))
            .Select(m => new { m.SpaceId, m.BusinessId, m.Status }).ToListAsync(ct)).ToLookup(m => m.BusinessId);
        var inOne = tender is null ? new HashSet<Guid>() : await tenderAlliances.InOne(tender.Id, leadIds, ct);
        var spaceIds = tender?.Spaces.ToList() ?? [.. members.SelectMany(g => g).Select(m => m.SpaceId).Distinct()];
        var names = await db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.SpaceId)).ToDictionaryAsync(s => s.SpaceId, s => s.Name, ct);
        AllianceSpaceChoiceDto Choice(Guid lead, BusinessKind kind, Guid space)
        {
            var inSpace = members[lead].Any(m => m.SpaceId == space && m.Status == MembershipStatus.Member);
            return new(new NamedDto(space, names.GetValueOrDefault(space, "")), ViewerActions<AllianceFormAction>.Of((AllianceFormAction.Form,
                AllianceState.CheckFormIn(actor, new AllianceFirm(lead, kind, inSpace), space, tenderId, tender, inOne.Contains(lead)))));
        }
        return TypedResults.Ok(leads.Select(lead => new AllianceLeadChoiceDto(new NamedDto(lead.BusinessId, lead.Name),
            [.. (tender?.Spaces ?? [.. members[lead.BusinessId].Select(m => m.SpaceId)]).Distinct()
                .Select(space => Choice(lead.BusinessId, lead.Kind, space)).Where(c => c.Actions.Allowed.Length + c.Actions.Blocked.Length > 0)
                .OrderBy(c => c.Space.Name, StringComparer.Ordinal)])).ToArray());
    }

    static async Task<Results<Ok<AllianceDto>, ProblemHttpResult>> Get(
        Guid id, [AsParameters] ViewerCall call) =>
        await call.Grains.Alliance(id).ViewFor(call.User.UserId()) is { } view
            ? TypedResults.Ok(await Dto(view, call))
            : ProblemResults.NotFound(NotFound);

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> Invite(
        Guid id, AllianceInviteRequest body, [AsParameters] ViewerCall call) =>
        body.Role is not { } role ? Task.FromResult<Results<Ok<AllianceDto>, ProblemHttpResult>>(ProblemResults.Required("role"))
        : Respond(id, a => a.Invite(new InviteToAlliance(call.User.UserId(), body.FirmId, role)), call);

    /// <summary>
    /// The firms the lead's Owners and Managers may invite now: the space's member firms that the invite rule accepts
    /// (AllianceState.CheckInvitee), by name. The alliance's other people are refused as inviting refuses them; anyone
    /// else learns nothing of it (404).
    /// </summary>
    static async Task<Results<Ok<DirectoryEntryDto[]>, ProblemHttpResult>> Invitees(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (await call.Access.Alliance(id, call.User, watch: false, call.Ct) is not { } alliance) return ProblemResults.NotFound(NotFound);
        var members = await SpaceEndpoints.MemberEntries(call.Db, alliance.SpaceId, call.Ct);
        var invitable = await call.Grains.Alliance(id).Invitable(call.User.UserId(), [.. members.Select(d => new AllianceFirm(d.BusinessId, d.Kind, InSpace: true))]);
        if (invitable.Problem is { } no) return no.ToHttp();
        var ids = invitable.Value!.ToHashSet();
        return TypedResults.Ok(members.Where(d => ids.Contains(d.BusinessId)).Select(BusinessEndpoints.EntryDto).ToArray());
    }

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> Answer(
        Guid id, Guid firmId, AllianceAnswerRequest body, [AsParameters] ViewerCall call) =>
        body.Accept is not { } accept ? Task.FromResult<Results<Ok<AllianceDto>, ProblemHttpResult>>(ProblemResults.Required("accept"))
        : Respond(id, a => a.Answer(new AnswerAllianceInvitation(call.User.UserId(), firmId, accept, body.AgreementVersion)), call);

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> Leave(
        Guid id, Guid firmId, [AsParameters] ViewerCall call) =>
        Respond(id, a => a.Leave(call.User.UserId(), firmId), call);

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> Remove(
        Guid id, Guid firmId, ReasonRequest body, [AsParameters] ViewerCall call) =>
        Respond(id, a => a.Remove(new RemoveFromAlliance(call.User.UserId(), firmId, body.Reason ?? "")), call);

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> AcceptAgreement(
        Guid id, Guid firmId, VersionRequest body, [AsParameters] ViewerCall call) =>
        Respond(id, a => a.AcceptAgreement(new AcceptAllianceAgreement(call.User.UserId(), firmId, body.Version)), call);

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> HandOver(
        Guid id, FirmRequest body, [AsParameters] ViewerCall call) =>
        Respond(id, a => a.HandOver(call.User.UserId(), body.FirmId), call);

    static Task<Results<Ok<AllianceDto>, ProblemHttpResult>> PublishAgreement(
        Guid id, TextRequest body, [AsParameters] ViewerCall call) =>
        Respond(id, a => a.PublishAgreement(call.User.UserId(), body.Text ?? ""), call);

    /// <summary>The tender's lots and CPV codes against the capabilities of the alliance's active firms: its workspace's first view.</summary>
    static async Task<Results<Ok<CoverageDto>, ProblemHttpResult>> CoverageOf(
        Guid id, [AsParameters] ViewerCall call, [FromServices] IOptions<TenderOptions> options)
    {
        var workspace = await Workspace(id, call, options.Value);
        if (workspace.Problem is { } no) return no.ToHttp();
        var (_, _, lots) = workspace.Value;
        var firms = lots.SelectMany(l => l.Codes).SelectMany(c => c.CoveredBy).Distinct().ToList();
        var names = await call.Db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, call.Ct);
        return TypedResults.Ok(new CoverageDto(id,
            [.. lots.Select(l => new LotCoverageDto(l.Lot, l.Title, l.Covered, [.. l.Codes.Select(c => new CodeCoverageDto(Code(c.Code),
                [.. c.CoveredBy.Select(f => new NamedDto(f, names.GetValueOrDefault(f, "")))], c.Covered))]))],
            [.. Coverage.Gaps(lots).Select(Code)]));
    }

    /// <summary>
    /// Firms of the space that would complete the requirements of a lot the alliance does not qualify for (first), and
    /// those that cover its CPV gaps, ranked; a small set of them that covers every gap they can (greedy set cover);
    /// none, with the reason, once no firm could join the joint bid (bids closed, or the bid submitted).
    /// </summary>
    static async Task<Results<Ok<SuggestionsDto>, ProblemHttpResult>> Suggestions(
        Guid id, [AsParameters] ViewerCall call, [FromServices] IOptions<TenderOptions> options, [FromServices] ITenderBids bids, [FromServices] MarketplaceClock clock)
    {
        var workspace = await Workspace(id, call, options.Value);
        if (workspace.Problem is { } no) return no.ToHttp();
        var (alliance, tender, lots) = workspace.Value;
        var gaps = Coverage.Gaps(lots);
        if (AllianceState.CheckPartnersWanted(TenderRules.BidsClosedAt(tender, clock.GetUtcNow()), await bids.HasSubmitted(tender.Id, id)) is { } closed)
            return TypedResults.Ok(new SuggestionsDto(id, [.. gaps.Select(Code)], [], [], [], closed.Code));
        var place = tender.Details.Lots.Where(l => lots.Any(c => c.Lot == l.Number && !c.Covered)).Select(l => l.ComuneCode).FirstOrDefault(c => c is not null)
            ?? await call.Db.Directory.AsNoTracking().Where(d => d.BusinessId == alliance.LeadId).Select(d => d.ComuneCode).SingleOrDefaultAsync(call.Ct);
        Guid[] taken = [.. alliance.Members.Where(m => m.Standing is AllianceStanding.Active or AllianceStanding.Invited).Select(m => m.FirmId)];
        var today = QualificationRules.Today(clock.GetUtcNow());
        var members = await AllianceQualificationEndpoints.Members(alliance, call.Db, call.Ct);
        var (judged, _, _, _, reliances) = await AllianceQualificationEndpoints.Judged(id, tender, call);
        // A lot the alliance meets by a declared avvalimento wants no partner for it.
        var lent = await AllianceQualificationEndpoints.Lent(reliances, call.Db, call.Ct);
        var completes = await RequirementPartners.Find(call.Db, alliance.SpaceId, [.. judged.Select(l =>
            {
                IReadOnlyList<LentRequirement> lentHere = [.. lent.Where(x => x.Lending.Lot == l.Number)];
                return (l.Number, l.Requirements!, QualificationRules.Check(l.Requirements!, members, today, lentHere), lentHere);
            })], members, taken, today, call.Ct);
        var (ranked, cover) = await PartnerSuggestions.Find(call.Db, alliance.SpaceId, gaps, taken, [.. alliance.Active.Select(m => m.FirmId)],
            PartnerSuggestions.Origin(place), options.Value.MatchDigits, call.Ct, completes);
        SuggestedFirmDto Dto(PartnerCandidate c) => new(new NamedDto(c.FirmId, c.Name), [.. c.Covers.Keys.Select(Code)], c.DistanceKm, c.Verified, c.JointProjects,
            Math.Round((decimal)c.Score, 1), [.. c.Completes.Select(Completion)]);
        var covered = cover.SelectMany(c => c.Covers.Keys).ToHashSet();
        return TypedResults.Ok(new SuggestionsDto(id, [.. gaps.Select(Code)], [.. ranked.Select(Dto)], [.. cover.Select(Dto)],
            [.. gaps.Where(g => !covered.Contains(g[..8])).Select(Code)], null));
    }

    /// <summary>
    /// The alliance's, its joint bid's and its submitted bid's links of the tender's sealed chain, for the people of its
    /// active firms, with the check of the whole sealed chain.
    /// </summary>
    static async Task<Results<Ok<SealedAuditDto>, ProblemHttpResult>> Audit(
        Guid id, [AsParameters] ViewerCall call, [FromServices] AuditChains chains)
    {
        if (await call.Access.Alliance(id, call.User, watch: true, call.Ct) is not { } alliance) return ProblemResults.NotFound(NotFound);
        if (alliance.TenderId is not { } tenderId) return Problem.Conflict(NoAuditChain).ToHttp();
        var bids = (await call.Db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.BidderId == id).Select(b => b.BidId).ToListAsync(call.Ct))
            .Select(b => b.ToString("N")).ToHashSet();
        return TypedResults.Ok(await AuditEndpoints.SealedPart(tenderId, l => AuditChain.IsAlliances(l.Subject, id) || bids.Contains(l.Subject), call.Db, chains, call.Ct));
    }

    /// <summary>The alliance, its tender and the coverage of its lots, for a viewer of its workspace.</summary>
    static async Task<Outcome<(AllianceSnapshot Alliance, TenderSnapshot Tender, LotCoverage[] Lots)>> Workspace(
        Guid id, ViewerCall call, TenderOptions options)
    {
        if (await call.Access.Alliance(id, call.User, watch: true, call.Ct) is not { } alliance) return Problem.NotFound(NotFound);
        if (alliance.TenderId is not { } tenderId || await call.Grains.Tender(tenderId).Current() is not { } tender)
            return Problem.Conflict(NoTenderToCover);
        var firms = alliance.Active.Select(m => m.FirmId).ToList();
        var capabilities = (await call.Db.BusinessCapabilities.AsNoTracking().Where(c => firms.Contains(c.BusinessId)).ToListAsync(call.Ct))
            .GroupBy(c => c.BusinessId).ToDictionary(g => g.Key, g => g.Select(c => c.CpvDigits).ToArray());
        return (alliance, tender, Coverage.Of(tender.Details, capabilities, options.MatchDigits));
    }

    static RequirementCompletionDto Completion(RequirementCompletion c) => SoaCategories.Find(c.Category) is { } category
        ? new(c.Lot, c.Kind, category.Code, category.LabelIt, category.LabelEn, c.Class is { } k ? SoaClasses.Label(k) : null, c.LotQualifies)
        : new(c.Lot, c.Kind, null, null, null, null, c.LotQualifies);

    static CapabilityDto Code(string code) => CpvCatalog.Shared.Find(code) is { } entry ? CapabilityDto.From(entry) : new CapabilityDto(code, code, code);

    /// <summary>
    /// A firm's relationship ledger, for its people: every firm it has bid with, the joint bids, the lots they won, the
    /// value of that work and each partner's share of it. Bids count once submitted (withdrawn ones do not). Shares are
    /// read for awarded lots only, and only those of the submission the tender holds (BidShares): nothing of a sealed
    /// bid is read before its opening.
    /// </summary>
    static async Task<Results<Ok<PartnerLedgerDto[]>, ProblemHttpResult>> Ledger(Guid id, [AsParameters] ViewerCall call)
    {
        if (!await call.Access.IsOneOf(call.User, id, call.Ct)) return Problem.Forbidden(NotTheFirmsPeopleLedger).ToHttp();
        var ours = call.Db.BidTenderers.Where(t => t.FirmId == id).Select(t => t.BidId);
        var rows = await call.Db.BidTenderers.AsNoTracking()
            .Where(t => ours.Contains(t.BidId) && t.FirmId != id && call.Db.Bids.Any(b => b.BidId == t.BidId && b.Status == BidStatus.Submitted))
            .Select(t => new { t.FirmId, t.BidId }).ToListAsync(call.Ct);
        var bidIds = rows.Select(r => r.BidId).Distinct().ToList();
        var awards = await call.Db.Awards.AsNoTracking().Where(a => bidIds.Contains(a.BidId)).ToListAsync(call.Ct);
        var wonBids = awards.Select(a => a.BidId).Distinct().ToList();
        var shares = (await call.Db.BidShares.AsNoTracking()
            .Where(s => wonBids.Contains(s.BidId) && call.Db.Bids.Any(b => b.BidId == s.BidId && b.Submission == s.Submission))
            .ToListAsync(call.Ct)).Where(s => awards.Any(a => a.BidId == s.BidId && a.Lot == s.Lot)).ToList();
        var partners = rows.Select(r => r.FirmId).Distinct().ToList();
        var names = await call.Db.Directory.AsNoTracking().Where(d => partners.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, call.Ct);
        return TypedResults.Ok(rows.GroupBy(r => r.FirmId).Select(g =>
        {
            var bids = g.Select(r => r.BidId).Distinct().ToList();
            var won = awards.Where(a => bids.Contains(a.BidId)).ToList();
            // A lot whose bid has shares but none for this partner is a known share of nothing (no quota, no package).
            var known = won.Where(a => shares.Any(s => s.BidId == a.BidId && s.Lot == a.Lot)).ToList();
            var shareWon = known.Select(a => (a.Currency, Amount: shares.Where(s => s.BidId == a.BidId && s.Lot == a.Lot && s.FirmId == g.Key).Sum(s => s.Share().Of(a.Amount))));
            return new PartnerLedgerDto(new NamedDto(g.Key, names.GetValueOrDefault(g.Key, "")), bids.Count, won.Count,
                [.. won.GroupBy(a => a.Currency).Select(c => new MoneyDto(c.Sum(a => a.Amount), c.Key))],
                [.. shareWon.GroupBy(a => a.Currency).Select(c => new MoneyDto(c.Sum(a => a.Amount), c.Key))], won.Count - known.Count);
        }).OrderByDescending(p => p.LotsWon).ThenByDescending(p => p.JointBids).ThenBy(p => p.Partner.Name).ToArray());
    }

    /// <summary>The alliances a firm is in or invited to, for its people; not an invitation a block keeps from it (<see cref="FirmBlocks"/>).</summary>
    static async Task<Results<Ok<AllianceSummaryDto[]>, ProblemHttpResult>> OfFirm(Guid id, [AsParameters] ViewerCall call)
    {
        if (!await call.Access.IsOneOf(call.User, id, call.Ct)) return Problem.Forbidden(NotTheFirmsPeopleAlliances).ToHttp();
        var rows = await call.Db.AllianceMembers.AsNoTracking()
            .Where(m => m.FirmId == id && (m.Standing == AllianceStanding.Active || m.Standing == AllianceStanding.Invited))
            .Join(call.Db.Alliances, m => m.AllianceId, a => a.AllianceId, (m, a) => new { Member = m, Alliance = a })
            .ReachingFirm(call.Db.FirmBlocks, x => x.Alliance.LeadId, x => x.Member.FirmId, unasked: true, only: x => x.Member.Standing == AllianceStanding.Invited)
            .GroupJoin(call.Db.Tenders, x => x.Alliance.TenderId, t => t.TenderId, (x, t) => new { x.Member, x.Alliance, Tenders = t })
            .SelectMany(x => x.Tenders.DefaultIfEmpty(), (x, t) => new { x.Member, x.Alliance, TenderTitle = t == null ? null : t.Title })
            .Join(call.Db.Directory, x => x.Alliance.LeadId, d => d.BusinessId, (x, d) => new { x.Member, x.Alliance, x.TenderTitle, LeadName = d.Name })
            .OrderByDescending(x => x.Alliance.UpdatedAt).Take(200).ToListAsync(call.Ct);
        return TypedResults.Ok(rows.Select(x => new AllianceSummaryDto(x.Alliance.AllianceId, x.Alliance.Name, x.Alliance.TenderId, x.TenderTitle,
            x.Alliance.LeadId, x.LeadName, id, x.Member.Role, x.Member.Standing)).ToArray());
    }

    /// <summary>
    /// Runs a command for someone who may read the alliance; to anyone else an alliance that exists and one that does
    /// not answer the same, before the grain says anything about its firms or its state.
    /// </summary>
    static async Task<Results<Ok<AllianceDto>, ProblemHttpResult>> Respond(Guid id,
        Func<IAllianceGrain, Task<Outcome<AllianceSnapshot>>> command, ViewerCall call)
    {
        if (await call.Access.Alliance(id, call.User, watch: false, call.Ct) is null) return ProblemResults.NotFound(NotFound);
        var outcome = await command(call.Grains.Alliance(id));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(await View(outcome.Value!, call), call));
    }

    /// <summary>The alliance after a command, as the viewer now sees it: with nothing to do once their firms are out of it (left, declined, removed).</summary>
    internal static async Task<AllianceView> View(AllianceSnapshot changed, ViewerCall call) =>
        await call.Grains.Alliance(changed.Id).ViewFor(call.User.UserId())
        ?? new AllianceView(changed, ViewerActions<AllianceAction>.None, [], []);

    static async Task<NamedDto?> Named(Task<TenderSnapshot?> tender) => await tender is { } found ? new NamedDto(found.Id, found.Details.Title) : null;

    internal static async Task<AllianceDto> Dto(AllianceView view, ViewerCall call)
    {
        var grains = call.Grains;
        var a = view.Alliance;
        // Read side by side from the grains that hold them: the workspace is opened by every member on every change.
        var (firmsRead, spaceRead) = (call.Cards.Of(a.Members.Select(m => m.FirmId)), call.Spaces.Names([a.SpaceId]));
        // The view names the tender as it read it; a view made here (the viewer no longer reads the alliance) does not.
        var reteRead = a.FormedFrom is { } rete ? grains.Alliance(rete).Get() : Task.FromResult<AllianceSnapshot?>(null);
        var tenderRead = a.TenderId is not { } tenderId ? Task.FromResult<NamedDto?>(null)
            : view.TenderTitle is { } title ? Task.FromResult<NamedDto?>(new NamedDto(tenderId, title))
            : Named(grains.Tender(tenderId).Current());
        var (firms, spaceName, tender) = (await firmsRead, (await spaceRead).GetValueOrDefault(a.SpaceId, ""), await tenderRead);
        var rows = view.Members.ToDictionary(m => m.FirmId, m => m.Actions);
        string Name(Guid firm) => firms.GetValueOrDefault(firm)?.Name ?? "";
        return new AllianceDto(a.Id, new NamedDto(a.SpaceId, spaceName), tender, a.Name,
            new NamedDto(a.LeadId, Name(a.LeadId)),
            [.. a.Members.Where(m => m.Standing is AllianceStanding.Active or AllianceStanding.Invited).OrderBy(m => m.Role).ThenBy(m => Name(m.FirmId))
                .Select(m => new AllianceMemberDto(m.FirmId, Name(m.FirmId), m.Role, m.Standing, m.AcceptedAgreement,
                    m.Standing == AllianceStanding.Active && !a.HasAcceptedAgreement(m.FirmId), m.Reason, m.Since,
                    rows.GetValueOrDefault(m.FirmId, ViewerActions<AllianceMemberAction>.None),
                    BusinessLogoEndpoints.Url(m.FirmId, firms.GetValueOrDefault(m.FirmId)?.LogoTag)))],
            new AllianceAgreementDto(a.Agreement.Version, a.Agreement.Text, a.Agreement.PublishedAt),
            [.. a.History.OrderByDescending(e => e.Sequence).Select(e => new AllianceEventDto(e.Kind, e.FirmId, Name(e.FirmId), e.Reason, e.At))],
            a.Version, [.. view.Firms.Select(f => f.FirmId)], view.Actions, view.Firms, a.UpdatedAt,
            await reteRead is { } formedFrom ? new NamedDto(formedFrom.Id, formedFrom.Name) : null);
    }
}
