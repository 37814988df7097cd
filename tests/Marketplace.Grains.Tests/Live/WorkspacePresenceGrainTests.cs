using Marketplace.Live;

namespace Marketplace.Grains.Tests.Live;

[Collection(ClusterCollection.Name)]
public sealed class WorkspacePresenceGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Presence_shows_the_viewers_of_every_node_once_each_and_forgets_those_of_a_node_that_died()
    {
        var workspace = fixture.Grains.WorkspacePresence(Guid.NewGuid());
        Guid nodeA = Guid.NewGuid(), nodeB = Guid.NewGuid();
        Viewer anna = new(Guid.NewGuid(), "anna@example.it"), bruno = new(Guid.NewGuid(), "bruno@example.it");
        await workspace.Join("a-1", nodeA, anna);
        await workspace.Join("b-1", nodeB, bruno);

        (await workspace.Join("b-2", nodeB, anna)).Should().Equal([anna, bruno], "Anna has tabs on both nodes: she is listed once");

        // Node A dies: only node B renews, three times, and A's lease lapses.
        for (var i = 0; i < 3; i++)
        {
            fixture.LeaseTime.Advance(LiveLeases.RenewalPeriod + TimeSpan.FromMilliseconds(400));
            (await workspace.Renew(nodeB, [new("b-1", bruno), new("b-2", anna)])).Should().BeEmpty();
        }
        await workspace.Leave("b-2");

        (await workspace.Viewers()).Should().Equal([bruno], "Anna's tab on node A went with it");
    }

    [Fact]
    public async Task A_viewer_made_to_leave_by_another_node_is_not_brought_back_by_its_own_node_s_renewal()
    {
        var workspace = fixture.Grains.WorkspacePresence(Guid.NewGuid());
        var node = Guid.NewGuid();
        Viewer anna = new(Guid.NewGuid(), "anna@example.it"), bruno = new(Guid.NewGuid(), "bruno@example.it");
        await workspace.Join("a-1", node, anna);
        await workspace.Join("b-1", node, bruno);

        (await workspace.Leave("a-1")).Should().Equal([bruno]);
        (await workspace.Leave("a-1")).Should().BeNull("nothing changed: nobody is told");

        (await workspace.Renew(node, [new("a-1", anna), new("b-1", bruno)])).Should().Equal(["a-1"]);
        (await workspace.Viewers()).Should().Equal([bruno]);
    }
}
