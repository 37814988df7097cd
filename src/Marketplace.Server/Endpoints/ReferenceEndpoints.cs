using Marketplace.Reference;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

public sealed record ComuneDto(string Code, string Name, string ProvinceSigla, string ProvinceName, string RegionName);

public static class ReferenceEndpoints
{
    const int MaxLimit = 50;

    /// <summary>Type-ahead over the shipped vocabularies: CPV codes (by digits or words, IT or EN) and comuni.</summary>
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/reference", "Reference");
        api.MapGet("/cpv", SearchCpv).WithName("searchCpv");
        api.MapGet("/comuni", SearchComuni).WithName("searchComuni");
        return app;
    }

    static Ok<CapabilityDto[]> SearchCpv([SearchWords] string? q, int? limit) =>
        TypedResults.Ok(CpvCatalog.Shared.Search(q ?? "", Limit(limit)).Select(CapabilityDto.From).ToArray());

    static Ok<ComuneDto[]> SearchComuni([SearchWords] string? q, int? limit) =>
        TypedResults.Ok(ComuneCatalog.Shared.Search(q ?? "", Limit(limit))
            .Select(c => new ComuneDto(c.Code, c.Name, c.ProvinceSigla, c.ProvinceName, c.RegionName)).ToArray());

    static int Limit(int? limit) => Math.Clamp(limit ?? 20, 1, MaxLimit);
}
