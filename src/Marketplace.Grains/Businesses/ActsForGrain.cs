using Orleans.Runtime;

namespace Marketplace.Businesses;

/// <summary>
/// The user's membership rows in memory (<see cref="IActsForGrain"/>). What invalidates an entry: the business grain,
/// which alone writes those rows, announces each change of this user's role before storing it and settles it after.
/// Why a stale entry cannot show a user something they may not see or act on: from <see cref="Changing"/> until
/// <see cref="Settled"/> has re-read the committed row, every answer that involves that business is read from the
/// database; a lost <see cref="Settled"/> leaves it so, correct and only slower, until the grain is collected.
/// The user's inbox read time is kept too: only <see cref="InboxRead"/> changes it, and it stores before it remembers.
/// </summary>
internal sealed class ActsForGrain(IStoredMemberships stored, IInboxReadTimes readTimes) : Grain, IActsForGrain
{
    Guid UserId => this.GetPrimaryKey();

    /// <summary>Every business the user acts for, as last read; replaced whole, never changed in place, as answers share it.</summary>
    ActingFor all = ActingFor.Nobody;

    /// <summary>Businesses that announced a change of this user's role and have not settled it yet.</summary>
    readonly HashSet<Guid> unsettled = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        all = await stored.Of(UserId, null, cancellationToken);

    public async Task<ActingFor> Of(Guid[]? among)
    {
        if (among is { Length: 0 }) return ActingFor.Nobody;
        if (unsettled.Count > 0 && (among is null || among.Any(unsettled.Contains))) return await stored.Of(UserId, among);
        return among is null ? all : all.Among(among);
    }

    /// <summary>
    /// When the user last read their inboxes, loaded on the first ask and shared by the readers running side by side;
    /// set only by <see cref="InboxRead"/>, which runs alone, so no reader holds an older answer after it.
    /// </summary>
    Task<DateTimeOffset?>? inboxReadAt;

    public async Task<InboxReader> ReadsInbox(Guid businessId)
    {
        if (!(await Of([businessId])).Reads(businessId)) return InboxReader.Nobody;
        if (inboxReadAt is null || inboxReadAt.IsFaulted || inboxReadAt.IsCanceled) inboxReadAt = readTimes.Of(UserId);
        return new InboxReader(true, await inboxReadAt);
    }

    public async Task InboxRead(DateTimeOffset at)
    {
        try
        {
            await readTimes.Store(UserId, at);
            inboxReadAt = Task.FromResult<DateTimeOffset?>(at);
        }
        catch
        {
            inboxReadAt = null; // the write may have been stored before it failed: read it again
            throw;
        }
    }

    public Task Changing(Guid businessId)
    {
        unsettled.Add(businessId);
        return Task.CompletedTask;
    }

    public async Task Settled(Guid businessId)
    {
        var now = await stored.Of(UserId, [businessId]);
        var roles = all.Roles.Where(r => r.Key != businessId).Concat(now.Roles).ToDictionary();
        all = new ActingFor(roles);
        unsettled.Remove(businessId);
    }
}

/// <summary>The <see cref="IActsFor"/> port, answered by the user's <see cref="IActsForGrain"/>.</summary>
public sealed class GrainActsFor(IGrainFactory grains) : IActsFor
{
    public Task<ActingFor> Of(Guid userId, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default) =>
        among is { Count: 0 } ? Task.FromResult(ActingFor.Nobody) : grains.ActsFor(userId).Of(among?.ToArray());
}
