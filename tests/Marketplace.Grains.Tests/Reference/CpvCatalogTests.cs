using Marketplace.Reference;

namespace Marketplace.Grains.Tests.Reference;

public sealed class CpvCatalogTests
{
    static readonly CpvCatalog Cpv = CpvCatalog.Shared;

    [Fact]
    public void Ships_the_whole_main_vocabulary() => Cpv.Count.Should().Be(9454);

    [Theory]
    [InlineData("45000000-7")]
    [InlineData("45000000")]
    [InlineData(" 45000000-7 ")]
    public void Finds_a_code_with_or_without_its_check_digit(string code) =>
        Cpv.Find(code)!.Code.Should().Be("45000000-7");

    [Theory]
    [InlineData("45000000-8")] // wrong check digit
    [InlineData("45000001")]   // not in the vocabulary
    [InlineData("4500")]
    [InlineData("")]
    public void Refuses_codes_that_are_not_in_the_vocabulary(string code) => Cpv.Find(code).Should().BeNull();

    [Fact]
    public void Carries_italian_and_english_labels() =>
        Cpv.Find("45210000")!.Should().BeEquivalentTo(new
        {
            LabelEn = "Building construction work",
            LabelIt = "Lavori generali di costruzione di edifici",
        });

    [Fact]
    public void Searching_digits_lists_the_codes_under_that_prefix()
    {
        var results = Cpv.Search("4521", 50);
        results.Should().NotBeEmpty().And.OnlyContain(e => e.Code.StartsWith("4521"));
        results.Select(e => e.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("manutenzione parchi", "77313000-7")]
    [InlineData("parks maintenance", "77313000-7")]
    [InlineData("IDRAULICA", "45330000-9")]
    public void Searching_words_matches_either_language_ignoring_case_and_accents(string query, string expected) =>
        Cpv.Search(query, 20).Select(e => e.Code).Should().Contain(expected);

    [Fact]
    public void Word_search_puts_general_codes_before_specific_ones()
    {
        var depths = Cpv.Search("lavori", 30).Select(e => e.Depth);
        depths.Should().BeInAscendingOrder();
    }

    [Fact]
    public void Browsing_from_the_divisions_reaches_every_code_exactly_once()
    {
        var reached = new List<string>();
        void Walk(CpvEntry? parent)
        {
            foreach (var child in Cpv.Children(parent)) { reached.Add(child.Code); Walk(child); }
        }
        Walk(null);

        Cpv.Divisions.Should().HaveCount(45);
        reached.Should().HaveCount(9454).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_code_sits_under_the_nearest_code_above_it_where_a_level_is_missing() =>
        Cpv.Children(Cpv.Find("30192100")).Select(e => e.Code).Should().Contain("30192121-5"); // there is no 30192120
}
