using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Qualifications;

public sealed class SoaCategoriesTests
{
    [Fact]
    public void The_categories_are_the_13_general_and_35_specialised_ones_of_the_law_s_table_with_their_A_and_B_parts()
    {
        SoaCategories.All.Count(c => c.General).Should().Be(13);
        SoaCategories.All.Where(c => !c.General).Select(c => c.Code.Split('-')[0]).Distinct().Should().HaveCount(35);
        SoaCategories.All.Select(c => c.Code).Should().Contain(["OS2-A", "OS2-B", "OS12-A", "OS12-B", "OS18-A", "OS18-B", "OS20-A", "OS20-B"]).And.OnlyHaveUniqueItems();
        SoaCategories.All.Should().OnlyContain(c => c.LabelIt.Length > 0 && c.LabelEn.Length > 0);
    }

    [Theory]
    [InlineData("OG1", "Edifici civili e industriali")]
    [InlineData("os30", "Impianti interni elettrici, telefonici, radiotelefonici e televisivi")]
    [InlineData(" OS 28 ", "Impianti termici e di condizionamento")]
    public void A_category_is_found_by_its_code_however_it_is_typed(string typed, string labelIt) =>
        SoaCategories.Find(typed)!.LabelIt.Should().Be(labelIt);

    [Theory]
    [InlineData("OG14")]
    [InlineData("OS2")] // only its parts A and B exist
    [InlineData("")]
    public void A_code_the_table_does_not_have_is_no_category(string typed) => SoaCategories.Find(typed).Should().BeNull();
}
