using System.Collections.Concurrent;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Remembers each grain interface's Orleans name once it is worked out. Orleans 10 works it out again on every
/// <c>GetGrain</c>, reading the interface's attributes by reflection each time: a trace of the page reads (issue #11)
/// showed that costing nine tenths of getting a grain reference and nearly as much as the grain call that follows it,
/// on every call of every request. The answer for a type never changes while the process runs, so it is asked of
/// Orleans' own providers (and naming convention) once and kept. Registered ahead of them, it is asked first.
/// </summary>
internal sealed class GrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    readonly ConcurrentDictionary<Type, GrainInterfaceType> known = new();

    // Made on first use: Orleans' providers are resolved with this one among them, so not while it is being made.
    GrainInterfaceTypeResolver? orleans;

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (!type.IsInterface) { grainInterfaceType = default; return false; }
        grainInterfaceType = known.GetOrAdd(type, t => (orleans ??= new GrainInterfaceTypeResolver(
            services.GetServices<IGrainInterfaceTypeProvider>().Where(p => p != this),
            services.GetRequiredService<TypeConverter>())).GetGrainInterfaceType(t));
        return true;
    }

    /// <summary>Adds it ahead of the providers Orleans registers, wherever they are in the list.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypes>());
}
