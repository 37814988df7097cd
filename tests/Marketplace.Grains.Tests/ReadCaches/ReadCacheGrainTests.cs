using Marketplace.ReadCaches;
using Marketplace.Tenders;
using Orleans.Concurrency;

namespace Marketplace.Grains.Tests.ReadCaches;

[Collection(ClusterCollection.Name)]
public sealed class ReadCacheGrainTests(ClusterFixture fixture)
{
    IReadCacheGrain Topic() => fixture.Grains.GetGrain<IReadCacheGrain>($"test/{Guid.NewGuid()}");

    [Fact]
    public async Task An_answer_offered_with_the_current_generation_is_kept_until_the_topic_is_invalidated()
    {
        var cache = Topic();
        var miss = await cache.Get<byte[]>("list");
        miss.Value.Should().BeNull();

        await cache.Put("list", miss.Generation, new Immutable<byte[]>([1, 2, 3]));
        (await cache.Get<byte[]>("list")).Value.Should().Equal(1, 2, 3);
        (await cache.Get<byte[]>("other")).Value.Should().BeNull();

        await cache.Invalidate();
        (await cache.Get<byte[]>("list")).Value.Should().BeNull();
    }

    [Fact]
    public async Task An_answer_computed_before_a_change_is_not_kept_when_offered_after_it()
    {
        var cache = Topic();
        var before = await cache.Get<byte[]>("list");

        await cache.Invalidate(); // the change is stored while the reader computes from what it read before
        await cache.Put("list", before.Generation, new Immutable<byte[]>([9]));

        var after = await cache.Get<byte[]>("list");
        after.Value.Should().BeNull();
        after.Generation.Should().NotBe(before.Generation);
        await cache.Put("list", after.Generation, new Immutable<byte[]>([4]));
        (await cache.Get<byte[]>("list")).Value.Should().Equal(4);
    }

    [Fact]
    public async Task A_topic_keeps_a_bounded_number_of_parts()
    {
        var cache = Topic();
        var generation = (await cache.Get<byte[]>("0")).Generation;
        for (var i = 0; i < ReadCacheGrain.MaxParts + 5; i++) await cache.Put($"{i}", generation, new Immutable<byte[]>([1]));

        (await cache.Get<byte[]>("0")).Value.Should().NotBeNull();
        (await cache.Get<byte[]>($"{ReadCacheGrain.MaxParts - 1}")).Value.Should().NotBeNull();
        (await cache.Get<byte[]>($"{ReadCacheGrain.MaxParts}")).Value.Should().BeNull();
    }

    [Fact]
    public async Task A_typed_answer_comes_back_as_it_was_offered()
    {
        var cache = Topic();
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        InboxNotice[] notices = [new(Guid.NewGuid(), "Riqualificazione scuola", at, TenderStatus.Enquiries, at.AddDays(7),
            [new InboxLot(2, "Impianti elettrici", new Money(200_000m, "EUR"), "037006", "BO")])];
        await cache.Put("notices", (await cache.Get<InboxNotice[]>("notices")).Generation, new Immutable<InboxNotice[]>(notices));

        (await cache.Get<InboxNotice[]>("notices")).Value.Should().BeEquivalentTo(notices, o => o.WithStrictOrdering());
    }
}
