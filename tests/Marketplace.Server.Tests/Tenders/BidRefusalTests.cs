using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class BidRefusalTestsOnSqlite(ClockedSqliteHost fixture) : BidRefusalTests<ClockedSqliteHost>(fixture);

public sealed class BidRefusalTestsOnPostgres(ClockedPostgresHost fixture) : BidRefusalTests<ClockedPostgresHost>(fixture);

/// <summary>Someone who does not act for a bidder hears the same refusal whatever that bidder has done or is.</summary>
public abstract class BidRefusalTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<(HttpStatusCode Status, string Body)> Answer(Task<HttpResponseMessage> request) => await (await request).Told();

    [Fact]
    public async Task Withdrawing_another_firm_s_bid_answers_the_same_whether_it_has_bid_is_an_alliance_or_nothing_at_all()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var alliance = await (await w.Coder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.CoderId, w.SpaceId, tender.Id, "RTI Verdi", "Accordo"), Json)).Read<AllianceDto>();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();

        var hasBid = await Answer(w.Outsider.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}"));
        var hasNot = await Answer(w.Outsider.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.CoderId}"));
        var anAlliance = await Answer(w.Outsider.DeleteAsync($"/api/tenders/{tender.Id}/bids/{alliance.Id}"));
        var nothing = await Answer(w.Outsider.DeleteAsync($"/api/tenders/{tender.Id}/bids/{Guid.NewGuid()}"));

        hasBid.Status.Should().Be(HttpStatusCode.Forbidden);
        new[] { hasNot, anAlliance, nothing }.Should().AllBeEquivalentTo(hasBid);
        (await w.Builder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json))!.Status.Should().Be(Marketplace.Tenders.BidStatus.Submitted);
    }

    [Fact]
    public async Task Submitting_for_a_firm_one_does_not_act_for_answers_the_same_whether_it_is_a_member_of_the_space()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);

        // The IT firm's person, for the building firm (a member of the members-only space) and for the firm outside it.
        var member = await Answer(w.Bid(w.Coder, tender.Id, w.BuilderId, 700_000m));
        var notMember = await Answer(w.Bid(w.Coder, tender.Id, w.OutsiderId, 700_000m));

        member.Status.Should().Be(HttpStatusCode.Forbidden);
        notMember.Should().Be(member);
        (await w.Bid(w.Outsider, tender.Id, w.OutsiderId, 700_000m)).StatusCode.Should().Be(HttpStatusCode.Forbidden,
            "the firm's own people are told it is not a member: that is theirs to know");
    }

    [Fact]
    public async Task An_outsider_hears_the_same_about_an_alliance_that_exists_and_one_that_does_not()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Rossi", "Accordo"), Json)).Read<AllianceDto>();

        foreach (var path in new[] { "leave", "accept-agreement" })
        {
            var real = await Answer(w.Outsider.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.BuilderId}/{path}", new VersionRequest(1), Json));
            var none = await Answer(w.Outsider.PostAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/firms/{w.BuilderId}/{path}", new VersionRequest(1), Json));
            none.Should().Be(real, path);
            real.Status.Should().Be(HttpStatusCode.NotFound);
        }
        var realBid = await Answer(w.Outsider.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/sign", new SignRequest(w.OutsiderId, "x"), Json));
        var noBid = await Answer(w.Outsider.PostAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/bid/sign", new SignRequest(w.OutsiderId, "x"), Json));
        noBid.Should().Be(realBid);
    }
}
