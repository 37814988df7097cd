using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>Soccorso istruttorio: 5 to 10 days to answer, answered once by the bid's lead firm, lapsed after the deadline and recorded so at it.</summary>
public sealed class TenderSoccorsoTests
{
    static readonly Guid LeadFirm = Guid.NewGuid(), MemberFirm = Guid.NewGuid(), Rti = Guid.NewGuid();

    /// <summary>An RTI's bid: the alliance bids, with its lead and a member as tenderers.</summary>
    static readonly OpenedBid RtiBid = new(Guid.NewGuid(), Rti, [new Tenderer(LeadFirm, TendererRole.Lead), new Tenderer(MemberFirm, TendererRole.Member)],
        [new LotPrice(1, new Money(40_000m, "EUR"))], new string('a', 64), Now.AddDays(11));

    static RequestSoccorso Asking(DateTimeOffset deadline, string subject = "Manca il DGUE della mandante") => new(BuyerOwner, RtiBid.BidId, subject, deadline);

    static AnswerSoccorso Answering(int number = 1, string text = "DGUE allegato") => new(FirmOwner, Rti, number, text, null);

    static TenderState Asked()
    {
        var state = Evaluating(RtiBid, Bid(Now.AddDays(12), (1, 50_000m)));
        state.RequestSoccorso(Asking(OpenedAt.AddDays(7)), OpenedAt);
        return state;
    }

    [Fact]
    public void The_deadline_is_five_to_ten_days_away()
    {
        var state = Evaluating(RtiBid);

        state.CheckRequestSoccorso(Asking(OpenedAt.AddDays(5)), BuyerEditor, OpenedAt).Should().BeNull();
        state.CheckRequestSoccorso(Asking(OpenedAt.AddDays(10)), BuyerEditor, OpenedAt).Should().BeNull();
        state.CheckRequestSoccorso(Asking(OpenedAt.AddDays(10).AddSeconds(1)), BuyerEditor, OpenedAt)!.Errors.Should().ContainKey("deadline");
        state.CheckRequestSoccorso(Asking(OpenedAt.AddDays(5).AddSeconds(-1)), BuyerEditor, OpenedAt)!.Errors.Should().ContainKey("deadline");
        state.CheckRequestSoccorso(Asking(OpenedAt.AddDays(-1)), BuyerEditor, OpenedAt)!.Errors.Should().ContainKey("deadline");
    }

    [Fact]
    public void Only_the_buyer_asks_and_before_looking_at_what_is_asked()
    {
        var state = Evaluating(RtiBid);

        state.CheckRequestSoccorso(Asking(OpenedAt.AddYears(1), ""), Outsider, OpenedAt)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckRequestSoccorso(Asking(OpenedAt.AddYears(1), ""), UnmandatedAdmin, OpenedAt)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckRequestSoccorso(Asking(OpenedAt.AddDays(6)), Admin, OpenedAt).Should().BeNull("the admins the buyer mandated act for it");
    }

    [Fact]
    public void Only_the_lead_firm_s_editors_answer_and_anyone_else_learns_nothing_of_the_requests()
    {
        var state = Asked();
        bool LeadOnly(Guid firm) => firm == LeadFirm;
        bool MemberOnly(Guid firm) => firm == MemberFirm;

        state.CheckAnswerSoccorso(Answering(), LeadOnly, OpenedAt).Should().BeNull();
        state.CheckAnswerSoccorso(Answering(), MemberOnly, OpenedAt)!.Code.Should().Be("tender.soccorsoNotTheLead");
        state.CheckAnswerSoccorso(Answering(number: 7), MemberOnly, OpenedAt)!.Code.Should().Be("tender.soccorsoNotTheLead",
            "who may answer is judged before whether the request exists");
        state.CheckAnswerSoccorso(Answering(number: 7), LeadOnly, OpenedAt)!.Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void An_answer_is_given_once_and_leaves_the_opened_bid_as_it_was()
    {
        var state = Asked();
        state.AnswerSoccorso(Answering(), OpenedAt.AddDays(1));

        state.CheckAnswerSoccorso(Answering(text: "di nuovo"), _ => true, OpenedAt.AddDays(2))!.Code.Should().Be("tender.soccorsoAnswered");
        state.Bids.Single(b => b.BidId == RtiBid.BidId).Should().Be(RtiBid);
        state.History.Last().Should().BeEquivalentTo(new { Kind = "SoccorsoAnswered" });
        state.History.Last().Detail.Should().NotContain("DGUE");
    }

    [Fact]
    public void A_request_lapses_at_its_deadline_and_the_chain_records_it_dated_then_once()
    {
        var state = Asked();
        var deadline = state.Soccorsi.Single().Deadline;

        state.CheckAnswerSoccorso(Answering(), _ => true, deadline)!.Code.Should().Be("tender.soccorsoLapsed");
        state.CatchUp(deadline.AddDays(3)).Should().BeTrue();
        state.CatchUp(deadline.AddDays(4)).Should().BeFalse("the lapse is recorded once");
        state.History.Last().Should().BeEquivalentTo(new { Kind = "SoccorsoLapsed", Detail = "number=1", At = deadline });
        state.Soccorsi.Single().StatusAt(deadline).Should().Be(SoccorsoStatus.Lapsed);
    }

    [Fact]
    public void A_withdrawn_request_neither_lapses_nor_takes_an_answer()
    {
        var state = Asked();
        state.CheckWithdrawSoccorso(new WithdrawSoccorso(BuyerOwner, 1), Outsider, OpenedAt)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.WithdrawSoccorso(new WithdrawSoccorso(BuyerOwner, 1), OpenedAt.AddHours(1));

        state.CheckAnswerSoccorso(Answering(), _ => true, OpenedAt.AddHours(2))!.Code.Should().Be("tender.soccorsoWithdrawn");
        state.CatchUp(OpenedAt.AddDays(30)).Should().BeFalse();
    }
}
