using Marketplace.Businesses;
using Marketplace.Reference;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>Keeps the directory, capability, qualification, membership, invitation, block and logo rows of a business equal to its grain state.</summary>
public sealed class BusinessProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(BusinessState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        var id = grainId.GetGuidKey();
        await db.Directory.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BusinessCapabilities.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BusinessAttestations.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BusinessFigures.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BusinessDgues.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BusinessMembers.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.BusinessInvitations.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
        await db.FirmBlocks.Where(x => x.BlockerId == id).ExecuteDeleteAsync(cancellationToken);
        if (state is not BusinessState { Exists: true } business)
        {
            await db.BusinessLogos.Where(x => x.BusinessId == id).ExecuteDeleteAsync(cancellationToken);
            return;
        }
        await ProjectLogo(db, id, business, cancellationToken);

        var entry = Entry(id, business);
        db.Directory.Add(entry);
        // A profile edit can confirm or void the associations' verified marks on this firm.
        foreach (var membership in await db.SpaceMembers.Where(m => m.BusinessId == id && m.VouchedVatNumber != null).ToListAsync(cancellationToken))
            membership.RefreshVerified(entry.VatNumber, entry.Size);
        db.BusinessCapabilities.AddRange(Capabilities(id, business));
        db.AddRange(Qualifications(id, business));
        db.BusinessMembers.AddRange(business.Members.Select(m => new BusinessMemberEntry { BusinessId = id, UserId = m.UserId, Role = m.Role }));
        db.FirmBlocks.AddRange(business.Blocked.Select(b => new FirmBlockEntry { BlockerId = id, BlockedId = b.FirmId }));
        db.BusinessInvitations.AddRange(business.Invitations.Select(i => new BusinessInvitationEntry
        {
            InvitationId = i.Id, BusinessId = id, NormalizedEmail = i.NormalizedEmail, Role = i.Role, InvitedAt = i.At,
        }));
    }

    /// <summary>One logo row per business: replaced when the state brings new bytes, removed with the logo, else untouched.</summary>
    static async Task ProjectLogo(MarketplaceDbContext db, Guid id, BusinessState business, CancellationToken ct)
    {
        if (business.Logo is not null && business.LogoContent is null) return;
        await db.BusinessLogos.Where(x => x.BusinessId == id).ExecuteDeleteAsync(ct);
        if (business is { Logo: { } logo, LogoContent: { } content })
            db.BusinessLogos.Add(new BusinessLogoEntry { BusinessId = id, Tag = logo.Tag, ContentType = logo.ContentType, Content = content });
    }

    /// <summary>The directory row of a business (also used by the benchmark to load generated firms in bulk).</summary>
    public static DirectoryEntry Entry(Guid id, BusinessState business)
    {
        var profile = business.Profile.ForKind(business.Kind);
        var comune = profile.ComuneCode is { } code ? ComuneCatalog.Shared.Find(code) : null;
        var labels = profile.Capabilities.Select(c => CpvCatalog.Shared.Find(c)).OfType<CpvEntry>()
            .Select(c => $"{c.LabelIt} {c.LabelEn}");
        return new DirectoryEntry
        {
            BusinessId = id,
            Kind = business.Kind,
            Name = profile.Name,
            NameFolded = TextSearch.Fold(profile.Name),
            SearchText = TextSearch.Fold(string.Join(' ', [profile.Name, profile.Description ?? "", .. profile.Tags, .. labels])),
            VatNumber = profile.VatNumber,
            ComuneCode = comune?.Code,
            ProvinceSigla = comune?.ProvinceSigla,
            RegionName = comune?.RegionName,
            Size = profile.Size,
            LogoTag = business.Logo?.Tag,
            Latitude = comune?.Latitude,
            Longitude = comune?.Longitude,
            CapabilityCount = profile.Capabilities.Length,
            UpdatedAt = business.UpdatedAt,
        };
    }

    /// <summary>A firm's qualification rows: one per attestation, one for its figures and one for its DGUE when it records them (also written by <see cref="QualificationBackfill"/>).</summary>
    public static IEnumerable<object> Qualifications(Guid id, BusinessState business)
    {
        foreach (var a in business.Qualifications.Attestations)
            yield return new BusinessAttestationEntry { BusinessId = id, Category = a.Category, Class = a.Class, Expires = a.Expires, IssuedBy = a.IssuedBy };
        if (business.Qualifications.Figures is { } figures)
            yield return new BusinessFiguresEntry { BusinessId = id, LastYear = figures.LastYear, Turnover = figures.Turnover, SimilarWork = figures.SimilarWork };
        if (business.Dgue is { } dgue)
            yield return new BusinessDgueEntry { BusinessId = id, ConfirmedAt = dgue.ConfirmedAt };
    }

    public static IEnumerable<BusinessCapabilityEntry> Capabilities(Guid id, BusinessState business) =>
        business.Profile.Capabilities.Select(c => new BusinessCapabilityEntry { BusinessId = id, CpvDigits = c[..8] });
}
