using System.Text.RegularExpressions;
using Marketplace.Server.Hosting;

namespace Marketplace.Server.Tests.Hosting;

/// <summary>
/// The refusal codes clients translate: each names its area and reason once. (That each listed code has an Italian
/// and an English text is checked by the web client's tests, against the OpenAPI document.)
/// </summary>
public sealed class RefusalCodesTests
{
    [Fact]
    public void Every_refusal_code_is_declared_once_and_named_area_dot_reason()
    {
        var codes = ProblemCodesDocument.All.Select(r => r.Code).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(code => code.Should().MatchRegex(@"^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$"));
    }

    [Fact]
    public void The_list_holds_the_refusals_of_the_grains_and_of_the_server()
    {
        ProblemCodesDocument.All.Should().Contain([global::Marketplace.Tenders.TenderRules.NotTheBidder, global::Marketplace.Server.Endpoints.ProblemResults.FieldRequired, Problem.InvalidFields]);
    }

    [Fact]
    public void A_refusal_s_text_names_only_arguments_written_as_placeholders()
    {
        ProblemCodesDocument.All.Should().AllSatisfy(r =>
            Regex.Replace(r.Text, @"\{[A-Za-z][A-Za-z0-9]*\}", "").Should().NotContainAny(["{", "}"], r.Code));
    }
}
