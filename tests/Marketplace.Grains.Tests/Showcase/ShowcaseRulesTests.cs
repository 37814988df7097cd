using Marketplace.Businesses;
using Marketplace.Showcase;

namespace Marketplace.Grains.Tests.Showcase;

public sealed class ShowcaseRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid PublisherOwner = Guid.NewGuid(), PartnerOwner = Guid.NewGuid(), Stranger = Guid.NewGuid();
    static readonly BusinessSnapshot Publisher = Firm(PublisherOwner), Partner = Firm(PartnerOwner), Other = Firm(Stranger);

    static BusinessSnapshot Firm(Guid owner, BusinessKind kind = BusinessKind.Firm) =>
        new(Guid.NewGuid(), kind, BusinessProfile.Named("Impresa"), [new BusinessMember(owner, BusinessRole.Owner)], 1, Now, Now, []);

    static ShowcaseDetails Details => new("Scuola primaria Rodari", "Ristrutturazione", "Comune di Bologna", 2024,
        new Money(1_250_000.50m, "eur"), ["45210000"], [Partner.Id]);

    static Dictionary<Guid, BusinessSnapshot> Known => new() { [Partner.Id] = Partner, [Other.Id] = Other };

    static ShowcaseState Published()
    {
        var state = new ShowcaseState();
        state.Publish(Guid.NewGuid(), Publisher.Id, ShowcaseRules.Normalize(Details, Publisher.Id, Known, 2026).Value!, Now);
        return state;
    }

    [Fact]
    public void Valid_details_are_normalised()
    {
        var details = ShowcaseRules.Normalize(Details, Publisher.Id, Known, 2026).Value!;

        details.Value.Should().Be(new Money(1_250_000.50m, "EUR"));
        details.Cpv.Should().Equal("45210000-2");
    }

    [Fact]
    public void Every_invalid_field_is_named()
    {
        var bad = new ShowcaseDetails("X", null, null, 2031, new Money(-1, "euro"), ["99999999"], [Publisher.Id, Guid.NewGuid()]);

        ShowcaseRules.Normalize(bad, Publisher.Id, Known, 2026).Problem!.Errors!.Keys.Should().BeEquivalentTo(
            "title", "year", "value.amount", "value.currency", "cpv[0]", "partners[0]", "partners[1]");
    }

    [Fact]
    public void A_joint_project_needs_a_partner() =>
        ShowcaseRules.Normalize(Details with { Partners = [] }, Publisher.Id, Known, 2026).Problem!.Errors!.Keys.Should().Equal("partners");

    [Fact]
    public void A_project_is_verified_only_when_every_partner_confirms_the_current_version()
    {
        var state = Published();
        state.ToSnapshot().Verified.Should().BeFalse();

        state.Answer(new AnswerShowcase(PartnerOwner, Partner.Id, true, state.Version, null), Now);
        state.ToSnapshot().Verified.Should().BeTrue();

        state.Apply(Details with { Title = "Scuola primaria Gianni Rodari" }, Now);
        state.ToSnapshot().Verified.Should().BeFalse("an edit asks the partners again");
    }

    [Fact]
    public void Only_the_partner_answers_for_itself_and_only_for_the_current_version()
    {
        var state = Published();

        state.CheckAnswer(new AnswerShowcase(PublisherOwner, Partner.Id, true, state.Version, null), Partner)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckAnswer(new AnswerShowcase(Stranger, Other.Id, true, state.Version, null), Other)!.Errors!.Keys.Should().Equal("partnerId");
        state.CheckAnswer(new AnswerShowcase(PartnerOwner, Partner.Id, true, state.Version - 1, null), Partner)!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckAnswer(new AnswerShowcase(PartnerOwner, Partner.Id, false, state.Version, "Non abbiamo partecipato"), Partner).Should().BeNull();
    }

    [Fact]
    public void Only_the_publisher_edits() =>
        Published().CheckEdit(new EditShowcase(PartnerOwner, 1, Details), Publisher)!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Endorsements_need_a_shared_verified_project_and_no_self_or_duplicate()
    {
        var state = Published();
        var project = state.ToSnapshot();
        var endorse = new Endorse(PartnerOwner, project.Id, "Ottimi partner");
        var endorsement = new EndorsementState();

        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, project)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.Answer(new AnswerShowcase(PartnerOwner, Partner.Id, true, state.Version, null), Now);
        var verified = state.ToSnapshot();

        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, verified).Should().BeNull();
        endorsement.CheckEndorse(endorse with { ActorId = Stranger }, Other.Id, Publisher.Id, Other, verified)!.Kind.Should().Be(ProblemKind.Forbidden);
        endorsement.CheckEndorse(endorse, Partner.Id, Partner.Id, Partner, verified)!.Errors!.Keys.Should().Equal("endorserFirmId");
        endorsement.Endorse(endorse, Partner.Id, Publisher.Id, Now);
        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, verified)!.Kind.Should().Be(ProblemKind.Conflict);
    }
}
