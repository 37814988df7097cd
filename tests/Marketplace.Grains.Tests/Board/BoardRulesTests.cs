using Marketplace.Board;
using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Board;

public class BoardRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    static PostDetails Details(DateOnly expiresOn) =>
        new(PostKind.Offer, "  Offriamo squadre edili  ", "Due squadre disponibili da marzo.", ["45210000"], "037006", null, expiresOn, null);

    [Theory]
    [InlineData(2026, 1, 15, "2026-01-15T23:00:00Z")] // CET: midnight in Rome is 23:00 UTC
    [InlineData(2026, 7, 15, "2026-07-15T22:00:00Z")] // CEST: 22:00 UTC
    public void A_post_expires_at_the_end_of_its_last_day_in_Italy(int year, int month, int day, string expected) =>
        BoardRules.ExpiresAt(new DateOnly(year, month, day)).Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void The_last_day_is_today_at_the_earliest_and_at_most_the_bound_ahead()
    {
        var today = BoardRules.Today(Now);

        BoardRules.Normalize(Details(today), Guid.NewGuid(), null, Now).Value!.Title.Should().Be("Offriamo squadre edili");
        BoardRules.Normalize(Details(today.AddDays(BoardRules.MaxDays)), Guid.NewGuid(), null, Now).Problem.Should().BeNull();
        BoardRules.Normalize(Details(today.AddDays(-1)), Guid.NewGuid(), null, Now).Problem!.Errors!.Keys.Should().Equal("expiresOn");
        BoardRules.Normalize(Details(today.AddDays(BoardRules.MaxDays + 1)), Guid.NewGuid(), null, Now).Problem!.Errors!.Keys.Should().Equal("expiresOn");
    }

    [Fact]
    public void A_title_is_one_line()
    {
        var details = Details(BoardRules.Today(Now)) with { Title = "Offriamo\nsquadre" };

        BoardRules.Normalize(details, Guid.NewGuid(), null, Now).Problem!.Errors!.Keys.Should().Equal("title");
    }

    [Fact]
    public void A_post_matches_a_firm_whose_trade_covers_one_of_its_codes_as_a_tender_s_lot_does()
    {
        BoardRules.Matches(["45214200"], ["45210000"], 3).Should().BeTrue();
        BoardRules.Matches(["45214200"], ["72000000"], 3).Should().BeFalse();
        BoardRules.Matches(["72260000", "45214200"], ["72000000"], 3).Should().BeTrue();
    }

    static (PostState Post, Guid Poster, Guid Other) OpenPost()
    {
        var (poster, other) = (Guid.NewGuid(), Guid.NewGuid());
        var post = new PostState();
        post.Publish(Guid.NewGuid(), new PublishPost(Guid.NewGuid(), Guid.NewGuid(), poster, Details(BoardRules.Today(Now))), Details(BoardRules.Today(Now)), false, Now);
        return (post, poster, other);
    }

    static BoardViewer Editor(Guid firm, bool member = true) =>
        new(new ActingFor(new Dictionary<Guid, BusinessRole> { [firm] = BusinessRole.Owner }), false, member ? new HashSet<Guid> { firm } : []);

    [Fact]
    public void Interest_is_judged_for_who_asks_before_the_post_s_state()
    {
        var (post, poster, other) = OpenPost();
        post.Close(Guid.NewGuid(), Now);
        var outsider = new BoardViewer(new ActingFor(new Dictionary<Guid, BusinessRole> { [other] = BusinessRole.Owner }), false, new HashSet<Guid>());

        post.CheckInterest(new ExpressInterest(Guid.NewGuid(), other, "Ciao"), outsider, false, Now)!.Code.Should().Be("board.notFound");
        post.CheckInterest(new ExpressInterest(Guid.NewGuid(), other, "Ciao"), Editor(other), true, Now)!.Code.Should().Be("board.closed");
        post.CheckInterest(new ExpressInterest(Guid.NewGuid(), poster, "Ciao"), Editor(poster), true, Now)!.Code.Should().Be("board.ownPost");
    }

    [Fact]
    public void An_interest_waits_for_its_answer_after_the_post_expired_but_not_once_the_admins_closed_it()
    {
        var (post, poster, other) = OpenPost();
        post.Interest(new ExpressInterest(Guid.NewGuid(), other, "Ciao"), Now);

        post.CheckAccept(other, Editor(poster), true).Should().BeNull();
        post.Moderate(new ModeratePost(Guid.NewGuid(), ModerationAction.Close, "Fuori tema"), Now);
        var admin = Editor(poster) with { IsAdmin = true };
        post.CheckAccept(other, admin, true)!.Should().BeEquivalentTo(new { Code = "board.closedByAdmin" }, o => o.ExcludingMissingMembers());
        post.CheckAccept(other, admin, true)!.Args["reason"].Should().Be("Fuori tema");
    }
}
