using System.Globalization;
using System.Text.Json;
using Marketplace.Alliances;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The joint bid's subcontracting declarations as its state keeps them: saved as a whole from the version read,
/// signed with the rest of the content, sealed with the bid. The rules themselves are <see cref="SubcontractRules"/>.
/// </summary>
public static class JointBidSubcontracting
{
    /// <summary>The alliance's active firms in the Subcontractor role: the firms a declaration may name.</summary>
    public static Guid[] Subcontractors(AllianceSnapshot alliance) =>
        [.. alliance.Active.Where(m => m.Role == AllianceRole.Subcontractor).Select(m => m.FirmId)];

    /// <summary>
    /// A save by whoever edits the bid (checked first by the grain): from the version read, and right by
    /// <see cref="SubcontractRules.Check"/>, or nothing is stored.
    /// </summary>
    public static Problem? CheckSubcontracts(this JointBidState bid, SaveJointSubcontracts command, AllianceSnapshot alliance, TenderSnapshot tender) =>
        command.ExpectedVersion != bid.SubcontractsVersion ? Problem.Conflict(SubcontractRules.Changed, ("version", bid.SubcontractsVersion))
        : SubcontractRules.Check(command.Subcontracts, tender.Details.Lots, bid.WorkPackages, Subcontractors(alliance)) is { } errors
            ? Problem.Invalid(errors)
        : null;

    /// <summary>
    /// Stores the declarations by lot (each category by its code) and voids the sign-offs like any change of content.
    /// The history, part of the tender's audit chain, records the declarations' digest and not what they say.
    /// </summary>
    public static void SaveSubcontracts(this JointBidState bid, SaveJointSubcontracts command, DateTimeOffset now)
    {
        bid.Subcontracts = [.. command.Subcontracts.OrderBy(d => d.Lot)
            .Select(d => d with { PackageTitle = null, Category = d.Category is null ? null : SoaCategories.Find(d.Category)?.Code ?? d.Category })];
        bid.SubcontractsVersion++;
        var digest = AuditChain.Sha256Hex(JsonSerializer.Serialize(bid.Subcontracts.Select(Canonical)));
        bid.Edited("SubcontractsSaved", $"subcontracts={bid.SubcontractsVersion.ToString(CultureInfo.InvariantCulture)};digest={digest}", now);
    }

    /// <summary>
    /// The content firms sign with the declarations added; a bid without any keeps the very content (and digest) it
    /// had before declarations existed, so no firm's sign-off of such a bid is voided by this version of the product.
    /// </summary>
    public static string Signed(string content, List<BidSubcontract> subcontracts, JsonSerializerOptions options)
    {
        if (subcontracts.Count == 0) return content;
        var json = JsonSerializer.Serialize(subcontracts.Select(Canonical), options);
        // The content is a JSON object: the declarations go in as its last member.
        return $"{content[..^1]},\"subcontracts\":{json}}}";
    }

    /// <summary>The declarations as sealed: each work package named by its title as the firms signed it (the sealed bid has no packages).</summary>
    public static BidSubcontract[]? Sealed(List<BidSubcontract> subcontracts, List<WorkPackage> packages) =>
        subcontracts.Count == 0 ? null
        : [.. subcontracts.Select(d => d with { PackageTitle = d.PackageId is { } id ? packages.FirstOrDefault(p => p.Id == id)?.Title : null })];

    static object Canonical(BidSubcontract d) => new { d.Lot, d.PackageId, d.Category, d.Percent, d.FirmId, d.Name };
}
