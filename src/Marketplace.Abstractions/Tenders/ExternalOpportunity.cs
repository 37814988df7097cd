using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Tenders;

/// <summary>
/// Where an external opportunity comes from: a tender published on the buyer's own platform and described as open
/// data (an OCDS ocid), imported by a space's admins. Its bids are submitted there, never here.
/// </summary>
/// <param name="Ocid">The contracting process's OCDS identifier, as its publisher wrote it.</param>
/// <param name="BuyerName">The buyer as the publisher names it (it is no business of this platform).</param>
/// <param name="Url">The notice on the buyer's platform, when the package links it (http or https only).</param>
/// <param name="Publisher">Who published the package (its <c>publisher.name</c>).</param>
/// <param name="Lots">The publisher's lot ids and the numbers they have here, every lot ever imported, so a lot keeps its number.</param>
/// <param name="ImportedBy">The space admin whose import last changed it.</param>
[GenerateSerializer, Immutable, Alias("Marketplace.ExternalSource")]
public sealed record ExternalSource(string Ocid, string BuyerName, string? Url, string? Publisher, ExternalLot[] Lots, Guid ImportedBy);

/// <summary>A lot of an external opportunity: the publisher's id for it and its number here.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ExternalLot")]
public sealed record ExternalLot(string Id, int Number);

/// <summary>
/// An import of one compiled ocid into a space (<see cref="ITenderGrain.Import"/>): the opportunity's details (its
/// lots without numbers, <paramref name="LotIds"/> naming each in order) and where it comes from; <paramref name="Release"/>
/// is the id of the publisher's latest release of it, which an amendment names.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ImportOpportunity")]
public sealed record ImportOpportunity(Guid ActorId, Guid SpaceId, string Ocid, string BuyerName, string? Url, string? Publisher,
    TenderDetails Details, string[] LotIds, string Release);

/// <summary>What an import did to one opportunity.</summary>
[GenerateSerializer, Alias("Marketplace.ImportEffect")]
public enum ImportEffect
{
    Created,
    Updated,
    /// <summary>The package said what the opportunity already says: nothing was written, nobody is told.</summary>
    Unchanged,
}

[GenerateSerializer, Immutable, Alias("Marketplace.ImportedOpportunity")]
public sealed record ImportedOpportunity(TenderSnapshot Tender, ImportEffect Effect);

public static class ExternalOpportunities
{
    /// <summary>
    /// The tender id of an ocid in a space: the same ocid imported again reaches the same tender (never a duplicate),
    /// and the same ocid imported into two spaces is two opportunities, each its space's. A name-based id (RFC 9562
    /// version 8 layout over SHA-256), so no table of ids is needed to find it.
    /// </summary>
    public static Guid TenderId(Guid spaceId, string ocid)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"external-opportunity\n{spaceId:N}\n{ocid}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
