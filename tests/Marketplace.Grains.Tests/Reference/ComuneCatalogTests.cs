using Marketplace.Reference;

namespace Marketplace.Grains.Tests.Reference;

public sealed class ComuneCatalogTests
{
    [Fact]
    public void Ships_every_current_comune() => ComuneCatalog.Shared.Count.Should().Be(7896);

    [Fact]
    public void Finds_a_comune_by_istat_code_with_province_and_region() =>
        ComuneCatalog.Shared.Find("037006").Should().BeEquivalentTo(new
        {
            Name = "Bologna",
            ProvinceSigla = "BO",
            RegionName = "Emilia-Romagna",
        });

    [Fact]
    public void Search_puts_names_that_start_with_the_text_first()
    {
        var names = ComuneCatalog.Shared.Search("bolog", 10).Select(c => c.Name).ToList();
        names.First().Should().Be("Bologna");
        names.Should().OnlyContain(n => n.Contains("bolog", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_ignores_accents() =>
        ComuneCatalog.Shared.Search("forli", 5).Select(c => c.Name).Should().Contain("Forlì");
}
