using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>One exclusion ground as the form sends its answer: whether it applies, and the explanation when it does.</summary>
public sealed record DgueAnswerRequest(string? Ground, bool Applies, string? Explanation);

/// <summary>The selection criteria declared met: the SOA categories of the firm's recorded attestations, and its recorded figures.</summary>
public sealed record DgueSelectionRequest(string?[]? Categories, bool Figures);

/// <summary>Replaces and confirms the firm's DGUE; <see cref="Version"/> is the business's version the editor saw.</summary>
public sealed record EditDgueRequest(int Version, DgueAnswerRequest?[]? Answers, DgueSelectionRequest? Selection);

/// <summary>
/// One exclusion ground with the firm's answer (null: not answered yet): its section of the form, the article it comes
/// from, and whether the exclusion is automatic (art. 94) or the buyer's judgement (art. 95).
/// </summary>
public sealed record DgueGroundDto(string Code, DgueSection Section, string Source, bool Automatic, bool? Applies, string? Explanation);

/// <summary>A selection criterion declared met: the category pointed at, with the attestation as now recorded (null: no longer recorded).</summary>
public sealed record DgueCriterionDto(string Category, SoaAttestationDto? Attestation);

/// <summary>
/// A firm's DGUE as read: every ground with its answer, the criteria declared met resolved against what the firm
/// records, when it was last confirmed, and whether that is recent enough to go with a bid (<see cref="Current"/>).
/// </summary>
public sealed record DgueDto(DgueGroundDto[] Grounds, DgueCriterionDto[] Categories, FinancialFiguresDto? Figures, DateTimeOffset? ConfirmedAt, bool Current)
{
    public static DgueDto From(FirmDgue? dgue, FirmQualifications held, DateOnly today) => new(
        [.. DgueRules.Grounds.Select(g => Ground(g, dgue?.Answers.FirstOrDefault(a => a.Ground == g.Code)))],
        [.. (dgue?.Selection.Categories ?? []).Select(c => new DgueCriterionDto(c,
            held.Attestations.FirstOrDefault(a => a.Category == c) is { } now ? SoaAttestationDto.From(now, today) : null))],
        dgue is { Selection.Figures: true } && held.Figures is { } f ? new FinancialFiguresDto(f.LastYear, f.Turnover, f.SimilarWork) : null,
        dgue?.ConfirmedAt, DgueRules.IsCurrent(dgue, today));

    /// <summary>
    /// A DGUE as sealed with a bid: the criteria are the attestations and figures sealed with it, and whether it was
    /// current and an attestation expired are judged on the day the bid was received.
    /// </summary>
    public static DgueDto Sealed(Tenders.BidDgue sealedDgue, DateTimeOffset receivedAt)
    {
        var day = QualificationRules.Today(receivedAt);
        var dgue = new FirmDgue(sealedDgue.Answers, new DgueSelection([.. sealedDgue.Attestations.Select(a => a.Category)], sealedDgue.Figures is not null),
            sealedDgue.ConfirmedAt, Guid.Empty);
        return From(dgue, new FirmQualifications(sealedDgue.Attestations, sealedDgue.Figures), day);
    }

    static DgueGroundDto Ground(DgueGround g, DgueAnswer? a) => new(g.Code, g.Section, g.Source, g.Automatic, a?.Applies, a?.Explanation);
}

/// <summary>A firm's DGUE for its own people, with what its criteria may point at; <see cref="CanEdit"/>: the reader is one of its Owners or Managers.</summary>
public sealed record FirmDgueDto(Guid FirmId, DgueDto Dgue, SoaAttestationDto[] Attestations, FinancialFiguresDto? Figures, int MonthsCurrent, int Version, bool CanEdit);

public static class BusinessDgueEndpoints
{
    /// <summary>A firm's DGUE: read by its people, answered and confirmed by its Owners and Managers, to anyone else not there.</summary>
    public static IEndpointRouteBuilder MapBusinessDgueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/businesses", "Businesses").RequireAuthorization();
        api.MapGet("/{id:guid}/dgue", Get).WithName("getBusinessDgue");
        api.MapPut("/{id:guid}/dgue", Edit).WithName("editBusinessDgue");
        return app;
    }

    static async Task<Results<Ok<FirmDgueDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, [FromServices] IGrainFactory grains,
        [FromServices] MarketplaceClock clock)
    {
        var business = await grains.GetGrain<IBusinessGrain>(id).Get();
        if (BusinessState.CheckSeesDgue(business?.RoleOf(user.UserId())) is { } no) return no.ToHttp();
        return business!.Kind != BusinessKind.Firm ? Problem.Conflict(BusinessState.NotAFirm).ToHttp() : TypedResults.Ok(Dto(business, user, clock));
    }

    static async Task<Results<Ok<FirmDgueDto>, ProblemHttpResult>> Edit(Guid id, EditDgueRequest body, ClaimsPrincipal user,
        [FromServices] IGrainFactory grains, [FromServices] MarketplaceClock clock)
    {
        var command = new EditDgue(user.UserId(), body.Version,
            [.. (body.Answers ?? []).Select(a => a is null ? null : new DgueAnswer(a.Ground ?? "", a.Applies, a.Explanation))],
            body.Selection is { } s ? new DgueSelection([.. (s.Categories ?? []).Select(c => c ?? "")], s.Figures) : null);
        var outcome = await grains.GetGrain<IBusinessGrain>(id).EditDgue(command);
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(Dto(outcome.Value!, user, clock));
    }

    static FirmDgueDto Dto(BusinessSnapshot business, ClaimsPrincipal user, MarketplaceClock clock)
    {
        var today = QualificationRules.Today(clock.GetUtcNow());
        var held = business.Qualifications ?? FirmQualifications.None;
        return new(business.Id, DgueDto.From(business.Dgue, held, today), [.. held.Attestations.Select(a => SoaAttestationDto.From(a, today))],
            held.Figures is { } f ? new FinancialFiguresDto(f.LastYear, f.Turnover, f.SimilarWork) : null,
            DgueRules.MonthsCurrent, business.Version, business.CanEdit(user.UserId()));
    }
}
