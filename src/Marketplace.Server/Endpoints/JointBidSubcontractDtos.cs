using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The subcontracting declarations as a whole, from the version the editor read (<c>subcontractsVersion</c> of the
/// joint bid).
/// </summary>
public sealed record SaveSubcontractsRequest(int Version, SubcontractRequest[]? Subcontracts);

/// <summary>
/// One subcontracted part of a lot: the work (<see cref="PackageId"/> or <see cref="Category"/>, one of them), its share
/// of the lot's amount in percent, and the subcontractor when known: a firm of the alliance in the Subcontractor role
/// (<see cref="FirmId"/>) or a firm named in words (<see cref="Name"/>); neither means "to be named".
/// </summary>
public sealed record SubcontractRequest(int Lot, Guid? PackageId, string? Category, decimal? Percent, Guid? FirmId, string? Name);

/// <summary>
/// A declared subcontracted part as its readers see it: the work (a work package by id and title, or a category with
/// its Italian and English names), the share of the lot in percent, and the subcontractor (a firm, a name, or neither:
/// to be named).
/// </summary>
public sealed record SubcontractDto(int Lot, Guid? PackageId, string? PackageTitle, string? Category, string? CategoryIt, string? CategoryEn,
    decimal Percent, NamedDto? Firm, string? Name)
{
    internal static SubcontractDto From(BidSubcontract d, string? packageTitle, Func<Guid, NamedDto> firm)
    {
        var category = SoaCategories.Find(d.Category);
        return new(d.Lot, d.PackageId, packageTitle ?? d.PackageTitle, d.Category, category?.LabelIt, category?.LabelEn, d.Percent,
            d.FirmId is { } id ? firm(id) : null, d.Name);
    }
}

internal static class JointBidSubcontractRequests
{
    /// <summary>A share left empty is named like any wrong field; the rules are the grain's (<see cref="SubcontractRules"/>).</summary>
    internal static Outcome<BidSubcontract[]> Read(SaveSubcontractsRequest body)
    {
        var rows = body.Subcontracts ?? [];
        var missing = new Dictionary<string, FieldProblem[]>();
        for (var i = 0; i < rows.Length; i++)
            if (rows[i].Percent is null) missing[$"subcontracts[{i}].percent"] = [FieldProblem.Of(SubcontractRules.Percent)];
        if (missing.Count > 0) return Problem.Invalid(missing);
        return rows.Select(r => new BidSubcontract(r.Lot, r.PackageId, null, r.Category.Clean(), r.Percent!.Value, r.FirmId, r.Name.Clean())).ToArray();
    }
}
