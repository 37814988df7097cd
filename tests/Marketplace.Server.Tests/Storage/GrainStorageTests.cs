using Marketplace.Businesses;
using Marketplace.Data.Storage;
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
    public async Task The_e_mail_a_write_owes_is_stored_with_it_and_a_refused_write_stores_none()
    {
        var id = NewBusinessId();
        var original = await Read(id);
        original.State = Business(id, "Invitante S.r.l.");
        await Storage.WriteStateAsync(StateName, id, original);
        var (reader1, reader2) = (await Read(id), await Read(id));
        var (stored, refused) = ($"stored-{Guid.NewGuid():N}@example.it", $"refused-{Guid.NewGuid():N}@example.it");
        static InviteToBusiness Invitation(BusinessState state, string email) => new(state.Members[0].UserId, Guid.NewGuid(), email,
            email.ToUpperInvariant(), BusinessRole.Viewer, new OutgoingMail("business.invitation", email, "Invito", "testo", "<p>testo</p>"));

        reader1.State!.Invite(Invitation(reader1.State, stored), DateTimeOffset.UnixEpoch);
        await Storage.WriteStateAsync(StateName, id, reader1);
        reader2.State!.Invite(Invitation(reader2.State, refused), DateTimeOffset.UnixEpoch);
        var stale = () => Storage.WriteStateAsync(StateName, id, reader2);

        await stale.Should().ThrowAsync<InconsistentStateException>();
        (await host.Query(db => db.OutboxMessages.Where(m => m.To == stored || m.To == refused).Select(m => m.To).ToListAsync()))
            .Should().Equal([stored], "the e-mail exists exactly when its invitation was stored");
        (await Read(id)).State!.Outgoing.Should().BeEmpty("what a write owes is never part of the stored state");
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

    [Fact]
    public async Task Many_states_read_at_once_each_come_back_as_stored_and_those_never_stored_come_back_empty()
    {
        var stored = Enumerable.Range(0, 40).Select(i => (Id: NewBusinessId(), Name: $"Impresa {i:D2} S.r.l.")).ToList();
        foreach (var (id, name) in stored)
        {
            var state = await Read(id);
            state.State = Business(id, name);
            await Storage.WriteStateAsync(StateName, id, state);
        }
        var never = Enumerable.Range(0, 10).Select(_ => NewBusinessId()).ToList();

        // Asked side by side, as a burst of activations asks: they share queries, and each must get its own row.
        var read = await Task.WhenAll(stored.Select(s => Read(s.Id)).Concat(never.Select(Read)));

        read.Take(stored.Count).Select(r => r.State!.Profile.Name).Should().Equal(stored.Select(s => s.Name));
        read.Take(stored.Count).Should().OnlyContain(r => r.RecordExists && r.ETag == "1");
        read.Skip(stored.Count).Should().OnlyContain(r => !r.RecordExists && r.ETag == null && !r.State!.Exists);
    }

    [Fact]
    public async Task A_read_after_a_write_sees_the_write_even_while_other_reads_are_running()
    {
        var id = NewBusinessId();
        var state = await Read(id);
        state.State = Business(id, "Prima versione");
        await Storage.WriteStateAsync(StateName, id, state);
        var others = Enumerable.Range(0, 30).Select(_ => Read(NewBusinessId())).ToList();

        state.State!.Edit(state.State.Profile with { Name = "Seconda versione" }, DateTimeOffset.UnixEpoch);
        await Storage.WriteStateAsync(StateName, id, state);
        var after = await Read(id);
        await Task.WhenAll(others);

        after.State!.Profile.Name.Should().Be("Seconda versione");
        after.ETag.Should().Be(state.ETag);
    }

    [Fact]
    public async Task A_tender_s_first_sealings_side_by_side_make_one_key_that_opens_all_of_them()
    {
        var sealer = host.Services.GetRequiredService<StateSealer>();
        var tenderId = Guid.NewGuid();
        var files = Enumerable.Range(0, 30).Select(i => (Id: Guid.NewGuid(), Bytes: System.Text.Encoding.UTF8.GetBytes($"offerta riservata {i}"))).ToList();

        var sealedFiles = await Task.WhenAll(files.Select(f => sealer.SealBytes(tenderId, f.Id, f.Bytes)));

        (await host.Query(db => db.TenderKeys.CountAsync(k => k.TenderId == tenderId))).Should().Be(1);
        for (var i = 0; i < files.Count; i++)
            (await sealer.UnsealBytes(tenderId, files[i].Id, sealedFiles[i])).Should().Equal(files[i].Bytes);
    }
}
