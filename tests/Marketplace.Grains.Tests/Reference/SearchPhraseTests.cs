using Marketplace.Reference;

namespace Marketplace.Grains.Tests.Reference;

public sealed class SearchPhraseTests
{
    [Theory]
    [InlineData("Modena", PlaceKind.Province, "Modena", "MO")]
    [InlineData("imprese a bologna", PlaceKind.Province, "Bologna", "BO")]
    [InlineData("Emilia-Romagna", PlaceKind.Region, "Emilia-Romagna", "Emilia-Romagna")]
    [InlineData("emilia romagna", PlaceKind.Region, "Emilia-Romagna", "Emilia-Romagna")]
    [InlineData("Trentino-Alto Adige", PlaceKind.Region, "Trentino-Alto Adige", "Trentino-Alto Adige/Südtirol")]
    [InlineData("Reggio Emilia", PlaceKind.Province, "Reggio nell'Emilia", "RE")]
    [InlineData("Carpi", PlaceKind.Comune, "Carpi", "036005")]
    [InlineData("San Giovanni in Persiceto", PlaceKind.Comune, "San Giovanni in Persiceto", "037053")]
    public void A_place_is_read_as_its_region_province_or_comune(string text, PlaceKind kind, string name, string code)
    {
        var phrase = SearchPhrase.Parse(text);

        phrase.Place.Should().NotBeNull();
        (phrase.Place!.Kind, phrase.Place.Name).Should().Be((kind, name));
        phrase.Place.Codes.Should().Contain(code);
        phrase.Words.Should().BeEmpty();
    }

    [Fact]
    public void Typed_codes_become_prefixes_and_a_check_digit_stays_with_its_code()
    {
        var phrase = SearchPhrase.Parse("45454000-4 e 45");

        phrase.CpvPrefixes.Should().Equal("45454", "45");
        phrase.CpvTyped.Select(e => e.Code).Should().Equal("45454000-4", "45000000-7");
        phrase.Words.Should().BeEmpty();
    }

    [Fact]
    public void A_trade_named_in_a_firm_s_words_brings_its_codes_and_every_code_below_them()
    {
        var phrase = SearchPhrase.Parse("idraulico Rossi a Modena");

        phrase.TradeWords.Should().Equal("idraulico");
        phrase.TradeCodes.Select(e => e.Code).Should().StartWith("45330000-9");
        phrase.TradeDigits().Should().Contain(["45330000", "45332000", "45332300"]); // 45332300: below 45332000, named by no trade row
        phrase.Place!.Name.Should().Be("Modena");
        phrase.Words.Should().Equal("rossi");
    }

    [Fact]
    public void The_widest_trade_named_wins_over_a_shorter_one_inside_it()
    {
        var phrase = SearchPhrase.Parse("manutenzione impianti elettrici");

        phrase.TradeCodes.Select(e => e.Code).Should().StartWith("50711000-2");
        phrase.TradeWords.Should().Equal("manutenzione", "impianti", "elettrici");
    }

    [Fact]
    public void A_surname_that_is_also_a_comune_is_read_as_the_place_and_the_search_still_finds_it_by_name()
    {
        // Bianchi is a comune in Calabria: the directory then finds firms there or firms naming "bianchi".
        var phrase = SearchPhrase.Parse("Bianchi");

        phrase.PlaceWords.Should().Equal("bianchi");
        phrase.Place!.Kind.Should().Be(PlaceKind.Comune);
    }

    [Fact]
    public void Words_that_name_nothing_are_left_as_words()
    {
        var phrase = SearchPhrase.Parse("Fratelli Zanardi");

        phrase.Should().BeEquivalentTo(new { CpvPrefixes = Array.Empty<string>(), TradeWords = Array.Empty<string>(), Place = (Place?)null });
        phrase.Words.Should().Equal("fratelli", "zanardi");
    }
}
