using Marketplace.Alliances;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>A rule that fails or a note, as a refusal code with its arguments: the client words it in the reader's language.</summary>
public sealed record QualificationReasonDto(string Code, Dictionary<string, string> Args)
{
    public static QualificationReasonDto From(FieldProblem p) => new(p.Code, p.Args);
}

/// <summary>
/// What one firm brings to a requirement: its class (works) and the amount it counts for (the one-fifth increase
/// included when it applies); <see cref="Counts"/> false when it is under the share a member must bring, or expired.
/// <see cref="LentBy"/>: the auxiliary firm whose class or figure the firm brings in avvalimento, when it is not its own.
/// <see cref="Checked"/>: the associations whose check of the firm's own attestation (or figures) holds now; shown to the
/// alliance only for public spaces and the alliance's own, as a members-only space's membership is its members' to see.
/// </summary>
public sealed record QualificationContributionDto(NamedDto Firm, bool Lead, string? ClassLabel, decimal Amount, bool Increased, bool Counts, bool Expired,
    NamedDto? LentBy, QualificationCheckDto[] Checked);

/// <summary>One requirement of a lot against the alliance's firms: what is required, what they hold together, and who brings what.</summary>
public sealed record RequirementCheckDto(RequirementKind Kind, string? Category, string? CategoryIt, string? CategoryEn, string? ClassLabel,
    decimal Required, decimal Held, RequirementStatus Status, QualificationContributionDto[] By);

/// <summary>
/// Whether the alliance qualifies for one lot, each failing rule and each note (work to subcontract) as a reason.
/// <see cref="Quotas"/>: each firm's execution quota declared in the joint bid for the lot against what its
/// qualification covers there; <c>Warning</c> when the quota is more (its <c>firm</c> argument is the firm's name).
/// <see cref="Undeclared"/>: each category left to a subcontractor (a requirement in status <c>Subcontract</c>) that the
/// joint bid's subcontracting declarations do not cover yet (<c>subcontract.undeclared</c>); it stops nothing.
/// </summary>
public sealed record LotQualificationDto(int Lot, string Title, bool Qualifies, RequirementCheckDto[] Requirements,
    QualificationReasonDto[] Failures, QualificationReasonDto[] Notes, QuotaCoverageDto[] Quotas, QualificationReasonDto[] Undeclared);

/// <summary>One firm's execution quota in a lot: its amount of the lot's works, what the firm's counted classes cover, and the warning when they do not.</summary>
public sealed record QuotaCoverageDto(NamedDto Firm, decimal Execution, decimal Amount, decimal Covered, QualificationReasonDto? Warning);

/// <summary>
/// The alliance against the lots it bids for, judged today by its active firms' qualifications: the lots stating
/// requirements that its joint bid has work packages in; while it has none, every lot stating requirements
/// (<see cref="AllLots"/> true, and the page says so).
/// </summary>
public sealed record AllianceQualificationDto(Guid AllianceId, LotQualificationDto[] Lots, bool AllLots, FirmDgueStandingDto[] Dgues);

/// <summary>Where a firm's DGUE stands today: confirmed within <c>DgueRules.MonthsCurrent</c> months, older, or never kept.</summary>
public enum DgueStanding { Current, Stale, Missing }

/// <summary>
/// One firm of the alliance (its active firms, the lead first, then each auxiliary firm its joint bid relies on) with
/// where its DGUE stands and the day in Italy it was last confirmed; what the DGUE says stays the firm's.
/// </summary>
public sealed record FirmDgueStandingDto(NamedDto Firm, bool Lead, bool Auxiliary, DgueStanding Standing, DateOnly? ConfirmedOn);

public static class AllianceQualificationEndpoints
{
    /// <summary>
    /// Whether the alliance qualifies for its tender's lots: computed here by the qualification rules (their one home)
    /// from the active firms (the lead and each firm's SOA attestations and figures), for the people of those firms
    /// only: the firms' qualifications are private to them.
    /// </summary>
    public static IEndpointRouteBuilder MapAllianceQualificationApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/alliances", "Alliances").RequireAuthorization()
            .MapGet("/{id:guid}/qualification", Get).WithName("getAllianceQualification");
        return app;
    }

    static async Task<Results<Ok<AllianceQualificationDto>, ProblemHttpResult>> Get(Guid id, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        if (await call.Access.Alliance(id, call.User, watch: true, call.Ct) is not { } alliance) return ProblemResults.NotFound(AllianceEndpoints.NotFound);
        if (alliance.TenderId is not { } tenderId || await call.Grains.GetGrain<ITenderGrain>(tenderId).Current() is not { } tender)
            return Problem.Conflict(AllianceEndpoints.NoTenderToCover).ToHttp();
        var (lots, all, quotas, subcontracts, reliances) = await Judged(id, tender, call);
        var (held, marks) = await QualificationChecks.Of(call.Db, [.. alliance.Active.Select(m => m.FirmId)], alliance.SpaceId, call.Ct);
        var members = Members(alliance, held);
        var lent = await Lent(reliances, call.Db, call.Ct);
        var firms = members.Select(m => m.FirmId).Concat(reliances.Select(r => r.AuxiliaryId)).Distinct().ToList();
        // Each firm's name with its DGUE's confirmation, in the one query (business_dgues has a row per firm keeping one).
        var rows = await call.Db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId))
            .Select(d => new { d.BusinessId, d.Name, Confirmed = call.Db.BusinessDgues.Where(x => x.BusinessId == d.BusinessId).Select(x => (DateTimeOffset?)x.ConfirmedAt).FirstOrDefault() })
            .ToListAsync(call.Ct);
        var names = rows.ToDictionary(r => r.BusinessId, r => r.Name);
        var confirmed = rows.ToDictionary(r => r.BusinessId, r => r.Confirmed);
        var today = QualificationRules.Today(clock.GetUtcNow());
        var dgues = firms.Select(f => Standing(new NamedDto(f, names.GetValueOrDefault(f, "")), f == alliance.LeadId, !members.Any(m => m.FirmId == f),
            confirmed.GetValueOrDefault(f), today)).OrderByDescending(d => d.Lead).ThenBy(d => d.Auxiliary).ToArray();

        LotQualificationDto Lot(Lot lot)
        {
            var q = QualificationRules.Check(lot.Requirements!, members, today, [.. lent.Where(l => l.Lending.Lot == lot.Number)]);
            return new(lot.Number, lot.Title, q.Qualifies, [.. q.Requirements.Select(r => Check(r, alliance.LeadId, names, marks))],
                [.. q.Failures.Select(QualificationReasonDto.From)], [.. q.Notes.Select(QualificationReasonDto.From)],
                [.. quotas.Where(x => x.Lot == lot.Number).Select(x => Coverage(x, lot.Requirements!, q, names))],
                [.. SubcontractRules.Undeclared(lot.Number, q, subcontracts).Select(QualificationReasonDto.From)]);
        }
        return TypedResults.Ok(new AllianceQualificationDto(id, [.. lots.Select(Lot)], all, dgues));
    }

    static FirmDgueStandingDto Standing(NamedDto firm, bool lead, bool auxiliary, DateTimeOffset? confirmedAt, DateOnly today) =>
        new(firm, lead, auxiliary,
            confirmedAt is not { } at ? DgueStanding.Missing : DgueRules.IsCurrent(at, today) ? DgueStanding.Current : DgueStanding.Stale,
            confirmedAt is { } day ? QualificationRules.Today(day) : null);

    /// <summary>
    /// The alliance's active firms as the qualification rules see them (the lead flagged), from their qualification
    /// rows: two queries whatever the number of firms.
    /// </summary>
    internal static async Task<GroupMember[]> Members(AllianceSnapshot alliance, MarketplaceDbContext db, CancellationToken ct) =>
        Members(alliance, await RequirementPartners.Of(db, [.. alliance.Active.Select(m => m.FirmId)], ct));

    static GroupMember[] Members(AllianceSnapshot alliance, Dictionary<Guid, FirmQualifications> held)
    {
        var firms = alliance.Active.Select(m => m.FirmId).ToList();
        return [.. firms.Select(f => (Firm: f, Held: held.GetValueOrDefault(f) ?? FirmQualifications.None))
            .Select(x => new GroupMember(x.Firm, x.Firm == alliance.LeadId, x.Held.Attestations, x.Held.Figures))];
    }

    /// <summary>
    /// The lots the alliance is judged for: of the lots stating requirements, those its joint bid has work packages in
    /// (a lot it does not bid for cannot fail it); while it has none, all of them, and <c>All</c> says so. One read of
    /// the joint bid, which its workspace's viewers may read; its declared quotas and subcontracting come with it.
    /// </summary>
    internal static async Task<(Lot[] Lots, bool All, BidQuota[] Quotas, BidSubcontract[] Subcontracts, Lending[] Reliances)> Judged(Guid allianceId, TenderSnapshot tender, ViewerCall call)
    {
        var read = await call.Grains.GetGrain<IJointBidGrain>(allianceId).Read(call.User.UserId(), false);
        var bidFor = (read.Value?.WorkPackages ?? []).Select(p => p.Lot).ToHashSet();
        var stating = tender.Details.Lots.Where(l => l.Requirements is not null).ToArray();
        var (quotas, subcontracts, reliances) = (read.Value?.Quotas ?? [], read.Value?.Subcontracts ?? [], read.Value?.Reliances ?? []);
        return bidFor.Count == 0 ? (stating, true, quotas, subcontracts, reliances) : ([.. stating.Where(l => bidFor.Contains(l.Number))], false, quotas, subcontracts, reliances);
    }

    /// <summary>
    /// The joint bid's reliances with what each auxiliary's page records now (its qualification rows; no query when
    /// the bid declares none), for the rules to judge whether each still counts.
    /// </summary>
    internal static async Task<LentRequirement[]> Lent(Lending[] reliances, MarketplaceDbContext db, CancellationToken ct)
    {
        if (reliances.Length == 0) return [];
        var held = await RequirementPartners.Of(db, [.. reliances.Select(r => r.AuxiliaryId).Distinct()], ct);
        return [.. reliances.Select(r => new LentRequirement(r, held.GetValueOrDefault(r.AuxiliaryId) ?? FirmQualifications.None))];
    }

    /// <summary>
    /// A firm's execution quota of the lot's works against the amounts its classes count for in the lot's categories
    /// (the one-fifth increase included where it applies, as the qualification rules count them).
    /// </summary>
    static QuotaCoverageDto Coverage(BidQuota quota, LotRequirements lot, LotQualification q, Dictionary<Guid, string> names)
    {
        var covered = q.Requirements.Where(r => r.Category is not null).SelectMany(r => r.By)
            .Where(b => b.FirmId == quota.FirmId && b.Counts).Sum(b => b.Amount);
        var name = names.GetValueOrDefault(quota.FirmId, "");
        var warning = QuotaRules.CheckCovered(quota.Lot, quota, lot.WorksAmount, covered) is { } over
            ? new QualificationReasonDto(over.Code, new Dictionary<string, string>(over.Args) { ["firm"] = name }) : null;
        return new(new NamedDto(quota.FirmId, name), quota.Execution, decimal.Round(lot.WorksAmount * quota.Execution / 100m, 2), covered, warning);
    }

    static RequirementCheckDto Check(RequirementCheck r, Guid leadId, Dictionary<Guid, string> names, Dictionary<Guid, QualificationCheckMark[]> marks)
    {
        // A firm's own attestation of the category, or its own figures; what an auxiliary lends is the auxiliary's.
        QualificationCheckDto[] Checked(Contribution b) => b.LentBy is not null ? []
            : QualificationCheckDto.From(marks.GetValueOrDefault(b.FirmId, []).Where(m => m.Category == r.Category));
        var category = SoaCategories.Find(r.Category);
        return new(r.Kind, r.Category, category?.LabelIt, category?.LabelEn, r.Class is { } c ? SoaClasses.Label(c) : null, r.Required, r.Held, r.Status,
            [.. r.By.Select(b => new QualificationContributionDto(new NamedDto(b.FirmId, names.GetValueOrDefault(b.FirmId, "")), b.FirmId == leadId,
                b.Class is { } k ? SoaClasses.Label(k) : null, b.Amount, b.Increased, b.Counts, b.Expired,
                b.LentBy is { } aux ? new NamedDto(aux, names.GetValueOrDefault(aux, "")) : null, Checked(b)))]);
    }
}
