using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Qualifications;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

/// <summary>
/// An association's check of an attestation (<see cref="Category"/>) or of the figures (null) against the document,
/// shown only while the firm records what was checked: "Verificato dall'associazione «space» il …".
/// </summary>
public sealed record QualificationCheckDto(string? Category, Guid SpaceId, string SpaceName, DateTimeOffset CheckedAt)
{
    internal static QualificationCheckDto[] From(IEnumerable<QualificationCheckMark> marks) =>
        [.. marks.Select(m => new QualificationCheckDto(m.Category, m.SpaceId, m.SpaceName, m.CheckedAt))];
}

/// <summary>
/// A firm's qualifications, for its own people or, to check them, for the admins of a space it is a member of.
/// <see cref="CanEdit"/>: the reader is one of its Owners or Managers; <see cref="CanCheck"/>: the reader is an admin
/// reading them in their space, who marks each as checked. <see cref="Checks"/>: the checks that hold now.
/// </summary>
public sealed record FirmQualificationsDto(Guid FirmId, SoaAttestationDto[] Attestations, FinancialFiguresDto? Figures, int Version, bool CanEdit,
    QualificationCheckDto[] Checks, bool CanCheck = false);

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

    static async Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, [FromServices] IGrainFactory grains,
        [FromServices] MarketplaceClock clock,
        [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (await grains.GetGrain<IBusinessGrain>(id).Get() is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        if (BusinessState.CheckSeesQualifications(business.RoleOf(user.UserId())) is { } no) return no.ToHttp();
        return TypedResults.Ok(await Dto(business, user, clock, db, ct));
    }

    static async Task<Results<Ok<FirmQualificationsDto>, ProblemHttpResult>> Edit(
        Guid id, EditQualificationsRequest body, ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] MarketplaceClock clock,
        [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var qualifications = new FirmQualifications(
            [.. (body.Attestations ?? []).Select(a => new SoaAttestation(a?.Category ?? "", a?.Class ?? (SoaClass)(-1), a?.Expires ?? default, a?.IssuedBy ?? "", null))],
            body.Figures is { } f ? new FinancialFigures(f.LastYear, f.Turnover, f.SimilarWork) : null);
        var outcome = await grains.GetGrain<IBusinessGrain>(id).EditQualifications(new EditQualifications(user.UserId(), body.Version, qualifications));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(outcome.Value!, user, clock, db, ct));
    }

    /// <summary>The firm's own people read the checks of every space it is a member of (each is one of its memberships).</summary>
    static async Task<FirmQualificationsDto> Dto(BusinessSnapshot business, ClaimsPrincipal user, MarketplaceClock clock, MarketplaceDbContext db, CancellationToken ct)
    {
        var q = business.Qualifications ?? FirmQualifications.None;
        var marks = await QualificationChecks.Marks(db).Where(m => m.BusinessId == business.Id).ToListAsync(ct);
        var (attestations, figures) = QualificationChecks.Holding(marks, q);
        return Dto(business.Id, q, business.Version, clock, QualificationCheckDto.From([.. attestations.SelectMany(g => g), .. figures])) with
        {
            CanEdit = business.CanEdit(user.UserId()),
        };
    }

    internal static FirmQualificationsDto Dto(Guid firmId, FirmQualifications q, int version, MarketplaceClock clock, QualificationCheckDto[] checks)
    {
        var today = QualificationRules.Today(clock.GetUtcNow());
        return new(firmId, [.. q.Attestations.Select(a => SoaAttestationDto.From(a, today))],
            q.Figures is { } f ? new FinancialFiguresDto(f.LastYear, f.Turnover, f.SimilarWork) : null, version, false, checks);
    }

    static Ok<SoaCategoryDto[]> Categories() =>
        TypedResults.Ok(SoaCategories.All.Select(c => new SoaCategoryDto(c.Code, c.General, c.LabelIt, c.LabelEn)).ToArray());
}
