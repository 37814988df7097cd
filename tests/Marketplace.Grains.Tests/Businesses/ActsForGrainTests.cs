using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Businesses;

/// <summary>
/// The remembered "acts for" answer never outlives the membership it came from: a business that is changing a
/// person's role is asked of the database until it settles, and a settled change is answered at once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ActsForGrainTests(ClusterFixture fixture)
{
    readonly Guid user = Guid.NewGuid(), firm = Guid.NewGuid(), other = Guid.NewGuid();

    void Store(Guid business, BusinessRole? role)
    {
        if (role is { } r) fixture.Memberships.Rows[(user, business)] = r;
        else fixture.Memberships.Rows.TryRemove((user, business), out _);
    }

    [Fact]
    public async Task A_settled_change_of_role_is_answered_at_once()
    {
        Store(firm, BusinessRole.Manager);
        Store(other, BusinessRole.Viewer);
        var grain = fixture.Grains.ActsFor(user);
        (await grain.Of(null)).Roles.Should().BeEquivalentTo(new Dictionary<Guid, BusinessRole> { [firm] = BusinessRole.Manager, [other] = BusinessRole.Viewer });

        await grain.Changing(firm);
        Store(firm, null);
        await grain.Settled(firm);

        (await grain.Of([firm])).Reads(firm).Should().BeFalse();
        (await grain.Of(null)).Roles.Should().BeEquivalentTo(new Dictionary<Guid, BusinessRole> { [other] = BusinessRole.Viewer });
    }

    [Fact]
    public async Task While_a_business_changes_a_role_its_answer_comes_from_the_database_even_if_it_never_settles()
    {
        Store(firm, BusinessRole.Owner);
        var grain = fixture.Grains.ActsFor(user);
        (await grain.Of([firm])).Edits(firm).Should().BeTrue();

        await grain.Changing(firm);
        Store(firm, null); // stored, and the business's Settled is lost

        (await grain.Of([firm])).Reads(firm).Should().BeFalse();
        (await grain.Of(null)).Reads(firm).Should().BeFalse();
    }

    [Fact]
    public async Task Businesses_not_changing_are_answered_from_memory()
    {
        Store(firm, BusinessRole.Owner);
        Store(other, BusinessRole.Viewer);
        var grain = fixture.Grains.ActsFor(user);
        await grain.Of(null);
        await grain.Changing(firm);
        var reads = fixture.Memberships.Reads;

        (await grain.Of([other])).Reads(other).Should().BeTrue();
        (await grain.Of([])).Roles.Should().BeEmpty();

        fixture.Memberships.Reads.Should().Be(reads);
    }
}
