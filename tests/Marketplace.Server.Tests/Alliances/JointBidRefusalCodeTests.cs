using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidRefusalCodeTestsOnSqlite(ClockedSqliteHost fixture) : JointBidRefusalCodeTests<ClockedSqliteHost>(fixture);

/// <summary>
/// A joint bid the lead may not submit says why, one code per reason, so the lead is told the true one (not a list
/// of everything that might be wrong).
/// </summary>
public abstract class JointBidRefusalCodeTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
        public string Alliance => $"/api/alliances/{AllianceId}";
    }

    /// <summary>The builder leads, the IT firm joins as member, while the tender is still in its enquiry period.</summary>
    async Task<Team> Formed()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        return new Team(w, tender, allianceId);
    }

    static async Task<JointBidDto> Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        response.EnsureSuccessStatusCode();
        return await response.Read<JointBidDto>();
    }

    /// <summary>A package per firm (the IT firm's on lot 2), and the quality answer unless left out.</summary>
    static async Task<JointBidDto> Drafted(Team t, bool answered = true)
    {
        var w = t.World;
        var bid = await Ok(w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json));
        bid = await Ok(w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Cablaggio", 2, null, w.CoderId, new MoneyDto(150_000m, "EUR")), Json));
        return answered ? await Ok(w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)) : bid;
    }

    static async Task SignedByBoth(Team t, JointBidDto bid)
    {
        await Ok(t.World.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.World.BuilderId, bid.Digest), Json));
        await Ok(t.World.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.World.CoderId, bid.Digest), Json));
    }

    static async Task<Refused> Submit(Team t, HttpClient? who = null) => await (await (who ?? t.World.Builder).PostAsync($"{t.Bid}/submit", null)).Refusal();

    [Fact]
    public async Task Only_the_lead_submits_and_nothing_unsigned_is_submitted()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        w.PassTo(t.Tender.EnquiryDeadline);

        (await Submit(t, w.Coder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "jointBid.notTheLeadToSubmit" });
        var unsigned = await Submit(t);
        unsigned.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "jointBid.unsigned" });
        unsigned.Args.Should().Equal(new Dictionary<string, string> { ["count"] = "2" });
        (await (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, "an old digest"), Json)).Refusal()).Code.Should().Be("jointBid.signChanged");
        await SignedByBoth(t, bid);
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task New_terms_not_yet_accepted_by_a_member_are_the_reason_given()
    {
        var t = await Formed();
        var w = t.World;
        await SignedByBoth(t, await Drafted(t));
        (await w.Builder.PostAsJsonAsync($"{t.Alliance}/agreement", new TextRequest("Accordo, quote 80/20"), Json)).EnsureSuccessStatusCode();
        w.PassTo(t.Tender.EnquiryDeadline);

        var refused = await Submit(t);

        refused.Code.Should().Be("jointBid.agreementNotAccepted");
        refused.Args.Should().Equal(new Dictionary<string, string> { ["version"] = "2" });
    }

    [Fact]
    public async Task A_package_for_a_lot_the_amendment_removed_is_the_reason_given()
    {
        var t = await Formed();
        var w = t.World;
        await SignedByBoth(t, await Drafted(t));
        var tender = t.Tender;
        var onlyLot1 = new AmendTenderRequest(tender.Version, "Il lotto 2 è stralciato", true, tender.Title, tender.Description,
            [.. tender.Lots.Where(l => l.Number == 1).Select(l => new LotRequest(l.Number, l.Title, l.Description, [.. l.Cpv.Select(c => c.Code)], l.EstimatedValue, l.ComuneCode))],
            tender.Eligibility, [.. tender.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))], tender.EnquiryDeadline,
            tender.SubmissionDeadline, tender.ContractStart, tender.ContractEnd, false, null);
        var amended = await (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", onlyLot1, Json)).Read<TenderDto>();
        w.PassTo(amended.EnquiryDeadline);

        (await Submit(t)).Code.Should().Be("jointBid.removedLot");
    }

    [Fact]
    public async Task Work_of_a_firm_that_left_is_the_reason_given()
    {
        var t = await Formed();
        var w = t.World;
        await Drafted(t);
        (await w.Coder.PostAsJsonAsync($"{t.Alliance}/firms/{w.CoderId}/leave", new { }, Json)).EnsureSuccessStatusCode();
        w.PassTo(t.Tender.EnquiryDeadline);
        var current = await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json);
        await Ok(w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, current!.Digest), Json));

        (await Submit(t)).Code.Should().Be("jointBid.departedFirm");
    }

    [Fact]
    public async Task An_unanswered_quality_criterion_is_the_reason_given()
    {
        var t = await Formed();
        await SignedByBoth(t, await Drafted(t, answered: false));
        t.World.PassTo(t.Tender.EnquiryDeadline);

        (await Submit(t)).Code.Should().Be("jointBid.unanswered");
    }
}
