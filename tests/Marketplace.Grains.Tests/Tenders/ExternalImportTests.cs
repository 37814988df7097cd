using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>The rules of an external opportunity: imported by a space's admins, amended by a later import, never bid for here.</summary>
public sealed class ExternalImportTests
{
    const string Ocid = "ocds-x7k2p9-mo-2026-0118";

    static ImportOpportunity Command(TenderDetails details, string[] lotIds, string release = "r1", Guid? actor = null) =>
        new(actor ?? AdminUser, Space, Ocid, "Comune di Modena", "https://gare.comune-modena.example/bandi/2026-0118", "Osservatorio", details, lotIds, release);

    static TenderDetails Published(DateTimeOffset? submission = null, params Lot[] lots) => Details(Now.AddDays(-1), submission ?? SubmissionDeadline) with
    {
        Lots = lots.Length > 0 ? lots : [NewLot("Involucro", "45214200")],
        Criteria = [new AwardCriterion(0, "priceOnly", CriterionKind.Price, 100)],
        ContractStart = null, ContractEnd = null,
    };

    static readonly Guid Id = ExternalOpportunities.TenderId(Space, Ocid);

    static TenderState Imported(ImportOpportunity command)
    {
        var state = new TenderState();
        state.Import(Id, command, state.CheckImport(Id, command, true, Now).Value!, Now);
        return state;
    }

    [Fact]
    public void Only_an_admin_of_the_space_imports_and_is_told_so_before_anything_else()
    {
        var command = Command(Published(), ["LOT-1"]);

        new TenderState().CheckImport(Id, command, actorIsAdmin: false, Now).Problem!.Code.Should().Be("space.notAdmin");
        new TenderState().CheckImport(Id, command with { Details = Published(Now.AddDays(-2)) }, actorIsAdmin: false, Now).Problem!.Code
            .Should().Be("space.notAdmin", "whoever is no admin learns nothing of the package's faults");
    }

    [Fact]
    public void An_import_publishes_at_once_with_nobody_acting_for_the_buyer_here()
    {
        var state = Imported(Command(Published(), ["LOT-1"]));

        state.Status.Should().Be(TenderStatus.Tendering, "its enquiry period is over");
        state.PublishedAt.Should().Be(Now);
        state.External!.Lots.Should().Equal(new ExternalLot("LOT-1", 1));
        state.CheckAnswer(new AnswerQuestion(BuyerOwner, 1, "Sì"), Outsider).Should().NotBeNull("no one here acts for an external buyer");
    }

    [Fact]
    public void A_deadline_already_past_is_refused()
    {
        var command = Command(Published(Now.AddMinutes(-1)), ["LOT-1"]);
        new TenderState().CheckImport(Id, command, true, Now).Problem!.Errors!.Keys.Should().Equal("submissionDeadline");
    }

    [Fact]
    public void A_lot_named_again_keeps_its_number_and_a_new_lot_takes_the_next()
    {
        var state = Imported(Command(Published(null, NewLot("Involucro", "45214200"), NewLot("Impianti", "45331000")), ["A", "B"]));

        var again = Command(Published(SubmissionDeadline.AddDays(7), NewLot("Telegestione", "72267000"), NewLot("Involucro", "45214200")), ["C", "A"], "r2");
        var details = state.CheckImport(Id, again, true, Now).Value!;
        state.ImportChanges(again, details).Should().BeTrue();
        state.Import(Id, again, details, Now);

        state.Details!.Lots.Select(l => (l.Number, l.Title)).Should().Equal([(3, "Telegestione"), (1, "Involucro")], "lot 2 is gone, and its number is never reused");
        state.Amendments.Should().ContainSingle().Which.Summary.Should().Be("r2");
        state.Details.SubmissionDeadline.Should().Be(SubmissionDeadline.AddDays(7));
    }

    [Fact]
    public void The_same_package_again_changes_nothing()
    {
        var command = Command(Published(), ["LOT-1"]);
        var state = Imported(command);

        state.ImportChanges(command, state.CheckImport(Id, command, true, Now).Value!).Should().BeFalse();
    }

    [Fact]
    public void No_bid_or_question_is_taken_here_whoever_asks()
    {
        var state = Imported(Command(Published(), ["LOT-1"]));
        var firm = Member(Firm);
        var acting = new Marketplace.Businesses.ActingFor(new Dictionary<Guid, Marketplace.Businesses.BusinessRole> { [Firm.Id] = Marketplace.Businesses.BusinessRole.Owner });

        state.CheckAdmit(acting, [new Tenderer(Firm.Id, TendererRole.Lead)], [firm], Now)!.Code.Should().Be("tender.externalBids");
        state.CheckAdmit(Marketplace.Businesses.ActingFor.Nobody, [new Tenderer(Firm.Id, TendererRole.Lead)], [firm], Now)!.Code
            .Should().Be(TenderRules.NotTheBidder.Code, "someone who does not act for the firm is told that first");
    }

    [Fact]
    public void At_its_deadline_it_closes_here_without_opening_anything()
    {
        var state = Imported(Command(Published(), ["LOT-1"]));

        state.CatchUp(SubmissionDeadline.AddMinutes(1), TimeSpan.FromSeconds(10)).Should().BeTrue();

        state.Status.Should().Be(TenderStatus.Complete, "its bids went to the buyer's platform");
        state.Decisions.Should().BeEmpty("no lot is said to have had no bids: we never saw them");
    }

    [Fact]
    public void A_tender_published_here_is_never_changed_by_an_import()
    {
        var native = Drafted();
        var command = Command(Published(), ["LOT-1"]);
        native.CheckImport(native.Id, command, true, Now).Problem!.Code.Should().Be("tender.notExternal");
    }
}
