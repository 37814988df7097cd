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
    public async Task Comuni_are_found_by_name_with_province_and_region()
    {
        var results = await fixture.Host.CreateClient().GetFromJsonAsync<ComuneDto[]>("/api/reference/comuni?q=reggio%20nell", Json);

        results.Should().ContainSingle().Which.Should().Be(new ComuneDto("035033", "Reggio nell'Emilia", "RE", "Reggio nell'Emilia", "Emilia-Romagna"));
    }
}
