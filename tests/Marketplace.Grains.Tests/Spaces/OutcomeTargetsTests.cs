using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Spaces;

public sealed class OutcomeTargetsTests
{
    static readonly Quarter First = new(2026, 2), Current = new(2026, 4);

    static Outcome<Quarter> Check(string? quarter, params OutcomeTargetChange[] targets) =>
        OutcomeTargets.Check(new SetOutcomeTargets(Guid.NewGuid(), quarter, targets), First, Current);

    [Fact]
    public void A_quarter_begins_at_midnight_in_rome_not_in_utc()
    {
        // 31 December 2026 23:30 UTC is already 1 January 2027 in Rome (UTC+1 in winter).
        Quarter.Of(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)).Should().Be(new Quarter(2027, 1));
        Quarter.Of(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero)).Should().Be(new Quarter(2026, 4));
        // 1 July is in summer time (UTC+2): the third quarter starts at 22:00 UTC on 30 June.
        new Quarter(2026, 3).Start.Should().Be(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero));
        new Quarter(2026, 4).Next.Should().Be(new Quarter(2027, 1));
        new Quarter(2027, 1).Previous.Should().Be(new Quarter(2026, 4));
    }

    [Theory]
    [InlineData("2026-Q4", true)]
    [InlineData("2026-Q5", false)]
    [InlineData("2026Q4", false)]
    [InlineData("26-Q4", false)]
    [InlineData("1999-Q4", false)]
    [InlineData(null, false)]
    public void A_quarter_is_written_year_dash_q_number(string? text, bool valid) =>
        (Quarter.Parse(text) is not null).Should().Be(valid);

    [Fact]
    public void Targets_are_set_from_the_space_s_first_quarter_to_a_year_after_the_current_one()
    {
        Check("2026-Q2", new OutcomeTargetChange(OutcomeMeasure.Members, 10)).Value.Should().Be(First);
        Check("2027-Q4", new OutcomeTargetChange(OutcomeMeasure.Members, 10)).Problem.Should().BeNull();
        Check("2028-Q1", new OutcomeTargetChange(OutcomeMeasure.Members, 10)).Problem!.Errors!.Keys.Should().Equal("quarter");
        Check("2026-Q1", new OutcomeTargetChange(OutcomeMeasure.Members, 10)).Problem!.Errors!.Keys.Should().Equal("quarter");
    }

    [Fact]
    public void Each_measure_takes_its_own_kind_of_number_and_every_wrong_field_is_named()
    {
        Check("2026-Q4", new(OutcomeMeasure.ValueWon, 1_250_000.50m), new(OutcomeMeasure.TerritoryShare, 72.5m), new(OutcomeMeasure.JointBids, null))
            .Problem.Should().BeNull();
        var problem = Check("2026-Q4", new(OutcomeMeasure.JointBids, 2.5m), new(OutcomeMeasure.ValueWon, 0.001m), new(OutcomeMeasure.TerritoryShare, 100.1m),
            new(OutcomeMeasure.LotsWon, -1), new(null, 3), new((OutcomeMeasure)99, 3), new(OutcomeMeasure.JointBids, 1)).Problem!;
        problem.Kind.Should().Be(ProblemKind.Invalid);
        problem.Errors!.Keys.Should().BeEquivalentTo(["targets[0].value", "targets[1].value", "targets[2].value", "targets[3].value",
            "targets[4].measure", "targets[5].measure", "targets[6].measure"]);
        Check("2026-Q4").Problem!.Errors!.Keys.Should().Equal("targets");
    }
}
