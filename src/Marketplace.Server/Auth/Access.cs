using System.Security.Claims;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Auth;

/// <summary>
/// What the viewer (a signed-in user, or a visitor) may see: the one place endpoints and the hub ask before they show
/// a tender, an alliance, a business's contacts, a space's directory or a firm's own lists. Each answer applies the
/// domain's rule (<see cref="TenderVisibility"/>, <see cref="AllianceAccess"/>, <see cref="SpaceAccess"/>) to who the
/// viewer is, found through the one "acts for" query (<see cref="IActsFor"/>). Commands are guarded by the grains.
/// </summary>
public sealed class Access(IGrainFactory grains, IActsFor actsFor, IServiceProvider services)
{
    /// <summary>The read models, rented only by the one check that queries them: the others ask grains alone.</summary>
    MarketplaceDbContext Db => services.GetRequiredService<MarketplaceDbContext>();

    /// <summary>The businesses the viewer acts for, in any role (none for a visitor).</summary>
    public async Task<ActingFor> Firms(ClaimsPrincipal user, CancellationToken ct) =>
        user.UserIdOrNull() is { } me ? await actsFor.Of(me, ct: ct) : ActingFor.Nobody;

    /// <summary>True when the viewer is one of the business's people, in any role: they see its own lists (inbox, bids, alliances).</summary>
    public async Task<bool> IsOneOf(ClaimsPrincipal user, Guid businessId, CancellationToken ct) =>
        user.UserIdOrNull() is { } me && (await actsFor.Of(me, [businessId], ct)).Reads(businessId);

    /// <summary>
    /// Whether the viewer is one of the business's people (as <see cref="IsOneOf"/>: they read its inbox) and when they
    /// last read their inboxes, in one call to their "acts for" grain (<see cref="IActsForGrain.ReadsInbox"/>).
    /// </summary>
    public Task<InboxReader> InboxReader(ClaimsPrincipal user, Guid businessId) =>
        user.UserIdOrNull() is { } me ? grains.ActsFor(me).ReadsInbox(businessId) : Task.FromResult(Businesses.InboxReader.Nobody);

    /// <summary>True when the viewer acts for the business as its Owner or Manager (<see cref="BusinessRoles.CanEdit"/>).</summary>
    public async Task<bool> Edits(ClaimsPrincipal user, Guid businessId, CancellationToken ct) =>
        user.UserIdOrNull() is { } me && (await actsFor.Of(me, [businessId], ct)).Edits(businessId);

    /// <summary>
    /// True when the viewer acts for the tender's buyer: its Owners and Managers, or an admin of every space of the
    /// tender holding the buyer's mandate (the tender grain decides, <see cref="ITenderGrain.IsBuyer"/>).
    /// </summary>
    public async Task<bool> ActsForBuyer(Guid tenderId, ClaimsPrincipal user) =>
        user.UserIdOrNull() is { } me && await grains.Tender(tenderId).IsBuyer(me);

    /// <summary>The tender, when the viewer may see it (<see cref="TenderVisibility.Sees"/>); null as if it did not exist.</summary>
    public async Task<TenderSnapshot?> Tender(Guid id, ClaimsPrincipal user)
    {
        if (await grains.Tender(id).Current() is not { } tender) return null;
        // Only a draft's visibility depends on acting for the buyer, so only then is the tender asked.
        var actsForBuyer = tender.Status == TenderStatus.Draft && await ActsForBuyer(id, user);
        return TenderVisibility.Sees(tender.Status, tender.CreatedBy, user.UserIdOrNull(), actsForBuyer) ? tender : null;
    }

    /// <summary>
    /// The alliance, when the viewer may read it (<see cref="AllianceAccess.CanRead"/>), or with <paramref name="watch"/>
    /// watch its workspace (<see cref="AllianceAccess.CanWatch"/>); null as if it did not exist.
    /// </summary>
    public async Task<AllianceSnapshot?> Alliance(Guid id, ClaimsPrincipal user, bool watch, CancellationToken ct)
    {
        if (await grains.GetGrain<IAllianceGrain>(id).Get() is not { } alliance) return null;
        var firms = (await Firms(user, ct)).Businesses;
        return (watch ? AllianceAccess.CanWatch(alliance, firms) : AllianceAccess.CanRead(alliance, firms)) ? alliance : null;
    }

    /// <summary>
    /// Who reads a business's VAT number, contact e-mail and phone: its own people, the people of firms that are members
    /// of a space it is a member of, and the admins of the spaces it is a member of or applied to. Everyone else (and
    /// visitors) sees its name, place, size and capabilities only, so the directory cannot be harvested.
    /// </summary>
    /// <param name="everyBusiness">Whom the viewer acts for in every business of theirs, when the caller has just asked it.</param>
    public async Task<bool> SeesContacts(ClaimsPrincipal user, BusinessSnapshot business, CancellationToken ct, ActingFor? everyBusiness = null)
    {
        if (user.UserIdOrNull() is not { } me) return false;
        var acting = everyBusiness ?? await actsFor.Of(me, ct: ct);
        if (acting.Reads(business.Id)) return true;
        var mine = acting.Businesses.ToList();
        var itsSpaces = Db.SpaceMembers.Where(m => m.BusinessId == business.Id && m.Status == MembershipStatus.Member).Select(m => m.SpaceId);
        if (mine.Count > 0 && await Db.SpaceMembers.AnyAsync(m => itsSpaces.Contains(m.SpaceId) && m.Status == MembershipStatus.Member && mine.Contains(m.BusinessId), ct))
            return true;
        var administered = await Db.SpaceMembers.AsNoTracking()
            .Where(m => m.BusinessId == business.Id && (m.Status == MembershipStatus.Member || m.Status == MembershipStatus.Applied))
            .Select(m => m.SpaceId).ToListAsync(ct);
        foreach (var spaceId in administered)
            if (await grains.GetGrain<ISpaceGrain>(spaceId).IsAdmin(me)) return true;
        return false;
    }

    /// <summary>
    /// Whether the viewer sees a space's directory of firms (<see cref="SpaceAccess.CanSeeDirectory"/>), from the grains
    /// that hold the answer in memory (the space's admins, the user's "acts for", each of their firms' standing), not
    /// from a query per visit.
    /// </summary>
    public async Task<bool> SeesDirectory(SpaceSnapshot space, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserIdOrNull() is not { } me) return SpaceAccess.CanSeeDirectory(space, false, false);
        return await SeesDirectory(space, await grains.GetGrain<ISpaceGrain>(space.Id).IsAdmin(me), await actsFor.Of(me, ct: ct));
    }

    /// <summary>
    /// Whether the viewer sees the space's directory (null when there is no space), as <see cref="SeesDirectory(SpaceSnapshot, ClaimsPrincipal, CancellationToken)"/>
    /// judges it, for a member's every page of the directory: whom the viewer acts for is asked once, and the space
    /// judges from it whether they administer it in the read that returns the space (<see cref="ISpaceGrain.SeenBy"/>).
    /// </summary>
    public async Task<bool?> SeesDirectory(Guid spaceId, ClaimsPrincipal user, CancellationToken ct)
    {
        var space = grains.GetGrain<ISpaceGrain>(spaceId);
        if (user.UserIdOrNull() is not { } me)
            return await space.Get() is { } open ? SpaceAccess.CanSeeDirectory(open, false, false) : null;
        var acting = await actsFor.Of(me, ct: ct);
        return await space.SeenBy(me, acting) is { } seen ? await SeesDirectory(seen.Space, seen.Viewer.IsAdmin, acting) : null;
    }

    async Task<bool> SeesDirectory(SpaceSnapshot space, bool isAdmin, ActingFor acting)
    {
        // The firms' standings are asked only when they can change the answer.
        var hasMemberFirm = !SpaceAccess.CanSeeDirectory(space, isAdmin, false) && (await MemberFirms(space.Id, acting.Businesses)).Count > 0;
        return SpaceAccess.CanSeeDirectory(space, isAdmin, hasMemberFirm);
    }

    /// <summary>
    /// Of <paramref name="firms"/> (the viewer's, or those they edit for), the current members of the space, from each
    /// firm's membership grain: what the board, proposals and directory ask before a firm may read or act in a space.
    /// </summary>
    public async Task<List<Guid>> MemberFirms(Guid spaceId, IEnumerable<Guid> firms)
    {
        var candidates = firms.ToList();
        var standings = await Task.WhenAll(candidates.Select(f => grains.Membership(spaceId, f).Get()));
        return [.. candidates.Where((_, i) => standings[i]?.Standing.Status == MembershipStatus.Member)];
    }
}
