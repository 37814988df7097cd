using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>An SOA attestation as a firm's form sends it.</summary>
public sealed record SoaAttestationRequest(string? Category, SoaClass Class, DateOnly? Expires, string? IssuedBy);

/// <summary>A firm's figures over three financial years ending with <see cref="LastYear"/>, in euros.</summary>
public sealed record FinancialFiguresDto(int LastYear, decimal Turnover, decimal SimilarWork);

/// <summary>Replaces the firm's qualifications; <see cref="Version"/> is the business's version the editor saw.</summary>
public sealed record EditQualificationsRequest(int Version, SoaAttestationRequest?[]? Attestations, FinancialFiguresDto? Figures);

/// <summary>
/// An SOA attestation as the firm's people read it: the category with its names, the class with its amount, and
/// whether it has expired (then it counts for nothing in any lot).
/// </summary>
public sealed record SoaAttestationDto(string Category, string CategoryIt, string CategoryEn, SoaClass Class, string ClassLabel, decimal ClassAmount,
    DateOnly Expires, string IssuedBy, bool Expired)
{
    public static SoaAttestationDto From(SoaAttestation a, DateOnly today)
    {
        var category = SoaCategories.Find(a.Category);
        return new(a.Category, category?.LabelIt ?? a.Category, category?.LabelEn ?? a.Category, a.Class, SoaClasses.Label(a.Class),
            SoaClasses.Amount(a.Class), a.Expires, a.IssuedBy, a.Expires < today);
    }
}

/// <summary>A firm's qualifications, for its own people; <see cref="CanEdit"/>: the reader is one of its Owners or Managers.</summary>
public sealed record FirmQualificationsDto(Guid FirmId, SoaAttestationDto[] Attestations, FinancialFiguresDto? Figures, int Version, bool CanEdit);

/// <summary>A works category of the SOA system, for the forms that name one.</summary>
public sealed record SoaCategoryDto(string Code, bool General, string LabelIt, string LabelEn);

public static class BusinessQualificationEndpoints
{
    /// <summary>A firm's SOA attestations and figures: read by its people, edited by its Owners and Managers.</summary>
    public static IEndpointRouteBuilder MapBusinessQualificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/businesses", "Businesses").RequireAuthorization();
        api.MapGet("/{id:guid}/qualifications", Get).WithName("getBusinessQualifications");
        api.MapPut("/{id:guid}/qualifications", Edit).WithName("editBusinessQualifications");
        app.MapApiGroup("/api/reference", "Reference").MapGet("/soa-categories", Categories).WithName("listSoaCategories");
        return app;
    }

    static async Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IGrainFactory grains, MarketplaceClock clock)
    {
        if (await grains.GetGrain<IBusinessGrain>(id).Get() is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        if (BusinessState.CheckSeesQualifications(business.RoleOf(user.UserId())) is { } no) return no.ToHttp();
        return TypedResults.Ok(Dto(business, user, clock));
    }

    static async Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Edit(
        Guid id, EditQualificationsRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceClock clock)
    {
        var qualifications = new FirmQualifications(
            [.. (body.Attestations ?? []).Select(a => new SoaAttestation(a?.Category ?? "", a?.Class ?? (SoaClass)(-1), a?.Expires ?? default, a?.IssuedBy ?? "", null))],
            body.Figures is { } f ? new FinancialFigures(f.LastYear, f.Turnover, f.SimilarWork) : null);
        var outcome = await grains.GetGrain<IBusinessGrain>(id).EditQualifications(new EditQualifications(user.UserId(), body.Version, qualifications));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(Dto(outcome.Value!, user, clock));
    }

    static FirmQualificationsDto Dto(BusinessSnapshot business, ClaimsPrincipal user, MarketplaceClock clock)
    {
        var today = QualificationRules.Today(clock.GetUtcNow());
        var q = business.Qualifications ?? FirmQualifications.None;
        return new(business.Id, [.. q.Attestations.Select(a => SoaAttestationDto.From(a, today))],
            q.Figures is { } f ? new FinancialFiguresDto(f.LastYear, f.Turnover, f.SimilarWork) : null, business.Version, business.CanEdit(user.UserId()));
    }

    static Ok<SoaCategoryDto[]> Categories() =>
        TypedResults.Ok(SoaCategories.All.Select(c => new SoaCategoryDto(c.Code, c.General, c.LabelIt, c.LabelEn)).ToArray());
}
