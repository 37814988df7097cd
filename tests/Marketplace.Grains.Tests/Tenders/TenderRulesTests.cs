using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

public sealed class TenderRulesTests
{
    static Outcome<TenderDetails> Normalize(TenderDetails raw, TenderDetails? previous = null) => TenderRules.Normalize(raw, previous);

    static IEnumerable<string> Errors(TenderDetails raw, TenderDetails? previous = null) => Normalize(raw, previous).Problem!.Errors!.Keys;

    static TenderDetails Stored => Normalize(Details()).Value!;

    static TenderDetails WithCriteria(params AwardCriterion[] criteria) => Details() with { Criteria = criteria };

    static AwardCriterion Price(int weight) => new(0, "Prezzo", CriterionKind.Price, weight);

    static AwardCriterion Quality(int weight, string name = "Qualità") => new(0, name, CriterionKind.Quality, weight);

    [Fact]
    public void Valid_details_are_put_in_canonical_form()
    {
        var details = Stored;

        details.Lots.Select(l => (l.Number, l.Cpv[0])).Should().Equal((1, "77313000-7"), (2, "77313000-7"));
        details.Lots[0].EstimatedValue.Should().Be(new Money(50_000m, "EUR"));
        details.Criteria.Should().Equal(new AwardCriterion(1, "Prezzo", CriterionKind.Price, 30), new AwardCriterion(2, "Qualità tecnica", CriterionKind.Quality, 70));
    }

    [Fact]
    public void Every_invalid_field_is_named()
    {
        var bad = Details() with
        {
            Title = "ab",
            Lots = [new Lot(0, " ", null, ["99999999"], new Money(1m, "euro"), "999999")],
            Eligibility = [""],
            Criteria = [new AwardCriterion(0, "", CriterionKind.Price, 100)],
        };

        Errors(bad).Should().BeEquivalentTo("title", "lots[0].title", "lots[0].cpv[0]", "lots[0].estimatedValue.currency", "lots[0].comuneCode",
            "eligibility[0]", "criteria[0].name");
    }

    // Dates

    [Fact]
    public void The_submission_deadline_comes_after_the_enquiry_deadline()
    {
        Errors(Details(enquiry: EnquiryDeadline, submission: EnquiryDeadline)).Should().Equal("submissionDeadline");
        Errors(Details(enquiry: EnquiryDeadline, submission: EnquiryDeadline.AddDays(-1))).Should().Equal("submissionDeadline");
        Normalize(Details(enquiry: EnquiryDeadline, submission: EnquiryDeadline.AddMicroseconds(1))).Problem.Should().BeNull();
    }

    [Fact]
    public void Deadlines_less_than_a_microsecond_apart_are_the_same_stored_instant()
    {
        // enquiry = E + 0.1 µs, submission = E + 0.9 µs: both are stored as E, so submission is not after enquiry
        var enquiry = EnquiryDeadline.AddTicks(1);

        Errors(Details(enquiry: enquiry, submission: enquiry.AddTicks(8))).Should().Equal("submissionDeadline");
    }

    [Fact]
    public void The_contract_ends_after_it_starts()
    {
        Errors(Details() with { ContractStart = new DateOnly(2027, 6, 1), ContractEnd = new DateOnly(2027, 5, 31) }).Should().Equal("contractEnd");
        Normalize(Details() with { ContractStart = new DateOnly(2027, 6, 1), ContractEnd = new DateOnly(2027, 6, 1) }).Problem.Should().BeNull();
    }

    [Fact]
    public void The_contract_starts_no_earlier_than_the_day_of_the_submission_deadline()
    {
        // SubmissionDeadline is 2026-12-15 10:00 UTC
        Errors(Details() with { ContractStart = new DateOnly(2026, 12, 14) }).Should().Equal("contractStart");
        Normalize(Details() with { ContractStart = new DateOnly(2026, 12, 15) }).Problem.Should().BeNull();
    }

    [Fact]
    public void Deadlines_are_stored_in_utc_truncated_to_whole_microseconds()
    {
        // 2026-12-05 11:00:00.0000019 +01:00 is 10:00:00.0000019 UTC; whole microseconds drop the last 9 ticks → 10:00:00.000001 UTC
        var enquiry = new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.FromHours(1)).AddTicks(19);
        var submission = new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero).AddTicks(7);

        var details = Normalize(Details(enquiry, submission)).Value!;

        details.EnquiryDeadline.Should().Be(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero).AddTicks(10));
        details.EnquiryDeadline.Offset.Should().Be(TimeSpan.Zero);
        details.SubmissionDeadline.UtcTicks.Should().Be(new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero).UtcTicks);
    }

    [Fact]
    public void A_deadline_is_in_the_future_only_strictly_after_now()
    {
        TenderRules.CheckFuture(Stored, EnquiryDeadline)!.Errors!.Keys.Should().Equal("enquiryDeadline");
        TenderRules.CheckFuture(Stored, EnquiryDeadline.AddTicks(-1)).Should().BeNull();
    }

    // Criteria

    [Fact]
    public void Price_only_is_one_price_criterion_weighing_100() =>
        Normalize(WithCriteria(Price(100))).Value!.Criteria.Should().Equal(new AwardCriterion(1, "Prezzo", CriterionKind.Price, 100));

    [Fact]
    public void The_weights_add_up_to_100()
    {
        Errors(WithCriteria(Price(30), Quality(69))).Should().Equal("criteria");
        Errors(WithCriteria(Price(30), Quality(71))).Should().Equal("criteria");
        Normalize(WithCriteria(Price(30), Quality(40, "Tempi"), Quality(30, "Personale"))).Problem.Should().BeNull();
    }

    [Fact]
    public void Exactly_one_criterion_is_the_price()
    {
        Errors(WithCriteria(Quality(60, "Tempi"), Quality(40, "Personale"))).Should().Equal("criteria");
        Errors(WithCriteria(Price(50), Price(50))).Should().Equal("criteria");
    }

    [Fact]
    public void A_weight_of_zero_is_invalid() =>
        Errors(WithCriteria(Price(100), Quality(0))).Should().Equal("criteria[1].weight");

    [Fact]
    public void A_weight_of_101_is_invalid() =>
        Errors(WithCriteria(Price(101))).Should().BeEquivalentTo("criteria[0].weight", "criteria");

    [Fact]
    public void A_tender_has_at_least_one_criterion() =>
        Errors(WithCriteria()).Should().Equal("criteria");

    [Fact]
    public void New_criteria_are_numbered_after_the_previous_maximum()
    {
        var previous = Stored;
        var amended = previous with { Criteria = [previous.Criteria[0] with { Weight = 40 }, Quality(30, "Tempi"), Quality(30, "Personale")] };

        Normalize(amended, previous).Value!.Criteria.Select(c => c.Number).Should().Equal(1, 3, 4);
    }

    [Fact]
    public void An_unknown_criterion_number_is_refused_when_amending()
    {
        var previous = Stored;

        Errors(previous with { Criteria = [previous.Criteria[0], previous.Criteria[1] with { Number = 7 }] }, previous).Should().Equal("criteria[1].number");
    }

    // Lots

    [Fact]
    public void New_lots_are_numbered_after_the_previous_maximum()
    {
        var previous = Stored;
        var amended = previous with { Lots = [previous.Lots[1], NewLot("Aiuole", "77313000"), NewLot("Alberature", "77313000")] };

        Normalize(amended, previous).Value!.Lots.Select(l => l.Number).Should().Equal(2, 3, 4);
    }

    [Fact]
    public void A_removed_lot_s_number_is_not_given_to_a_new_lot()
    {
        var previous = Stored;

        Normalize(previous with { Lots = [previous.Lots[0], NewLot("Aiuole", "77313000")] }, previous).Value!.Lots.Select(l => l.Number).Should().Equal(1, 3);
    }

    [Fact]
    public void An_unknown_lot_number_is_refused_when_amending()
    {
        var previous = Stored;

        Errors(previous with { Lots = [previous.Lots[0], previous.Lots[1] with { Number = 5 }] }, previous).Should().Equal("lots[1].number");
    }

    [Fact]
    public void A_lot_number_is_used_once()
    {
        var previous = Stored;

        Errors(previous with { Lots = [previous.Lots[0], previous.Lots[1] with { Number = 1 }] }, previous).Should().BeEquivalentTo("lots[0].number", "lots[1].number");
    }

    [Fact]
    public void A_tender_has_at_least_one_lot() =>
        Errors(Details() with { Lots = [] }).Should().Equal("lots");

    [Fact]
    public void Each_bad_cpv_code_is_named_by_lot_and_position()
    {
        var lots = new[] { NewLot("Parchi", "99999999"), NewLot("Giardini", "77313000", "77313000-8") };

        Errors(Details() with { Lots = lots }).Should().BeEquivalentTo("lots[0].cpv[0]", "lots[1].cpv[1]");
    }

    [Fact]
    public void A_lot_names_at_least_one_cpv_code() =>
        Errors(Details() with { Lots = [NewLot("Parchi")] }).Should().Equal("lots[0].cpv");

    [Fact]
    public void Repeated_cpv_codes_are_kept_once() =>
        Normalize(Details() with { Lots = [NewLot("Parchi", "77313000", "77313000-7")] }).Value!.Lots[0].Cpv.Should().Equal("77313000-7");

    [Theory]
    [InlineData("1000.005", false)]
    [InlineData("0.001", false)]
    [InlineData("1000.01", true)]
    public void An_estimated_value_has_at_most_two_decimals(string amount, bool valid)
    {
        var lot = NewLot("Parchi", "77313000") with { EstimatedValue = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR") };

        var outcome = Normalize(Details() with { Lots = [lot] });

        if (valid) outcome.Problem.Should().BeNull();
        else outcome.Problem!.Errors!.Keys.Should().Equal("lots[0].estimatedValue.amount");
    }

    [Fact]
    public void A_tender_s_lots_are_priced_in_one_currency()
    {
        Lot Valued(string title, string? currency) => NewLot(title, "77313000") with { EstimatedValue = currency is null ? null : new Money(10_000m, currency) };

        Errors(Details() with { Lots = [Valued("Parchi", "CHF"), Valued("Giardini", "CHF"), Valued("Aiuole", "EUR")] }).Should().Equal("lots[2].estimatedValue.currency");
        Errors(Details() with { Lots = [Valued("Parchi", "CHF"), Valued("Aiuole", null)] })
            .Should().Equal(new[] { "lots[1].estimatedValue.currency" }, "a lot without an estimate is in euro");
        Normalize(Details() with { Lots = [Valued("Parchi", "EUR"), Valued("Aiuole", null)] }).Problem.Should().BeNull();
        Normalize(Details() with { Lots = [Valued("Parchi", "chf"), Valued("Giardini", "CHF")] }).Problem.Should().BeNull();
    }

    // Material changes

    [Fact]
    public void A_new_title_description_or_deadline_is_not_material()
    {
        var before = Stored;
        var after = before with { Title = "Verde pubblico 2027", Description = "Tutti i parchi", SubmissionDeadline = SubmissionDeadline.AddDays(3) };

        TenderRules.IsMaterial(before, after).Should().BeFalse();
    }

    [Fact]
    public void Normalising_the_same_details_again_is_not_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, Normalize(before, before).Value!).Should().BeFalse();
    }

    [Fact]
    public void A_changed_lot_is_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, before with { Lots = [before.Lots[0] with { Title = "Parchi est" }, before.Lots[1]] }).Should().BeTrue();
    }

    [Fact]
    public void A_lot_with_other_cpv_codes_is_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, before with { Lots = [before.Lots[0] with { Cpv = ["77310000-6"] }, before.Lots[1]] }).Should().BeTrue();
    }

    [Fact]
    public void A_removed_lot_is_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, before with { Lots = [before.Lots[0]] }).Should().BeTrue();
    }

    [Fact]
    public void A_reweighted_criterion_is_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, before with { Criteria = [before.Criteria[0] with { Weight = 40 }, before.Criteria[1] with { Weight = 60 }] })
            .Should().BeTrue();
    }

    [Fact]
    public void A_new_eligibility_requirement_is_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, before with { Eligibility = [.. before.Eligibility, "ISO 14001"] }).Should().BeTrue();
    }

    [Fact]
    public void A_new_document_is_material()
    {
        var before = Stored;

        TenderRules.IsMaterial(before, before with { Documents = [new DocumentRef(Guid.NewGuid(), "capitolato.pdf", "application/pdf", 1024, new string('0', 64))] })
            .Should().BeTrue();
    }

    // Matching

    [Fact]
    public void Firms_are_matched_on_the_cpv_class_of_every_lot()
    {
        var details = Normalize(Details() with
        {
            Lots = [NewLot("Edifici", "45211000", "45212000"), NewLot("Parchi", "77313000"), NewLot("Verde", "77310000")],
        }).Value!;

        // 45211000 and 45212000 share class 4521; 77313000 and 77310000 share class 7731
        TenderRules.MatchKeys(details, 4).Prefixes.Should().Equal("4521", "7731");
    }

    [Fact]
    public void A_capability_higher_up_the_hierarchy_covers_a_lot()
    {
        var details = Normalize(Details() with { Lots = [NewLot("Software", "72260000")] }).Value!;

        // 72260000's ancestors: division 72, group 722, class 7226 (each padded to eight digits), and itself
        TenderRules.MatchKeys(details, 4).Ancestors.Should().BeEquivalentTo("72000000", "72200000", "72260000");
    }

    [Fact]
    public void A_firm_is_told_the_lots_its_capabilities_match_and_no_other()
    {
        var details = Normalize(Details() with
        {
            Lots = [NewLot("Edifici", "45211000"), NewLot("Impianti", "45310000"), NewLot("Software", "72260000")],
        }).Value!;

        TenderRules.MatchedLots(details, ["45212000"], 4).Should().Equal([1], "the same class 4521 as lot 1; lot 2 is 4531");
        TenderRules.MatchedLots(details, ["72000000", "45311000"], 4).Should().Equal([2, 3], "45311000 shares lot 2's class; 72000000 covers 72260000 from above");
        TenderRules.MatchedLots(details, ["90620000"], 4).Should().BeEmpty();
    }
}
