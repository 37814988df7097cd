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
        var outcome = ProfileRules.Normalize(Valid, BusinessKind.Firm);

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
        var outcome = ProfileRules.Normalize(Valid with { VatNumber = " ", Description = "", Website = null, ContactPhone = "  " }, BusinessKind.Firm);

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
        }, BusinessKind.Firm);

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
        }, BusinessKind.Firm);

        outcome.Problem!.Errors!.Keys.Should().Contain(["description", "tags"]);
    }

    [Theory]
    [InlineData(BusinessKind.Buyer)]
    [InlineData(BusinessKind.Association)]
    public void A_buyer_or_an_association_gives_a_tax_code_of_the_partita_iva_s_form(BusinessKind kind)
    {
        var outcome = ProfileRules.Normalize(Valid with { VatNumber = null, Size = null, TaxCode = " 0074 3110 157 " }, kind);

        outcome.Problem.Should().BeNull();
        outcome.Value!.TaxCode.Should().Be("00743110157");
        outcome.Value.VatNumber.Should().BeNull();
    }

    [Fact]
    public void A_tax_code_with_a_wrong_check_digit_is_refused_by_name()
    {
        var outcome = ProfileRules.Normalize(Valid with { VatNumber = null, Size = null, TaxCode = "00743110158" }, BusinessKind.Buyer);

        outcome.Problem!.Errors!.Should().ContainKey("taxCode").WhoseValue.Single().Code.Should().Be("business.taxCode");
    }

    [Theory]
    [InlineData(BusinessKind.Buyer)]
    [InlineData(BusinessKind.Association)]
    public void A_buyer_or_an_association_is_refused_a_vat_number_and_a_size(BusinessKind kind)
    {
        var outcome = ProfileRules.Normalize(Valid, kind);

        outcome.Problem!.Errors!.Keys.Should().BeEquivalentTo("vatNumber", "size");
        outcome.Problem.Errors!.Values.SelectMany(e => e).Should().OnlyContain(e => e.Code == "business.fieldNotForKind");
    }

    [Fact]
    public void A_firm_is_refused_a_tax_code_in_place_of_its_vat_number()
    {
        var outcome = ProfileRules.Normalize(Valid with { TaxCode = "00743110157" }, BusinessKind.Firm);

        outcome.Problem!.Errors!.Keys.Should().Equal("taxCode");
    }

    [Fact]
    public void Each_kind_s_form_asks_for_its_own_fields()
    {
        ProfileRules.FieldsOf(BusinessKind.Firm).Should().BeEquivalentTo("vatNumber", "size");
        ProfileRules.FieldsOf(BusinessKind.Buyer).Should().Equal("taxCode");
        ProfileRules.FieldsOf(BusinessKind.Association).Should().Equal("taxCode");
    }

    [Fact]
    public void A_buyer_s_profile_stored_before_kinds_had_forms_reads_its_vat_number_as_its_tax_code_and_has_no_size()
    {
        var stored = Valid with { VatNumber = "00743110157", Size = FirmSize.Large };

        stored.ForKind(BusinessKind.Buyer).Should().BeEquivalentTo(new { VatNumber = (string?)null, Size = (FirmSize?)null, TaxCode = "00743110157" });
        stored.ForKind(BusinessKind.Firm).Should().BeSameAs(stored);
    }
}
