namespace Marketplace.Grains.Tests.Outcomes;

public class ProblemTests
{
    static readonly Refusal LotTaken = new("test.lotTaken", "Lot {lot} is taken.");

    [Fact]
    public void Two_refusals_for_the_same_reason_and_arguments_are_equal()
    {
        Problem.Conflict(LotTaken, ("lot", 2)).Should().Be(Problem.Conflict(LotTaken, ("lot", 2)));
        Problem.Invalid("price", LotTaken, ("lot", 2)).Should().Be(Problem.Invalid("price", LotTaken, ("lot", 2)));
    }

    [Fact]
    public void Refusals_that_differ_in_an_argument_or_a_field_are_not_equal()
    {
        Problem.Conflict(LotTaken, ("lot", 2)).Should().NotBe(Problem.Conflict(LotTaken, ("lot", 3)));
        Problem.Invalid("price", LotTaken, ("lot", 2)).Should().NotBe(Problem.Invalid("share", LotTaken, ("lot", 2)));
    }

    [Fact]
    public void The_detail_fills_the_placeholders_with_invariant_arguments()
    {
        var problem = Problem.Conflict(LotTaken, ("lot", 1234));

        problem.Code.Should().Be("test.lotTaken");
        problem.Detail.Should().Be("Lot 1234 is taken.");
        problem.Args.Should().Equal(new Dictionary<string, string> { ["lot"] = "1234" });
    }

    [Fact]
    public void A_placeholder_without_an_argument_and_braces_that_name_nothing_stay_as_written()
    {
        var refusal = new Refusal("test.braces", "{lot} of {lots} lots in {{year}}, {not a name} {1st} {} {open");

        refusal.Say(new Dictionary<string, string> { ["lot"] = "2", ["year"] = "2026" })
            .Should().Be("2 of {lots} lots in {2026}, {not a name} {1st} {} {open");
        refusal.Say(new Dictionary<string, string>()).Should().Be(refusal.Text);
    }
}
