using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Businesses;

public sealed class ProfileRulesTests
{
    static BusinessProfile Valid => new(
        "  Edilizia Rossi S.r.l. ", "IT 00743110157", "Costruzioni", ["45210000", "45210000-2", "77313000-7"],
        [" restauro ", "Restauro", "scuole"], "037006", "Via Emilia 1", FirmSize.Small, "www.rossi.it", "info@rossi.it", "+39 051 123456");

    [Fact]
    public void A_valid_profile_is_stored_in_canonical_form()
    {
        var outcome = ProfileRules.Normalize(Valid);

        outcome.Problem.Should().BeNull();
        outcome.Value.Should().BeEquivalentTo(new
        {
            Name = "Edilizia Rossi S.r.l.",
            VatNumber = "00743110157",
            Capabilities = new[] { "45210000-2", "77313000-7" },
            Tags = new[] { "restauro", "scuole" },
            Website = "https://www.rossi.it",
        });
    }

    [Fact]
    public void Blank_optional_fields_become_absent()
    {
        var outcome = ProfileRules.Normalize(Valid with { VatNumber = " ", Description = "", Website = null, ContactPhone = "  " });

        outcome.Value.Should().BeEquivalentTo(new { VatNumber = (string?)null, Description = (string?)null, Website = (string?)null, ContactPhone = (string?)null });
    }

    [Fact]
    public void Every_invalid_field_is_named_in_the_request_s_terms()
    {
        var outcome = ProfileRules.Normalize(Valid with
        {
            Name = "X",
            VatNumber = "00743110158",
            Capabilities = ["45210000-2", "99999999-9"],
            Tags = ["ok", new string('t', 41)],
            ComuneCode = "999999",
            Website = "ftp://files.rossi.it",
            ContactEmail = "not an email",
            ContactPhone = "call me",
        });

        outcome.Value.Should().BeNull();
        outcome.Problem!.Kind.Should().Be(ProblemKind.Invalid);
        outcome.Problem.Errors!.Keys.Should().BeEquivalentTo(
            "name", "vatNumber", "capabilities[1]", "tags[1]", "comuneCode", "website", "contactEmail", "contactPhone");
    }

    [Fact]
    public void Limits_protect_against_oversized_profiles()
    {
        var outcome = ProfileRules.Normalize(Valid with
        {
            Description = new string('d', ProfileRules.MaxDescription + 1),
            Tags = [.. Enumerable.Range(0, ProfileRules.MaxTags + 1).Select(i => $"tag{i}")],
        });

        outcome.Problem!.Errors!.Keys.Should().Contain(["description", "tags"]);
    }
}
