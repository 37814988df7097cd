using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Businesses;

public sealed class ItalianFiscalNumberTests
{
    [Theory]
    [InlineData("00743110157", "00743110157")]      // a published partita IVA
    [InlineData("IT 00743110157", "00743110157")]
    [InlineData("it00743110157", "00743110157")]
    [InlineData("007 431 101 57", "00743110157")]
    public void Accepts_valid_numbers_in_the_forms_people_type(string raw, string expected)
    {
        ItalianFiscalNumber.TryNormalize(raw, out var digits).Should().BeTrue();
        digits.Should().Be(expected);
    }

    [Theory]
    [InlineData("00743110158")] // check digit off by one
    [InlineData("0074311015")]  // ten digits
    [InlineData("007431101570")]
    [InlineData("0074311015A")]
    [InlineData("00000000000")]
    public void Refuses_numbers_whose_form_or_check_digit_is_wrong(string raw) =>
        ItalianFiscalNumber.TryNormalize(raw, out _).Should().BeFalse();

    [Fact]
    public void A_completed_number_passes_the_check()
    {
        var number = ItalianFiscalNumber.WithCheckDigit("0074311015");
        number.Should().Be("00743110157");
        ItalianFiscalNumber.TryNormalize(number, out _).Should().BeTrue();
    }
}
