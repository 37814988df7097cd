using Marketplace.ReadCaches;

namespace Marketplace.Grains.Tests.ReadCaches;

[Collection(ClusterCollection.Name)]
public sealed class ReadCacheGrainTests(ClusterFixture fixture)
{
    IReadCacheGrain Topic() => fixture.Grains.GetGrain<IReadCacheGrain>($"test/{Guid.NewGuid()}");

    [Fact]
    public async Task An_answer_offered_with_the_current_generation_is_kept_until_the_topic_is_invalidated()
    {
        var cache = Topic();
        var miss = await cache.Get("list");
        miss.Value.Should().BeNull();

        await cache.Put("list", miss.Generation, [1, 2, 3]);
        (await cache.Get("list")).Value.Should().Equal(1, 2, 3);
        (await cache.Get("other")).Value.Should().BeNull();

        await cache.Invalidate();
        (await cache.Get("list")).Value.Should().BeNull();
    }

    [Fact]
    public async Task An_answer_computed_before_a_change_is_not_kept_when_offered_after_it()
    {
        var cache = Topic();
        var before = await cache.Get("list");

        await cache.Invalidate(); // the change is stored while the reader computes from what it read before
        await cache.Put("list", before.Generation, [9]);

        var after = await cache.Get("list");
        after.Value.Should().BeNull();
        after.Generation.Should().NotBe(before.Generation);
        await cache.Put("list", after.Generation, [4]);
        (await cache.Get("list")).Value.Should().Equal(4);
    }

    [Fact]
    public async Task A_topic_keeps_a_bounded_number_of_parts()
    {
        var cache = Topic();
        var generation = (await cache.Get("0")).Generation;
        for (var i = 0; i < ReadCacheGrain.MaxParts + 5; i++) await cache.Put($"{i}", generation, [1]);

        (await cache.Get("0")).Value.Should().NotBeNull();
        (await cache.Get($"{ReadCacheGrain.MaxParts - 1}")).Value.Should().NotBeNull();
        (await cache.Get($"{ReadCacheGrain.MaxParts}")).Value.Should().BeNull();
    }
}
