using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.JointBids;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// "Da fare": everything waiting for the signed-in person now, across the businesses they act for, soonest deadline
/// first, then the oldest. Each kind is found by one query of the read models; where the rule that says whether the
/// person may act lives in a grain (signing a joint bid) or what is shown is kept only there (when an alliance's
/// invitation or a question was made), the grains of the rows found are asked, side by side: as many as the person
/// has live alliances, pending alliance invitations and tenders with questions waiting, not one per row of a list.
/// Who is listed something is exactly who may do it: the business invitations made to their own e-mail address, and
/// for the rest the Owners and Managers of the firm or buyer concerned (its Viewers act for it in nothing).
/// </summary>
public static class ToDoEndpoints
{
    /// <summary>How near a joint bid's submission deadline comes before its lead's people are told to submit it.</summary>
    public static readonly TimeSpan SubmitReminder = TimeSpan.FromHours(48);

    public static IEndpointRouteBuilder MapToDoApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/me", "ToDo").MapGet("/todo", List).RequireAuthorization().WithName("getMyToDo");
        return app;
    }

    static async Task<Ok<ToDoItemDto[]>> List([AsParameters] ViewerCall call, [FromServices] UserManager<MarketplaceUser> users, [FromServices] MarketplaceClock clock)
    {
        var (user, grains, access, _, ct, _, _) = call;
        var db = call.Db;
        var me = user.UserId();
        var editing = (await access.Firms(user, ct)).Editing.ToList();
        var email = (await users.GetUserAsync(user))?.NormalizedEmail ?? "";
        var now = clock.GetUtcNow();
        var names = await db.Directory.AsNoTracking().Where(d => editing.Contains(d.BusinessId))
            .ToDictionaryAsync(d => d.BusinessId, d => new NamedDto(d.BusinessId, d.Name), ct);
        // One DbContext answers one query at a time: the kinds are read in turn, each in one query.
        List<ToDoItemDto> items =
        [
            .. await BusinessInvitations(db, email, ct),
            .. await SpaceInvitations(db, editing, names, ct),
            .. await AllianceInvitations(db, grains, editing, names, now, ct),
            .. await JointBids(db, grains, me, editing, names, now, ct),
            .. await Questions(db, grains, editing, names, ct),
            .. await Soccorsi(db, grains, editing, names, now, ct),
            .. await Lendings(db, editing, names, now, ct),
        ];
        return TypedResults.Ok(items.OrderBy(i => i.Deadline ?? DateTimeOffset.MaxValue).ThenBy(i => i.Since).ToArray());
    }

    /// <summary>The invitations to a business's team made to the person's e-mail address (those of <see cref="BusinessInvitationEndpoints"/>' "mine").</summary>
    static async Task<IEnumerable<ToDoItemDto>> BusinessInvitations(MarketplaceDbContext db, string email, CancellationToken ct)
    {
        var rows = await db.BusinessInvitations.AsNoTracking().Where(i => i.NormalizedEmail == email)
            .Join(db.Directory, i => i.BusinessId, d => d.BusinessId, (i, d) => new { i.InvitationId, i.BusinessId, d.Name, i.Role, i.InvitedAt })
            .ToListAsync(ct);
        return rows.Select(r => new ToDoItemDto(ToDoKind.BusinessInvitation, r.InvitedAt, null, new(r.BusinessId, r.Name), null, null, null,
            r.InvitationId, r.Role, 1));
    }

    /// <summary>A space's invitation is answered by the firm's Owners and Managers (<see cref="MembershipContext"/>: the actor acts for the firm).</summary>
    static async Task<IEnumerable<ToDoItemDto>> SpaceInvitations(
        MarketplaceDbContext db, List<Guid> editing, Dictionary<Guid, NamedDto> names, CancellationToken ct)
    {
        var rows = await db.SpaceMembers.AsNoTracking().Where(m => m.Status == MembershipStatus.Invited && editing.Contains(m.BusinessId))
            .Join(db.Spaces, m => m.SpaceId, s => s.SpaceId, (m, s) => new { m.BusinessId, m.Since, s.SpaceId, s.Name })
            .ToListAsync(ct);
        return rows.Where(r => names.ContainsKey(r.BusinessId)).Select(r => new ToDoItemDto(ToDoKind.SpaceInvitation, r.Since, null,
            names[r.BusinessId], new(r.SpaceId, r.Name), null, null, null, null, 1));
    }

    /// <summary>
    /// An alliance's invitation is answered by the invited firm's Owners and Managers (<c>AllianceState.CheckAnswer</c>)
    /// while it waits (<see cref="Data.ReadModels.AllianceInvitations"/>, the rule the notice e-mails ask too). When it
    /// was made is kept by the alliance.
    /// </summary>
    static async Task<IEnumerable<ToDoItemDto>> AllianceInvitations(
        MarketplaceDbContext db, IGrainFactory grains, List<Guid> editing, Dictionary<Guid, NamedDto> names, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await Data.ReadModels.AllianceInvitations.Waiting(db, editing, now, ct);
        var alliances = await Task.WhenAll(rows.Select(r => r.AllianceId).Distinct().Select(id => grains.GetGrain<IAllianceGrain>(id).Get()));
        var since = alliances.OfType<AllianceSnapshot>()
            .SelectMany(a => a.Members.Where(m => m.Standing == AllianceStanding.Invited).Select(m => ((a.Id, m.FirmId), m.Since)))
            .ToDictionary(x => x.Item1, x => x.Since);
        return rows.Where(r => names.ContainsKey(r.FirmId) && since.ContainsKey((r.AllianceId, r.FirmId))).Select(r => new ToDoItemDto(
            ToDoKind.AllianceInvitation, since[(r.AllianceId, r.FirmId)], r.SubmissionDeadline > now ? r.SubmissionDeadline : null, names[r.FirmId], null,
            new(r.AllianceId, r.Name), r.TenderId is { } tender ? new(tender, r.Title ?? "") : null, null, null, 1));
    }

    /// <summary>
    /// The joint bids of the alliances whose bidding firms the person edits for, while their tenders take bids: each
    /// joint bid judges, as it judges the command, whether the person may sign it off for each of their firms now (a
    /// sign-off voided by a later change of the bid or of the firm's DGUE counts again); the lead's people are told to submit it when it is not
    /// submitted as it is and its bids close within <see cref="SubmitReminder"/>.
    /// </summary>
    static async Task<IEnumerable<ToDoItemDto>> JointBids(
        MarketplaceDbContext db, IGrainFactory grains, Guid me, List<Guid> editing, Dictionary<Guid, NamedDto> names, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.AllianceMembers.AsNoTracking()
            .Where(m => m.Standing == AllianceStanding.Active && m.Role != AllianceRole.Subcontractor && editing.Contains(m.FirmId))
            .Join(db.Alliances, m => m.AllianceId, a => a.AllianceId, (m, a) => new { a.AllianceId, a.Name, a.LeadId, a.TenderId })
            .Join(db.Tenders.Where(t => t.Status == TenderStatus.Enquiries || t.Status == TenderStatus.Tendering),
                a => a.TenderId, t => (Guid?)t.TenderId, (a, t) => new { a.AllianceId, a.Name, a.LeadId, t.TenderId, t.Title, t.SubmissionDeadline })
            .Distinct().ToListAsync(ct);
        var bids = await Task.WhenAll(rows.Select(async r => (Row: r, Bid: await grains.GetGrain<IJointBidGrain>(r.AllianceId).Read(me, true))));
        var items = new List<ToDoItemDto>();
        foreach (var (r, outcome) in bids)
        {
            if (outcome.Value is not { } bid) continue;
            NamedDto alliance = new(r.AllianceId, r.Name), tender = new(r.TenderId, r.Title);
            items.AddRange(bid.ViewerFirms.Where(f => f.Actions.Allows(JointBidFirmAction.Sign) && names.ContainsKey(f.FirmId))
                .Select(f => new ToDoItemDto(ToDoKind.SignJointBid, bid.UpdatedAt, r.SubmissionDeadline, names[f.FirmId], null, alliance, tender, null, null, 1)));
            var submitted = bid.Receipt is not null && !bid.ChangedSinceSubmission;
            if (!submitted && editing.Contains(r.LeadId) && names.ContainsKey(r.LeadId) && r.SubmissionDeadline > now && r.SubmissionDeadline - now <= SubmitReminder)
                items.Add(new(ToDoKind.SubmitJointBid, r.SubmissionDeadline - SubmitReminder, r.SubmissionDeadline, names[r.LeadId], null, alliance, tender, null, null, 1));
        }
        return items;
    }

    /// <summary>
    /// The firms' questions waiting on the tenders of the buyers the person acts for as Owner or Manager (the buyer's
    /// people who may answer them), counted by the tenders' rows (<c>QuestionsWaiting</c>, as "my tenders" shows them)
    /// while the tender takes answers; the oldest one's time is kept by the tender.
    /// </summary>
    static async Task<IEnumerable<ToDoItemDto>> Questions(
        MarketplaceDbContext db, IGrainFactory grains, List<Guid> editing, Dictionary<Guid, NamedDto> names, CancellationToken ct)
    {
        var answerable = TenderState.AnswerableStatuses.ToList();
        var rows = await db.Tenders.AsNoTracking()
            .Where(t => editing.Contains(t.BuyerId) && t.QuestionsWaiting > 0 && answerable.Contains(t.Status))
            .Select(t => new { t.TenderId, t.BuyerId, t.Title, t.QuestionsWaiting, t.SubmissionDeadline })
            .ToListAsync(ct);
        var tenders = await Task.WhenAll(rows.Select(r => grains.Tender(r.TenderId).Current()));
        var oldest = tenders.OfType<TenderSnapshot>()
            .Select(t => (t.Id, Asked: t.Questions.Where(q => q.Answer is null).Select(q => (DateTimeOffset?)q.AskedAt).Min()))
            .Where(t => t.Asked is not null).ToDictionary(t => t.Id, t => t.Asked!.Value);
        return rows.Where(r => names.ContainsKey(r.BuyerId) && oldest.ContainsKey(r.TenderId)).Select(r => new ToDoItemDto(
            ToDoKind.AnswerQuestions, oldest[r.TenderId], r.SubmissionDeadline, names[r.BuyerId], null, null, new(r.TenderId, r.Title), null, null,
            r.QuestionsWaiting));
    }

    /// <summary>
    /// The joint bids that rely on the person's firms (avvalimento) and await their commitment, found by the reliances'
    /// rows (<see cref="RelianceEntries.Awaiting"/>: what the joint bid's answer accepts, written with its state): one row
    /// per bid and firm, with how many of its reliances wait and since when the oldest does.
    /// </summary>
    static async Task<IEnumerable<ToDoItemDto>> Lendings(
        MarketplaceDbContext db, List<Guid> editing, Dictionary<Guid, NamedDto> names, DateTimeOffset now, CancellationToken ct) =>
        (await RelianceEntries.Awaiting(db, editing, now, ct)).Where(r => names.ContainsKey(r.AuxiliaryId))
            .GroupBy(r => (r.AllianceId, r.AuxiliaryId)).Select(g =>
            {
                var r = g.First();
                return new ToDoItemDto(ToDoKind.ConfirmAvvalimento, g.Min(x => x.Since), r.SubmissionDeadline, names[r.AuxiliaryId], null,
                    new(r.AllianceId, r.Alliance), new(r.TenderId, r.Tender), null, null, g.Count());
            });

    /// <summary>
    /// The buyer's open soccorso istruttorio requests to the bids the person's firms lead (their Owners and Managers
    /// answer them), found by the opened bids' lead rows of the tenders in evaluation; each tender keeps its requests.
    /// One row per bid, with how many wait, the nearest deadline and the oldest request's time; an RTI's names its alliance.
    /// </summary>
    static async Task<IEnumerable<ToDoItemDto>> Soccorsi(
        MarketplaceDbContext db, IGrainFactory grains, List<Guid> editing, Dictionary<Guid, NamedDto> names, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.BidTenderers.AsNoTracking()
            .Where(b => b.Role == TendererRole.Lead && editing.Contains(b.FirmId))
            .Join(db.Tenders.Where(t => t.Status == TenderStatus.Evaluation), b => b.TenderId, t => t.TenderId, (b, t) => new { t.TenderId, t.Title })
            .Distinct().ToListAsync(ct);
        var tenders = await Task.WhenAll(rows.Select(r => grains.Tender(r.TenderId).Current()));
        var waiting = tenders.OfType<TenderSnapshot>().SelectMany(t => t.SoccorsoRequests.Where(r => r.StatusAt(now) == SoccorsoStatus.Open)
                .Select(r => (Tender: t, Request: r, Bid: t.Bids.Single(b => b.BidId == r.BidId))))
            .Where(x => names.ContainsKey(TenderState.LeadOf(x.Bid)))
            .GroupBy(x => (x.Tender.Id, x.Bid.BidId)).ToList();
        var rtis = waiting.Select(g => g.First().Bid).Where(b => b.BidderId != TenderState.LeadOf(b)).Select(b => b.BidderId).Distinct().ToList();
        var alliances = await db.Alliances.AsNoTracking().Where(a => rtis.Contains(a.AllianceId)).ToDictionaryAsync(a => a.AllianceId, a => a.Name, ct);
        var titles = rows.ToDictionary(r => r.TenderId, r => r.Title);
        return waiting.Select(g =>
        {
            var bid = g.First().Bid;
            NamedDto? alliance = alliances.TryGetValue(bid.BidderId, out var name) ? new(bid.BidderId, name) : null;
            return new ToDoItemDto(ToDoKind.AnswerSoccorso, g.Min(x => x.Request.At), g.Min(x => x.Request.Deadline), names[TenderState.LeadOf(bid)], null,
                alliance, new(g.Key.Id, titles.GetValueOrDefault(g.Key.Id, g.First().Tender.Details.Title)), null, null, g.Count());
        });
    }
}
