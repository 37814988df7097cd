using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Reference;

public sealed class ReferenceApiTests(SqliteHost fixture) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Cpv_codes_are_found_by_words_in_either_language_with_both_labels()
    {
        var client = fixture.Host.CreateClient();

        var italian = await client.GetFromJsonAsync<CapabilityDto[]>("/api/reference/cpv?q=manutenzione%20parchi", Json);
        var english = await client.GetFromJsonAsync<CapabilityDto[]>("/api/reference/cpv?q=parks%20maintenance", Json);

        var expected = new CapabilityDto("77313000-7", "Servizi di manutenzione parchi", "Parks maintenance services");
        italian.Should().Contain(expected);
        english.Should().Contain(expected);
    }

    [Fact]
    public async Task Cpv_codes_are_found_by_their_leading_digits_within_the_limit()
    {
        var results = await fixture.Host.CreateClient().GetFromJsonAsync<CapabilityDto[]>("/api/reference/cpv?q=4531&limit=5", Json);

        results.Should().HaveCount(5).And.OnlyContain(c => c.Code.StartsWith("4531"));
    }

    [Fact]
    public async Task The_vocabulary_is_browsed_from_its_divisions_down_one_level_at_a_time()
    {
        var client = fixture.Host.CreateClient();

        var divisions = await client.GetFromJsonAsync<CpvNodeDto[]>("/api/reference/cpv/tree", Json);
        var underConstruction = await client.GetFromJsonAsync<CpvNodeDto[]>("/api/reference/cpv/tree?parent=45000000-7", Json);
        var leaves = await client.GetFromJsonAsync<CpvNodeDto[]>("/api/reference/cpv/tree?parent=45332000", Json);

        divisions.Should().HaveCount(45).And.ContainEquivalentOf(new CpvNodeDto("45000000-7", "Lavori di costruzione", "Construction work", true));
        underConstruction!.Select(n => n.Code).Should().Equal("45100000-8", "45200000-9", "45300000-0", "45400000-1", "45500000-2");
        leaves.Should().ContainEquivalentOf(new CpvNodeDto("45332400-7", "Lavori di installazione di apparecchiature idrosanitarie", "Sanitary fixture installation work", false));
    }

    [Theory]
    [InlineData("45000000-8")] // a wrong check digit
    [InlineData("99999999")]
    [InlineData("costruzione")]
    public async Task Browsing_below_what_is_not_a_code_is_refused_naming_it(string parent)
    {
        var refused = await (await fixture.Host.CreateClient().GetAsync($"/api/reference/cpv/tree?parent={Uri.EscapeDataString(parent)}")).Refusal();

        refused.Status.Should().Be(System.Net.HttpStatusCode.NotFound);
        refused.Code.Should().Be("cpv.unknown");
        refused.Args["code"].Should().Be(parent);
    }

    [Fact]
    public async Task Comuni_are_found_by_name_with_province_and_region()
    {
        var results = await fixture.Host.CreateClient().GetFromJsonAsync<ComuneDto[]>("/api/reference/comuni?q=reggio%20nell", Json);

        results.Should().ContainSingle().Which.Should().Be(new ComuneDto("035033", "Reggio nell'Emilia", "RE", "Reggio nell'Emilia", "Emilia-Romagna"));
    }
}
