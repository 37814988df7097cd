using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Names a page shows beside what it reads, as the grains that own them hold them in memory: a page read by every
/// visit asks no query for them (the read models hold the same names, written in the grains' own transactions).
/// </summary>
internal static class GrainNames
{
    /// <summary>The businesses' names as their grains hold them (a business that does not exist is absent).</summary>
    public static async Task<Dictionary<Guid, string>> BusinessNames(IEnumerable<Guid> ids, IGrainFactory grains) =>
        (await Businesses(ids, grains)).ToDictionary(b => b.Key, b => b.Value.Profile.Name);

    /// <summary>The businesses as their grains hold them, for a page that shows more of each than its name (its logo).</summary>
    public static async Task<Dictionary<Guid, BusinessSnapshot>> Businesses(IEnumerable<Guid> ids, IGrainFactory grains)
    {
        var read = await Task.WhenAll(ids.Distinct().Select(id => grains.GetGrain<IBusinessGrain>(id).Get()));
        return read.OfType<BusinessSnapshot>().ToDictionary(b => b.Id);
    }

    /// <summary>The spaces' names as their grains hold them (a space that does not exist is absent).</summary>
    public static async Task<Dictionary<Guid, string>> SpaceNames(IEnumerable<Guid> ids, IGrainFactory grains)
    {
        var read = await Task.WhenAll(ids.Distinct().Select(id => grains.GetGrain<ISpaceGrain>(id).Get()));
        return read.OfType<SpaceSnapshot>().ToDictionary(s => s.Id, s => s.Settings.Name);
    }
}
