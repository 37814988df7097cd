using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Businesses;

/// <summary>What the "acts for" port answers in rule tests, which have business snapshots rather than membership rows.</summary>
internal static class Acting
{
    /// <summary>What the "acts for" query answers about <paramref name="user"/> among <paramref name="businesses"/>: their roles there.</summary>
    public static ActingFor As(Guid user, params BusinessSnapshot[] businesses) =>
        new(businesses.Where(b => b.RoleOf(user) is not null).ToDictionary(b => b.Id, b => b.RoleOf(user)!.Value));
}
