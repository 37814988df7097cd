using Marketplace.Live;

namespace Marketplace.Grains.Tests.Live;

/// <summary>Entries kept under their nodes' leases: a dead node's entries lapse, and a renewal never undoes a newer change.</summary>
public sealed class NodeEntriesTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
    static readonly Guid NodeA = Guid.NewGuid(), NodeB = Guid.NewGuid();

    static Dictionary<string, string> Held(params string[] ids) => ids.ToDictionary(id => id, id => id);

    [Fact]
    public void The_entries_of_a_node_that_stopped_renewing_lapse_after_their_lifetime_and_the_others_stay()
    {
        var entries = new NodeEntries<string>();
        entries.Add("a1", NodeA, "a1", T0);
        entries.Add("b1", NodeB, "b1", T0);

        for (var t = LiveLeases.RenewalPeriod; t <= LiveLeases.Lifetime; t += LiveLeases.RenewalPeriod)
            entries.Renew(NodeB, Held("b1"), T0 + t);

        entries.Live(T0 + LiveLeases.Lifetime).Should().BeEquivalentTo(["a1", "b1"], "a lease lives its whole lifetime");
        entries.Live(T0 + LiveLeases.Lifetime + TimeSpan.FromSeconds(1)).Should().Equal(["b1"], "node A missed three renewals: it is dead");
    }

    [Fact]
    public void A_renewal_fills_again_a_grain_that_lost_its_memory()
    {
        var entries = new NodeEntries<string>(); // a fresh activation: its node died with what it held

        entries.Renew(NodeA, Held("a1", "a2"), T0).Should().BeEmpty();

        entries.LiveIds(T0).Should().BeEquivalentTo(["a1", "a2"]);
    }

    [Fact]
    public void A_renewal_from_before_a_removal_is_refused_for_that_entry_and_the_entry_stays_removed()
    {
        var entries = new NodeEntries<string>();
        entries.Add("a1", NodeA, "a1", T0);
        entries.Add("a2", NodeA, "a2", T0);
        entries.Remove("a1", T0 + TimeSpan.FromSeconds(1)); // e.g. another node took the firm's access away

        entries.Renew(NodeA, Held("a1", "a2"), T0 + TimeSpan.FromSeconds(2)).Should().Equal(["a1"], "node A must drop it too");

        entries.LiveIds(T0 + TimeSpan.FromSeconds(2)).Should().Equal(["a2"]);
    }

    [Fact]
    public void A_renewal_snapshot_taken_before_an_entry_was_added_keeps_the_new_entry_but_drops_the_ones_the_node_let_go()
    {
        var entries = new NodeEntries<string>();
        entries.Add("a1", NodeA, "a1", T0);
        entries.Add("b1", NodeB, "b1", T0);
        var later = T0 + LiveLeases.RenewalPeriod + TimeSpan.FromSeconds(1);
        entries.Add("a2", NodeA, "a2", later);

        entries.Renew(NodeA, Held(), later);

        entries.LiveIds(later).Should().BeEquivalentTo(["a2", "b1"], "a2 is newer than the snapshot; b1 is another node's");
    }

    [Fact]
    public void An_entry_added_again_after_its_removal_is_renewed_again()
    {
        var entries = new NodeEntries<string>();
        entries.Add("a1", NodeA, "a1", T0);
        entries.Remove("a1", T0);
        entries.Add("a1", NodeA, "a1", T0 + TimeSpan.FromSeconds(1)); // the firm got its access back and the tab watches again

        entries.Renew(NodeA, Held("a1"), T0 + TimeSpan.FromSeconds(2)).Should().BeEmpty();

        entries.LiveIds(T0 + TimeSpan.FromSeconds(2)).Should().Equal(["a1"]);
    }
}
