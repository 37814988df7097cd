using Marketplace.Reference;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>A code of the vocabulary as a node of its tree: whether it opens onto more specific codes.</summary>
public sealed record CpvNodeDto(string Code, string LabelIt, string LabelEn, bool HasChildren);

public sealed record ComuneDto(string Code, string Name, string ProvinceSigla, string ProvinceName, string RegionName);

public static class ReferenceEndpoints
{
    const int MaxLimit = 50;

    /// <summary>Type-ahead over the shipped vocabularies: CPV codes (by digits or words, IT or EN) and comuni.</summary>
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/reference", "Reference");
        api.MapGet("/cpv", SearchCpv).WithName("searchCpv");
        api.MapGet("/cpv/tree", CpvTree).WithName("cpvTree");
        api.MapGet("/comuni", SearchComuni).WithName("searchComuni");
        return app;
    }

    static Ok<CapabilityDto[]> SearchCpv([SearchWords] string? q, int? limit) =>
        TypedResults.Ok(CpvCatalog.Shared.Search(q ?? "", Limit(limit)).Select(CapabilityDto.From).ToArray());

    /// <summary>The codes one level below <paramref name="parent"/> (the 45 divisions without it), to browse the vocabulary.</summary>
    static Results<Ok<CpvNodeDto[]>, ProblemHttpResult> CpvTree(string? parent)
    {
        var cpv = CpvCatalog.Shared;
        CpvEntry? node = null;
        if (!string.IsNullOrWhiteSpace(parent) && (node = cpv.Find(parent)) is null)
            return Problem.NotFound(CpvList.Unknown, ("code", parent)).ToHttp();
        return TypedResults.Ok(cpv.Children(node).Select(e => new CpvNodeDto(e.Code, e.LabelIt, e.LabelEn, cpv.Children(e).Count > 0)).ToArray());
    }

    static Ok<ComuneDto[]> SearchComuni([SearchWords] string? q, int? limit) =>
        TypedResults.Ok(ComuneCatalog.Shared.Search(q ?? "", Limit(limit))
            .Select(c => new ComuneDto(c.Code, c.Name, c.ProvinceSigla, c.ProvinceName, c.RegionName)).ToArray());

    static int Limit(int? limit) => Math.Clamp(limit ?? 20, 1, MaxLimit);
}
