using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>A rule that fails or a note, as a refusal code with its arguments: the client words it in the reader's language.</summary>
public sealed record QualificationReasonDto(string Code, Dictionary<string, string> Args)
{
    public static QualificationReasonDto From(FieldProblem p) => new(p.Code, p.Args);
}

/// <summary>
/// What one firm brings to a requirement: its class (works) and the amount it counts for (the one-fifth increase
/// included when it applies); <see cref="Counts"/> false when it is under the share a member must bring, or expired.
/// </summary>
public sealed record QualificationContributionDto(NamedDto Firm, bool Lead, string? ClassLabel, decimal Amount, bool Increased, bool Counts, bool Expired);

/// <summary>One requirement of a lot against the alliance's firms: what is required, what they hold together, and who brings what.</summary>
public sealed record RequirementCheckDto(RequirementKind Kind, string? Category, string? CategoryIt, string? CategoryEn, string? ClassLabel,
    decimal Required, decimal Held, RequirementStatus Status, QualificationContributionDto[] By);

/// <summary>Whether the alliance qualifies for one lot, each failing rule and each note (work to subcontract) as a reason.</summary>
public sealed record LotQualificationDto(int Lot, string Title, bool Qualifies, RequirementCheckDto[] Requirements,
    QualificationReasonDto[] Failures, QualificationReasonDto[] Notes);

/// <summary>The alliance against each lot of its tender that states requirements, judged today by its active firms' qualifications.</summary>
public sealed record AllianceQualificationDto(Guid AllianceId, LotQualificationDto[] Lots);

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

    static async Task<Results<Ok<AllianceQualificationDto>, ProblemHttpResult>> Get(Guid id, [AsParameters] ViewerCall call, MarketplaceClock clock)
    {
        if (await call.Access.Alliance(id, call.User, watch: true, call.Ct) is not { } alliance) return ProblemResults.NotFound(AllianceEndpoints.NotFound);
        if (alliance.TenderId is not { } tenderId || await call.Grains.GetGrain<ITenderGrain>(tenderId).Current() is not { } tender)
            return Problem.Conflict(AllianceEndpoints.NoTenderToCover).ToHttp();
        var firms = await Task.WhenAll(alliance.Active.Select(m => call.Grains.GetGrain<IBusinessGrain>(m.FirmId).Get()));
        var known = firms.OfType<BusinessSnapshot>().ToList();
        GroupMember[] members = [.. known.Select(b => new GroupMember(b.Id, b.Id == alliance.LeadId,
            (b.Qualifications ?? FirmQualifications.None).Attestations, (b.Qualifications ?? FirmQualifications.None).Figures))];
        var names = known.ToDictionary(b => b.Id, b => b.Profile.Name);
        var today = QualificationRules.Today(clock.GetUtcNow());

        LotQualificationDto Lot(Lot lot)
        {
            var q = QualificationRules.Check(lot.Requirements!, members, today);
            return new(lot.Number, lot.Title, q.Qualifies, [.. q.Requirements.Select(r => Check(r, alliance.LeadId, names))],
                [.. q.Failures.Select(QualificationReasonDto.From)], [.. q.Notes.Select(QualificationReasonDto.From)]);
        }
        return TypedResults.Ok(new AllianceQualificationDto(id, [.. tender.Details.Lots.Where(l => l.Requirements is not null).Select(Lot)]));
    }

    static RequirementCheckDto Check(RequirementCheck r, Guid leadId, Dictionary<Guid, string> names)
    {
        var category = SoaCategories.Find(r.Category);
        return new(r.Kind, r.Category, category?.LabelIt, category?.LabelEn, r.Class is { } c ? SoaClasses.Label(c) : null, r.Required, r.Held, r.Status,
            [.. r.By.Select(b => new QualificationContributionDto(new NamedDto(b.FirmId, names.GetValueOrDefault(b.FirmId, "")), b.FirmId == leadId,
                b.Class is { } k ? SoaClasses.Label(k) : null, b.Amount, b.Increased, b.Counts, b.Expired))]);
    }
}
