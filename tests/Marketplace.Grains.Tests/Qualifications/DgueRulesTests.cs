using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Qualifications;

/// <summary>What a firm may keep as its DGUE, and when a confirmation is too old to go with a bid.</summary>
public sealed class DgueRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid Actor = Guid.NewGuid();

    static readonly FirmQualifications Held = new(
        [new SoaAttestation("OG1", SoaClass.III, new DateOnly(2028, 1, 1), "SOA Nord", null), new SoaAttestation("OS30", SoaClass.I, new DateOnly(2028, 1, 1), "SOA Nord", null)],
        new FinancialFigures(2025, 3_000_000m, 1_000_000m));

    /// <summary>Every ground answered "no", in the rules' order.</summary>
    static DgueAnswer?[] AllNo() => [.. DgueRules.Grounds.Select(g => new DgueAnswer(g.Code, false, null))];

    static Outcome<FirmDgue> Normalize(DgueAnswer?[] answers, DgueSelection? selection = null, FirmQualifications? held = null) =>
        DgueRules.Normalize(answers, selection, held ?? Held, Actor, Now);

    [Fact]
    public void The_grounds_follow_the_form_s_sections_and_cite_article_94_when_automatic_and_95_when_not()
    {
        DgueRules.Grounds.Select(g => g.Section).Should().BeInAscendingOrder("the form's Part III lists A, B, C, D in turn");
        DgueRules.Grounds.Select(g => g.Code).Should().OnlyHaveUniqueItems();
        DgueRules.Grounds.Should().OnlyContain(g => g.Source.StartsWith(g.Automatic ? "D.Lgs. 36/2023, art. 94" : "D.Lgs. 36/2023, art. 95", StringComparison.Ordinal));
        DgueRules.Grounds.Select(g => g.Code).Should().Contain(["convictions", "antimafia", "professionalMisconduct", "taxesFinal"]);
    }

    [Fact]
    public void A_dgue_with_every_ground_denied_is_kept_in_the_grounds_order_with_who_confirmed_it_and_when()
    {
        var answers = AllNo().Reverse().ToArray();

        var dgue = Normalize(answers, new DgueSelection(["os30", "OG1"], true)).Value!;

        dgue.Answers.Select(a => a.Ground).Should().Equal(DgueRules.Grounds.Select(g => g.Code));
        dgue.Selection.Should().BeEquivalentTo(new DgueSelection(["OG1", "OS30"], true), "categories are kept as the firm's attestations list them");
        (dgue.ConfirmedAt, dgue.ConfirmedBy).Should().Be((Now, Actor));
    }

    [Fact]
    public void A_ground_that_applies_needs_an_explanation_and_one_that_does_not_keeps_none()
    {
        var answers = AllNo();
        answers[1] = new DgueAnswer(answers[1]!.Ground, true, "   ");
        answers[2] = new DgueAnswer(answers[2]!.Ground, false, "Scritto per sbaglio");

        Normalize(answers).Problem!.Errors!.Keys.Should().Equal("answers[1].explanation");

        answers[1] = new DgueAnswer(answers[1]!.Ground, true, " Rateizzazione accolta dall'Agenzia delle Entrate il 3 marzo 2026. ");
        var dgue = Normalize(answers).Value!;
        dgue.Answers[1].Explanation.Should().Be("Rateizzazione accolta dall'Agenzia delle Entrate il 3 marzo 2026.");
        dgue.Answers[2].Explanation.Should().BeNull("a ground that does not apply has nothing to explain");
    }

    [Fact]
    public void Unknown_repeated_and_missing_grounds_are_refused_by_field()
    {
        var answers = AllNo();
        var unknown = answers.Append(new DgueAnswer("astrology", false, null)).Append(answers[0]).ToArray();

        Normalize(unknown).Problem!.Errors!.Select(e => (e.Key, e.Value.Single().Code)).Should().BeEquivalentTo(
            [($"answers[{answers.Length}].ground", "dgue.unknownGround"), ($"answers[{answers.Length + 1}].ground", "dgue.groundTwice")]);
        var missing = Normalize(answers[1..]).Problem!.Errors!;
        missing.Should().ContainKey("answers").WhoseValue.Single().Args.Should().Contain("ground", "convictions");
    }

    [Fact]
    public void The_criteria_point_only_at_attestations_and_figures_the_firm_records()
    {
        var errors = Normalize(AllNo(), new DgueSelection(["OS30", "OG11", "XX9"], true), Held with { Figures = null }).Problem!.Errors!;

        errors.Keys.Should().BeEquivalentTo("selection.categories[1]", "selection.categories[2]", "selection.figures");
        errors["selection.categories[1]"].Single().Code.Should().Be("dgue.attestationNotRecorded");
        errors["selection.figures"].Single().Code.Should().Be("dgue.figuresNotRecorded");
    }

    [Fact]
    public void An_explanation_has_a_bounded_length()
    {
        var answers = AllNo();
        answers[0] = new DgueAnswer(answers[0]!.Ground, true, new string('x', DgueRules.MaxExplanation + 1));

        Normalize(answers).Problem!.Errors!["answers[0].explanation"].Single().Code.Should().Be("dgue.explanationTooLong");
    }

    [Theory]
    [InlineData("2026-06-06", true)]  // six months to the day, in Italy
    [InlineData("2026-06-05", false)]
    [InlineData("2026-11-30", true)]
    public void A_dgue_stands_for_six_months_from_the_day_it_was_confirmed(string confirmedOn, bool current)
    {
        var dgue = new FirmDgue([], new DgueSelection([], false), new DateTimeOffset(DateOnly.Parse(confirmedOn), new TimeOnly(9, 0), TimeSpan.Zero), Actor);

        DgueRules.IsCurrent(dgue, new DateOnly(2026, 12, 6)).Should().Be(current);
        DgueRules.IsCurrent(null, new DateOnly(2026, 12, 6)).Should().BeFalse("a firm with no DGUE has none to present");
    }
}
