using Marketplace.Businesses;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace Marketplace.Server.Tests.Storage;

public sealed class GrainStorageTestsOnSqlite(SqliteHost fixture) : GrainStorageTests<SqliteHost>(fixture);

public sealed class GrainStorageTestsOnPostgres(PostgresHost fixture) : GrainStorageTests<PostgresHost>(fixture);

/// <summary>The EF grain storage itself: optimistic concurrency and read models written with the state.</summary>
public abstract class GrainStorageTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    const string StateName = "business";
    readonly MarketplaceHost host = fixture.Host;

    IGrainStorage Storage => host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    static GrainId NewBusinessId() => GrainId.Create(GrainType.Create("business"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));

    static BusinessState Business(GrainId id, string name)
    {
        var state = new BusinessState();
        var create = new CreateBusiness(Guid.NewGuid(), BusinessKind.Firm, name);
        state.Create(id.GetGuidKey(), create, state.CheckCreate(create).Value!, DateTimeOffset.UnixEpoch);
        return state;
    }

    async Task<GrainState<BusinessState>> Read(GrainId id)
    {
        var state = new GrainState<BusinessState>();
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    Task<string?> DirectoryName(GrainId id) =>
        host.Query(db => db.Directory.Where(d => d.BusinessId == id.GetGuidKey()).Select(d => d.Name).SingleOrDefaultAsync());

    [Fact]
    public async Task Of_two_first_writes_the_second_is_rejected_and_leaves_no_trace()
    {
        var id = NewBusinessId();
        var first = await Read(id);
        var second = await Read(id);
        first.State = Business(id, "Prima S.r.l.");
        second.State = Business(id, "Seconda S.r.l.");

        await Storage.WriteStateAsync(StateName, id, first);
        var late = () => Storage.WriteStateAsync(StateName, id, second);

        await late.Should().ThrowAsync<InconsistentStateException>();
        second.State!.Exists.Should().BeFalse("the refused business is not kept in memory either");
        (await Read(id)).State!.Profile.Name.Should().Be("Prima S.r.l.");
        (await DirectoryName(id)).Should().Be("Prima S.r.l.");
    }

    [Fact]
    public async Task A_write_from_a_stale_version_is_rejected_and_leaves_no_trace_in_the_database_or_in_memory()
    {
        var id = NewBusinessId();
        var original = await Read(id);
        original.State = Business(id, "Originale");
        await Storage.WriteStateAsync(StateName, id, original);
        var reader1 = await Read(id);
        var reader2 = await Read(id);

        reader1.State!.Edit(reader1.State.Profile with { Name = "Vince" }, DateTimeOffset.UnixEpoch);
        await Storage.WriteStateAsync(StateName, id, reader1);
        reader2.State!.Edit(reader2.State.Profile with { Name = "Perde" }, DateTimeOffset.UnixEpoch);
        var stale = () => Storage.WriteStateAsync(StateName, id, reader2);

        await stale.Should().ThrowAsync<InconsistentStateException>();
        reader2.State!.Profile.Name.Should().Be("Originale", "the refused change is not kept in memory, to be stored by a later write");
        (await Read(id)).State!.Profile.Name.Should().Be("Vince");
        (await DirectoryName(id)).Should().Be("Vince");
        reader1.ETag.Should().NotBe(original.ETag);
    }

    [Fact]
    public async Task Clearing_a_state_removes_its_read_model_rows()
    {
        var id = NewBusinessId();
        var state = await Read(id);
        state.State = Business(id, "Da cancellare");
        await Storage.WriteStateAsync(StateName, id, state);

        await Storage.ClearStateAsync(StateName, id, state);

        (await Read(id)).RecordExists.Should().BeFalse();
        (await DirectoryName(id)).Should().BeNull();
    }
}
