namespace Marketplace.Tenders;

/// <summary>
/// A part of one lot of a joint bid that the grouping declares it will subcontract (subappalto, D.Lgs. 36/2023 art.
/// 119), as a share of the lot's amount (percent, two decimals). The work is either one of the bid's work packages
/// (<paramref name="PackageId"/>; sealed with its <paramref name="PackageTitle"/>, since a sealed bid carries no
/// packages) or one of the lot's works categories (<paramref name="Category"/>, e.g. OS30). The subcontractor, when
/// known, is a firm of the alliance in the Subcontractor role (<paramref name="FirmId"/>) or a firm named in free text
/// (<paramref name="Name"/>); neither means "to be named". The rules are in <c>SubcontractRules</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BidSubcontract")]
public sealed record BidSubcontract(int Lot, Guid? PackageId, string? PackageTitle, string? Category, decimal Percent, Guid? FirmId, string? Name);
