using Marketplace.Businesses;
using static Marketplace.Grains.Tests.Businesses.Acting;
using Marketplace.Grains.Tests.Spaces;
using Marketplace.Showcase;
using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Showcase;

public sealed class ShowcaseRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid PublisherOwner = Guid.NewGuid(), PartnerOwner = Guid.NewGuid(), Stranger = Guid.NewGuid(), Secretary = Guid.NewGuid();
    static readonly SpaceSnapshot Space = SpaceStateTests.Created().ToSnapshot();
    /// <summary>An admin of a space both firms belong to.</summary>
    static readonly AssociationCheck Association = new(Space, true, true);
    static readonly BusinessSnapshot Publisher = Firm(PublisherOwner), Partner = Firm(PartnerOwner), Other = Firm(Stranger);

    static BusinessSnapshot Firm(Guid owner, BusinessKind kind = BusinessKind.Firm) =>
        new(Guid.NewGuid(), kind, BusinessProfile.Named("Impresa"), [new BusinessMember(owner, BusinessRole.Owner)], 1, Now, Now, []);

    static ShowcaseDetails Details => new("Scuola primaria Rodari", "Ristrutturazione", "Comune di Bologna", 2024,
        new Money(1_250_000.50m, "eur"), ["45210000"], [Partner.Id]);

    static Dictionary<Guid, BusinessSnapshot> Known => new() { [Partner.Id] = Partner, [Other.Id] = Other };

    static ShowcaseState Published()
    {
        var state = new ShowcaseState();
        state.Publish(Guid.NewGuid(), Publisher.Id, ShowcaseRules.Normalize(Details, Publisher.Id, Known, 2026).Value!, null, Now);
        return state;
    }

    static VerifyShowcase Verify(ShowcaseState state) => new(Secretary, Space.Id, state.Version);

    static ShowcaseState Confirmed()
    {
        var state = Published();
        state.Answer(new AnswerShowcase(PartnerOwner, Partner.Id, true, state.Version, null), Now);
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
    public void Partners_confirmations_alone_do_not_verify_a_project_the_hosting_association_does()
    {
        var state = Confirmed();
        state.ToSnapshot().Verified.Should().BeFalse("a cooperating partner's word is not verification");

        state.CheckVerify(Verify(state), Association).Should().BeNull();
        state.Verify(Verify(state), Space.HostId, Now);
        state.ToSnapshot().Verification.Should().BeEquivalentTo(new ShowcaseVerification(ShowcaseVerifier.Association, Space.Id, Space.HostId, Secretary, Now));

        state.Apply(Details with { Title = "Scuola primaria Gianni Rodari" }, Now);
        state.ToSnapshot().Verified.Should().BeFalse("an edit asks the partners and the association again");
    }

    [Fact]
    public void The_association_verifies_only_what_every_partner_confirmed_and_a_partner_that_declines_takes_it_back()
    {
        var pending = Published();
        pending.CheckVerify(Verify(pending), Association)!.Kind.Should().Be(ProblemKind.Conflict);

        var state = Confirmed();
        state.Verify(Verify(state), Space.HostId, Now);
        state.Answer(new AnswerShowcase(PartnerOwner, Partner.Id, false, state.Version, "Non era nostro"), Now);
        state.ToSnapshot().Verified.Should().BeFalse();
    }

    [Fact]
    public void Only_an_admin_of_a_space_every_firm_belongs_to_verifies()
    {
        var state = Confirmed();

        state.CheckVerify(Verify(state), Association with { ActorIsAdmin = false })!.Kind.Should().Be(ProblemKind.Forbidden);
        var elsewhere = state.CheckVerify(Verify(state), Association with { AllFirmsMembers = false })!;
        elsewhere.Kind.Should().Be(ProblemKind.Forbidden);
        elsewhere.Detail.Should().Contain(Space.Settings.Name);
        new ShowcaseState().CheckVerify(new VerifyShowcase(Stranger, Space.Id, 1), Association with { ActorIsAdmin = false })!.Kind
            .Should().Be(ProblemKind.Forbidden, "an outsider gets the same answer whether the project exists or not");
        state.CheckVerify(Verify(state) with { Version = state.Version - 1 }, Association)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_won_project_is_verified_by_its_award_for_the_winning_bid_s_firms_only_and_is_not_edited()
    {
        var tender = Guid.NewGuid();
        var buyer = Guid.NewGuid();
        var details = ShowcaseRules.Normalize(Details, Publisher.Id, Known, 2026).Value!;
        var command = new PublishShowcase(PublisherOwner, Publisher.Id, details, new ShowcaseAward(tender, Guid.NewGuid()));

        ShowcaseState.CheckAward(command, buyer, null, Now).Problem!.Errors!.Keys.Should().Equal("award");
        ShowcaseState.CheckAward(command, buyer, [Publisher.Id], Now).Problem!.Errors!.Keys.Should().Equal("partners");
        var award = ShowcaseState.CheckAward(command, buyer, [Publisher.Id, Partner.Id], Now).Value!;

        var state = new ShowcaseState();
        state.Publish(Guid.NewGuid(), Publisher.Id, details, award, Now);
        state.ToSnapshot().Verification.Should().BeEquivalentTo(new { By = ShowcaseVerifier.Award, SourceId = tender, VerifierId = buyer });
        state.CheckEdit(new EditShowcase(PublisherOwner, state.Version, Details), As(PublisherOwner, Publisher))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Only_the_partner_answers_for_itself_and_only_for_the_current_version()
    {
        var state = Published();

        state.CheckAnswer(new AnswerShowcase(PublisherOwner, Partner.Id, true, state.Version, null), As(PublisherOwner, Partner))!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckAnswer(new AnswerShowcase(Stranger, Other.Id, true, state.Version, null), As(Stranger, Other))!.Errors!.Keys.Should().Equal("partnerId");
        state.CheckAnswer(new AnswerShowcase(PartnerOwner, Partner.Id, true, state.Version - 1, null), As(PartnerOwner, Partner))!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckAnswer(new AnswerShowcase(PartnerOwner, Partner.Id, false, state.Version, "Non abbiamo partecipato"), As(PartnerOwner, Partner)).Should().BeNull();
    }

    [Fact]
    public void Only_the_publisher_edits() =>
        Published().CheckEdit(new EditShowcase(PartnerOwner, 1, Details), As(PartnerOwner, Publisher))!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Only_the_firm_s_owners_and_managers_publish_its_projects_and_only_a_firm_publishes()
    {
        var details = ShowcaseRules.Normalize(Details, Publisher.Id, Known, 2026).Value!;
        var publish = new PublishShowcase(PublisherOwner, Publisher.Id, details, null);

        new ShowcaseState().CheckPublish(publish, Publisher, As(PublisherOwner, Publisher)).Should().BeNull();
        new ShowcaseState().CheckPublish(publish with { ActorId = PartnerOwner }, Publisher, As(PartnerOwner, Publisher))!.Code.Should().Be("showcase.notPublisherEditor");
        var association = Firm(Secretary, BusinessKind.Association);
        new ShowcaseState().CheckPublish(publish with { ActorId = Secretary, PublisherId = association.Id }, association, As(Secretary, association))!
            .Errors!.Keys.Should().Equal("firmId");
        Published().CheckPublish(publish, Publisher, As(PublisherOwner, Publisher))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Only_the_endorsing_firm_s_owners_and_managers_withdraw_its_endorsement()
    {
        var endorsement = new EndorsementState();
        endorsement.CheckWithdraw(Partner.Id, As(PartnerOwner, Partner))!.Code.Should().Be("endorsement.notFound");
        endorsement.Endorse(new Endorse(PartnerOwner, Guid.NewGuid(), null), Partner.Id, Publisher.Id, Now);

        endorsement.CheckWithdraw(Partner.Id, As(PublisherOwner, Partner))!.Code.Should().Be("endorsement.notWithdrawer");
        endorsement.CheckWithdraw(Partner.Id, As(PartnerOwner, Partner)).Should().BeNull();
    }

    [Fact]
    public void Endorsements_need_a_shared_verified_project_and_no_self_or_duplicate()
    {
        var state = Published();
        var project = state.ToSnapshot();
        var endorse = new Endorse(PartnerOwner, project.Id, "Ottimi partner");
        var endorsement = new EndorsementState();

        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), project)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.Answer(new AnswerShowcase(PartnerOwner, Partner.Id, true, state.Version, null), Now);
        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), state.ToSnapshot())!.Kind.Should().Be(ProblemKind.Forbidden,
            "a made-up project confirmed by a cooperating partner is not verified joint work");
        state.Verify(Verify(state), Space.HostId, Now);
        var verified = state.ToSnapshot();

        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), verified).Should().BeNull();
        endorsement.CheckEndorse(endorse with { ActorId = Stranger }, Other.Id, Publisher.Id, Other, As(Stranger, Other), verified)!.Kind.Should().Be(ProblemKind.Forbidden);
        endorsement.CheckEndorse(endorse, Partner.Id, Partner.Id, Partner, As(PartnerOwner, Partner), verified)!.Errors!.Keys.Should().Equal("endorserFirmId");
        endorsement.Endorse(endorse, Partner.Id, Publisher.Id, Now);
        endorsement.CheckEndorse(endorse, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), verified)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_project_offers_its_partner_s_owners_the_answer_and_its_publisher_s_owners_the_edit()
    {
        var state = Published();
        var viewer = new ActingFor(new Dictionary<Guid, BusinessRole> { [Partner.Id] = BusinessRole.Viewer });

        state.ViewFor(PartnerOwner, As(PartnerOwner, Partner, Publisher)).Should().BeEquivalentTo(new
        {
            Actions = new { Allowed = Array.Empty<ShowcaseAction>(), Blocked = Array.Empty<object>() },
            Firms = new[] { new { FirmId = Partner.Id, Actions = new { Allowed = new[] { ShowcasePartnerAction.Answer } } } },
        });
        state.ViewFor(PublisherOwner, As(PublisherOwner, Partner, Publisher)).Should().BeEquivalentTo(new
        {
            Actions = new { Allowed = new[] { ShowcaseAction.Edit } },
            Firms = Array.Empty<object>(),
        });
        state.ViewFor(Stranger, viewer).Firms.Should().ContainSingle().Which.Actions.Should().BeEquivalentTo(ViewerActions<ShowcasePartnerAction>.None,
            "a firm's Viewer answers for nothing");
        state.ViewFor(Stranger, As(Stranger, Other)).Should().BeEquivalentTo(new ShowcaseViewerActions(ViewerActions<ShowcaseAction>.None, []));
    }

    [Fact]
    public void A_firm_that_shares_a_verified_project_is_offered_to_endorse_naming_it_and_then_told_it_already_does()
    {
        var state = Confirmed();
        var unverified = state.ToSnapshot();
        state.Verify(Verify(state), Space.HostId, Now);
        var verified = state.ToSnapshot();
        var endorsement = new EndorsementState();

        var (actions, projects) = endorsement.EndorseOptions(PartnerOwner, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), [unverified, verified]);
        (actions.Allowed, projects).Should().BeEquivalentTo((new[] { EndorserAction.Endorse }, new[] { verified }));
        endorsement.EndorseOptions(PartnerOwner, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), [unverified]).Actions
            .Should().BeEquivalentTo(ViewerActions<EndorserAction>.None, "no verified project is shared");
        endorsement.EndorseOptions(Stranger, Partner.Id, Publisher.Id, Partner, As(Stranger, Other), [verified]).Actions
            .Should().BeEquivalentTo(ViewerActions<EndorserAction>.None, "nobody endorses for a firm they do not manage");

        endorsement.Endorse(new Endorse(PartnerOwner, verified.Id, null), Partner.Id, Publisher.Id, Now);
        var again = endorsement.EndorseOptions(PartnerOwner, Partner.Id, Publisher.Id, Partner, As(PartnerOwner, Partner), [verified]);
        again.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = EndorserAction.Endorse, Code = "endorsement.alreadyEndorses" });
        again.Projects.Should().BeEmpty();
        endorsement.ActionsFor(Partner.Id, As(PartnerOwner, Partner)).Allowed.Should().Equal(EndorsementAction.Withdraw);
        endorsement.ActionsFor(Partner.Id, As(PublisherOwner, Publisher)).Should().BeEquivalentTo(ViewerActions<EndorsementAction>.None);
    }
}
