using Marketplace.ReadCaches;

namespace Marketplace.Grains.Tests.ReadCaches;

/// <summary>The silo's held cards never outlive a change made on the silo, even one made while a card was being read.</summary>
public sealed class HeldCardsTests
{
    /// <summary>Cards read from a dictionary standing for the grains, counting the reads; a read may be held open.</summary>
    sealed class Cards : HeldCards<Guid, string>
    {
        public readonly Dictionary<Guid, string> Grains = [];
        public int Reads;
        public TaskCompletionSource? Gate;

        protected override async Task<string?> Read(Guid id)
        {
            Reads++;
            var card = Grains.GetValueOrDefault(id);
            if (Gate is { } gate) await gate.Task;
            return card;
        }
    }

    [Fact]
    public async Task A_card_is_read_once_and_held_until_its_grain_forgets_it()
    {
        var (cards, id) = (new Cards(), Guid.NewGuid());
        cards.Grains[id] = "Rossi Costruzioni";

        (await cards.Of([id, id]))[id].Should().Be("Rossi Costruzioni");
        (await cards.Of([id]))[id].Should().Be("Rossi Costruzioni");
        cards.Reads.Should().Be(1);

        cards.Grains[id] = "Rossi Costruzioni S.p.A.";
        cards.Forget(id);

        (await cards.Of([id]))[id].Should().Be("Rossi Costruzioni S.p.A.");
        cards.Reads.Should().Be(2);
    }

    [Fact]
    public async Task A_card_read_while_its_grain_changed_is_shown_once_and_not_kept()
    {
        var (cards, id) = (new Cards(), Guid.NewGuid());
        cards.Grains[id] = "Verdi Informatica";
        cards.Gate = new TaskCompletionSource();

        var reading = cards.Of([id]);
        cards.Grains[id] = "Verdi Reti";
        cards.Forget(id); // the change lands while the older card is on its way
        cards.Gate.SetResult();
        cards.Gate = null;

        (await reading)[id].Should().Be("Verdi Informatica", "it was read before the change");
        (await cards.Of([id]))[id].Should().Be("Verdi Reti");
    }

    [Fact]
    public async Task A_grain_that_holds_nothing_is_not_remembered()
    {
        var (cards, id) = (new Cards(), Guid.NewGuid());

        (await cards.Of([id])).Should().BeEmpty();
        cards.Grains[id] = "Bianchi Impianti";

        (await cards.Of([id]))[id].Should().Be("Bianchi Impianti", "a business created a moment later is named at once");
    }
}
