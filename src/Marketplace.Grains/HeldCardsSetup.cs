using Marketplace.Businesses;
using Marketplace.JointBids;
using Marketplace.Spaces;
using Marketplace.ReadCaches;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace;

// In no feature's namespace: it names the cards of several, which a feature's own namespace may not.

public static class HeldCardsSetup
{
    /// <summary>The cards each silo holds for pages (<see cref="HeldCards{TKey, TCard}"/>): one of each per silo, as the grains forget them there.</summary>
    public static IServiceCollection AddHeldCards(this IServiceCollection services) => services
        .AddSingleton<BusinessCards>()
        .AddSingleton<SpaceCards>()
        .AddSingleton<BuyerStandings>()
        .AddSingleton<MembershipCards>()
        .AddSingleton<DgueDigests>();
}
