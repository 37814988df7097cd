using Marketplace.Reference;
using Xunit.Abstractions;

namespace Marketplace.Grains.Tests.Reference;

/// <summary>
/// A firm finds its trade in its own words (issue #17). Reference/Data/trade-phrases.csv holds what firm owners type,
/// each with the codes a procurement officer would accept for it. About two in three are words the product ships
/// as trade words (cpv-trades.csv), since those are what people type most; the others are said differently
/// (plurals, "ditta di…", "installazione…", more words, English), and must be found as well as the first.
/// </summary>
public sealed class TradeWordSearchTests(ITestOutputHelper output)
{
    static readonly CpvCatalog Cpv = CpvCatalog.Shared;

    sealed record Phrase(string Words, string[] Accepted, bool IsShippedTradeWord);

    static List<Phrase> Phrases() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "Data", "trade-phrases.csv")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new Phrase(f[0], f[1].Split(' '), f[2] == "yes"))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nine_phrases_in_ten_find_an_accepted_code_among_the_first_five(bool shippedTradeWords)
    {
        var phrases = Phrases().Where(p => p.IsShippedTradeWord == shippedTradeWords).ToList();
        var misses = phrases
            .Select(p => (p.Words, Found: Cpv.Search(p.Words, 5).Select(e => e.Code).ToList(), p.Accepted))
            .Where(p => !p.Found.Intersect(p.Accepted).Any())
            .ToList();
        var hitRate = 1.0 - (double)misses.Count / phrases.Count;
        output.WriteLine($"{phrases.Count} phrases ({(shippedTradeWords ? "shipped trade words" : "said otherwise")}), hit rate at top 5: {hitRate:P1}");
        foreach (var miss in misses) output.WriteLine($"missed \"{miss.Words}\": got [{string.Join(" ", miss.Found)}]");

        phrases.Should().HaveCountGreaterThanOrEqualTo(50);
        hitRate.Should().BeGreaterThanOrEqualTo(0.9,
            "these phrases missed: " + string.Join("; ", misses.Select(m => $"{m.Words} → [{string.Join(" ", m.Found)}]")));
    }

    [Theory]
    [InlineData("idraulico", "45330000-9")]         // its label is "Lavori di idraulica"; the word first found mine roof supports
    [InlineData("impianti elettrici", "45310000-3")] // its Italian label says "cablaggi", not "elettrici"
    [InlineData("imbianchino", "45442100-8")]
    [InlineData("fotovoltaico", "09331200-0")]
    [InlineData("cappotto", "45321000-3")]
    public void A_trade_word_puts_its_trade_first(string words, string code) =>
        Cpv.Search(words, 5)[0].Code.Should().Be(code);

    [Fact]
    public void Words_after_the_trade_do_not_hide_it() =>
        Cpv.Search("lavori da idraulico a Modena", 5).Select(e => e.Code).Should().Contain("45330000-9");

    [Fact]
    public void A_half_typed_trade_word_already_finds_the_trade() =>
        Cpv.Search("fotovolt", 5).Select(e => e.Code).Should().Contain("09331200-0");

    [Fact]
    public void Every_word_of_several_is_needed_before_a_code_that_holds_only_some() =>
        Cpv.Search("manutenzione impianti elettrici", 5)[0].Code.Should().Be("50711000-2");
}
