using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Hubs;

/// <summary>
/// The one hub. Clients ask to watch a topic; each Watch method decides who may join that group.
/// A business's public profile is public, so anyone may watch it; its team is private to its members. Space
/// messages carry no content, only that something changed: each viewer reloads through the API, which decides
/// what that viewer may see, so nobody learns anything through the hub that the API would refuse them. A refused
/// watch fails with the refusal's code as its message.
/// </summary>
public sealed class MarketplaceHub(IGrainFactory grains, MarketplaceDbContext db, Access access, HubConnections connections, WorkspacePresence presence)
    : Hub<IMarketplaceClient>
{
    static readonly Refusal
        SpaceAdminsOnly = new("hub.spaceAdminsOnly", "Only the space's admins can watch its applications."),
        AllianceFirmsOnly = new("hub.allianceFirmsOnly", "Only the alliance's firms can watch it."),
        BusinessMembersOnly = new("hub.businessMembersOnly", "Only the business's members can watch its team.");

    /// <summary>A refused watch: the message is the refusal's code, which the client translates.</summary>
    internal static HubException Refused(Refusal refusal) => new(refusal.Code);

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.UserIdOrNull() is { } user) await connections.Add(user, Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.UserIdOrNull() is { } user) await connections.Remove(user, Context.ConnectionId);
        await presence.LeaveAll(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public async Task WatchBusiness(Guid businessId)
    {
        if (await grains.GetGrain<IBusinessGrain>(businessId).Get() is null)
            throw Refused(BusinessState.NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.Business(businessId));
    }

    public Task UnwatchBusiness(Guid businessId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.Business(businessId));

    /// <summary>
    /// Watches a space: everyone hears of changes to its public facts; only those who may see its directory also
    /// hear when a member's profile or showcase changes, so a members-only space reveals nothing through timing.
    /// </summary>
    public async Task WatchSpace(Guid spaceId)
    {
        if (await grains.GetGrain<ISpaceGrain>(spaceId).Get() is not { } space) throw Refused(SpaceState.NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.Space(spaceId));
        if (await access.SeesDirectory(space, Context.User!, Context.ConnectionAborted))
            await Groups.AddToGroupAsync(Context.ConnectionId, Topics.SpaceMembers(spaceId));
    }

    public async Task UnwatchSpace(Guid spaceId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.Space(spaceId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.SpaceMembers(spaceId));
    }

    [Authorize]
    public async Task WatchSpaceAdmin(Guid spaceId)
    {
        if (!await grains.GetGrain<ISpaceGrain>(spaceId).IsAdmin(Context.User!.UserId()))
            throw Refused(SpaceAdminsOnly);
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.SpaceAdmin(spaceId));
    }

    /// <summary>Anyone who may read a tender may watch it; its messages say only that it changed.</summary>
    public async Task WatchTender(Guid tenderId)
    {
        if (await access.Tender(tenderId, Context.User!) is null) throw Refused(global::Marketplace.Tenders.TenderState.NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.Tender(tenderId));
    }

    /// <summary>
    /// Only the people of an alliance's active firms may watch it. Each connection hears the joint bid's changes with
    /// the part of each firm the user edits for (<see cref="Topics.AllianceEditors"/>), and of no other, or without a
    /// firm's part when they edit for none (<see cref="Topics.AllianceReaders"/>): watching again follows a change of role.
    /// </summary>
    [Authorize]
    public async Task WatchAlliance(Guid allianceId)
    {
        if (await access.Alliance(allianceId, Context.User!, watch: true, Context.ConnectionAborted) is not { } alliance)
            throw Refused(AllianceFirmsOnly);
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.Alliance(allianceId));
        var acting = await access.Firms(Context.User!, Context.ConnectionAborted);
        foreach (var firm in alliance.Active.Select(m => m.FirmId))
        {
            if (acting.Edits(firm)) await Groups.AddToGroupAsync(Context.ConnectionId, Topics.AllianceEditors(allianceId, firm));
            else await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.AllianceEditors(allianceId, firm));
        }
        if (AllianceAccess.ReadsOnly(alliance, acting)) await Groups.AddToGroupAsync(Context.ConnectionId, Topics.AllianceReaders(allianceId));
        else await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.AllianceReaders(allianceId));
        var me = Context.User!.UserId();
        var person = await db.Users.Where(u => u.Id == me).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(Context.ConnectionAborted);
        await presence.Join(allianceId, Context.ConnectionId, me, PersonName.Of(person?.DisplayName, person?.Email));
    }

    public async Task UnwatchAlliance(Guid allianceId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.Alliance(allianceId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.AllianceReaders(allianceId));
        foreach (var firm in (await grains.GetGrain<IAllianceGrain>(allianceId).Get())?.Members ?? [])
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.AllianceEditors(allianceId, firm.FirmId));
        await presence.Leave(allianceId, Context.ConnectionId);
    }

    public Task UnwatchTender(Guid tenderId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.Tender(tenderId));

    [Authorize]
    public async Task WatchBusinessTeam(Guid businessId)
    {
        if (!await access.IsOneOf(Context.User!, businessId, Context.ConnectionAborted)) throw Refused(BusinessMembersOnly);
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.BusinessTeam(businessId));
    }
}
