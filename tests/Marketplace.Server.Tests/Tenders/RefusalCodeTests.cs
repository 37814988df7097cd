using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class RefusalCodeTestsOnSqlite(ClockedSqliteHost fixture) : RefusalCodeTests<ClockedSqliteHost>(fixture);

/// <summary>
/// Tenders, bids and alliances refuse with a code and the arguments its text needs, which the client translates:
/// the user is told the true reason in their language, never a guess from English text.
/// </summary>
public abstract class RefusalCodeTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    [Fact]
    public async Task A_tender_s_refusals_name_their_reason_and_each_invalid_field_its_own()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var invalid = await (await w.Buyer.PostAsJsonAsync("/api/tenders", w.Request() with { Title = "x", Criteria = [] }, Json)).Refusal();
        invalid.Status.Should().Be(HttpStatusCode.BadRequest);
        invalid.Code.Should().Be(Problem.InvalidFields.Code);
        invalid.FieldCodes.Should().ContainKey("title").WhoseValue.Should().Equal("tender.title");
        invalid.FieldCodes.Should().ContainKey("criteria").WhoseValue.Should().Equal("tender.criteriaCount");

        var tender = await w.Publish();
        var notTheBuyer = await (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new TextRequest("Non serve"), Json)).Refusal();
        notTheBuyer.Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "tender.notTheBuyer" });

        w.PassTo(tender.EnquiryDeadline);
        var late = await (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Tardi?"), Json)).Refusal();
        late.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.enquiriesClosed" });
    }

    [Fact]
    public async Task A_bid_is_told_which_deadline_and_which_firm_it_fails_on()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();

        var early = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).Refusal();
        early.Code.Should().Be("bid.tooEarly");
        DateTimeOffset.Parse(early.Args["deadline"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(tender.EnquiryDeadline,
            "the client shows the instant in the user's time zone and language");

        w.PassTo(tender.EnquiryDeadline);
        var notTheBidder = await (await w.Bid(w.Coder, tender.Id, w.BuilderId, 700_000m)).Refusal();
        notTheBidder.Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "bid.notTheBidder" });
        var outside = await (await w.Bid(w.Outsider, tender.Id, w.OutsiderId, 700_000m)).Refusal();
        outside.Code.Should().Be("bid.firmNotEligible");
        outside.Args.Should().Equal(new Dictionary<string, string> { ["firm"] = "Neri Edilizia" });

        w.PassTo(tender.SubmissionDeadline);
        var closed = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).Refusal();
        closed.Code.Should().Be("bid.deadlinePassed");
        DateTimeOffset.Parse(closed.Args["deadline"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(tender.SubmissionDeadline);
    }

    [Fact]
    public async Task An_alliance_tells_a_member_it_is_not_the_lead_an_outsider_nothing_and_a_late_joiner_the_current_terms()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Rodari", "Accordo"), Json)).Read<AllianceDto>();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(w.CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/agreement", new TextRequest("Accordo, quote 60/40"), Json)).EnsureSuccessStatusCode();

        var oldTerms = await (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).Refusal();
        oldTerms.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.agreementVersion" });
        oldTerms.Args.Should().Equal(new Dictionary<string, string> { ["version"] = "2" });
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 2), Json)).EnsureSuccessStatusCode();

        var notTheLead = await (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(w.OutsiderId, AllianceRole.Member), Json)).Refusal();
        notTheLead.Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "alliance.notTheLead" });
        var outsider = await (await w.Outsider.GetAsync($"/api/alliances/{alliance.Id}")).Refusal();
        outsider.Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "alliance.notVisible" });
    }
}
