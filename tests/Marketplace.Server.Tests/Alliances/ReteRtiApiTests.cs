using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class ReteRtiApiTestsOnSqlite(ClockedSqliteHost fixture) : ReteRtiApiTests<ClockedSqliteHost>(fixture);

public sealed class ReteRtiApiTestsOnPostgres(ClockedPostgresHost fixture) : ReteRtiApiTests<ClockedPostgresHost>(fixture);

/// <summary>A rete d'impresa (standing alliance) forms an RTI for a tender of its space in one step, and lists the RTIs it formed.</summary>
public abstract class ReteRtiApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    const string ReteTerms = "Contratto di rete: programma comune di lavori pubblici in Emilia, fondo comune, organo comune.";

    /// <summary>A rete led by the builder, with the IT firm and a third firm of the space as its members; a tender of the space.</summary>
    sealed record Rete(TenderWorld World, TenderDto Tender, Guid Id, HttpClient Third, Guid ThirdId)
    {
        public string Rti => $"/api/alliances/{Id}/rti";
        public Task<HttpResponseMessage> Form(HttpClient client, Guid tenderId) => client.PostAsJsonAsync(Rti, new FormRtiRequest(tenderId), Json);
    }

    async Task<Rete> Formed()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var third = fixture.Host.Browser();
        await third.SignUp("bianchi");
        var thirdId = (await third.CreateBusiness("Bianchi Impianti")).Id;
        (await third.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(thirdId, null, 1), Json)).EnsureSuccessStatusCode();
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{thirdId}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
        var rete = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, null, "Rete Emilia Edilizia", ReteTerms), Json)).Read<AllianceDto>();
        foreach (var (client, firm) in new[] { (w.Coder, w.CoderId), (third, thirdId) })
        {
            (await w.Builder.PostAsJsonAsync($"/api/alliances/{rete.Id}/invitations", new AllianceInviteRequest(firm, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"/api/alliances/{rete.Id}/firms/{firm}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        }
        return new Rete(w, await w.Publish(), rete.Id, third, thirdId);
    }

    Task<int> Alliances() => fixture.Host.Query(db => db.Alliances.CountAsync());

    [Fact]
    public async Task The_rete_s_lead_forms_an_RTI_for_a_tender_in_one_step_and_each_member_firm_joins_only_by_accepting_it()
    {
        var r = await Formed();
        var w = r.World;
        var rete = (await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{r.Id}", Json))!;
        rete.Actions.Allowed.Should().Contain(AllianceAction.FormRti, "the lead's Owner leads the rete");
        (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{r.Id}", Json))!.Actions.Allowed.Should().NotContain(AllianceAction.FormRti);

        var formed = await r.Form(w.Builder, r.Tender.Id);

        formed.StatusCode.Should().Be(HttpStatusCode.Created, await formed.Content.ReadAsStringAsync());
        var rti = await formed.Read<AllianceDto>();
        rti.Should().BeEquivalentTo(new
        {
            Name = "Rete Emilia Edilizia – Riqualificazione scuola Rodari", Tender = new { r.Tender.Id }, Lead = new { Id = w.BuilderId },
            Agreement = new { Version = 1, Text = ReteTerms }, FormedFrom = new { Id = r.Id, Name = "Rete Emilia Edilizia" },
        });
        rti.Actions.Allowed.Should().NotContain(AllianceAction.FormRti, "an RTI forms no other RTI");
        rti.Members.Select(m => (m.FirmId, m.Role, m.Standing)).Should().BeEquivalentTo([
            (w.BuilderId, AllianceRole.Lead, AllianceStanding.Active),
            (w.CoderId, AllianceRole.Member, AllianceStanding.Invited),
            (r.ThirdId, AllianceRole.Member, AllianceStanding.Invited)], "nobody commits a firm to an RTI but the firm itself");
        (await w.Coder.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json)).Should().ContainSingle(i => i.Kind == ToDoKind.AllianceInvitation)
            .Which.Should().BeEquivalentTo(new { Alliance = new { rti.Id }, Tender = new { r.Tender.Id } });
        (await fixture.Host.Query(db => db.Notices.CountAsync(n => n.AllianceId == rti.Id))).Should().Be(2, "each invited firm's Owner may be told by e-mail");

        (await w.Coder.PostAsJsonAsync($"/api/alliances/{rti.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        (await r.Third.PostAsJsonAsync($"/api/alliances/{rti.Id}/firms/{r.ThirdId}/answer", new AllianceAnswerRequest(false, 1), Json)).EnsureSuccessStatusCode();
        var now = (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{rti.Id}", Json))!;
        now.Members.Select(m => (m.FirmId, m.Standing)).Should().BeEquivalentTo([(w.BuilderId, AllianceStanding.Active), (w.CoderId, AllianceStanding.Active)],
            "the firm that declined is out of this RTI, and still in the rete");
        (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{r.Id}", Json))!.Members.Should().HaveCount(3);
        (await r.Third.GetFromJsonAsync<ReteRtiDto[]>($"/api/alliances/{r.Id}/rtis", Json)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            rti.Id, rti.Name, Tender = new { r.Tender.Id, Name = r.Tender.Title }, Stage = ReteRtiStage.Bidding, LotsWon = 0, // the firm that declined the RTI is not told how it stands
        });
    }

    [Fact]
    public async Task The_rete_page_follows_its_RTI_from_forming_to_the_bid_submitted_and_the_lots_won_and_says_no_bid_once_bids_closed_without_one()
    {
        var r = await Formed();
        var w = r.World;
        await w.RecordDgues();
        var rti = await (await r.Form(w.Builder, r.Tender.Id)).Read<AllianceDto>();
        var other = await w.Publish();
        var idle = await (await r.Form(w.Builder, other.Id)).Read<AllianceDto>();
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{rti.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        (await r.Third.PostAsJsonAsync($"/api/alliances/{rti.Id}/firms/{r.ThirdId}/answer", new AllianceAnswerRequest(false, 1), Json)).EnsureSuccessStatusCode();
        w.PassTo(r.Tender.EnquiryDeadline);
        var bid = $"/api/alliances/{rti.Id}/bid";
        (await w.Builder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json))
            .EnsureSuccessStatusCode();
        var drafted = await (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).Read<JointBidDto>();
        foreach (var (client, firm) in new[] { (w.Builder, w.BuilderId), (w.Coder, w.CoderId) })
            (await client.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm, drafted.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();

        async Task<ReteRtiDto[]> Rtis() => (await w.Coder.GetFromJsonAsync<ReteRtiDto[]>($"/api/alliances/{r.Id}/rtis", Json))!;
        (await Rtis()).Select(x => (x.Id, x.Stage)).Should().BeEquivalentTo([(rti.Id, ReteRtiStage.BidSubmitted), (idle.Id, ReteRtiStage.Bidding)],
            "the coder's firm has only been invited to the idle RTI: how it stands is its own firms' business while bids are taken");
        (await w.Builder.GetFromJsonAsync<ReteRtiDto[]>($"/api/alliances/{r.Id}/rtis", Json))!.Should().ContainSingle(x => x.Id == idle.Id)
            .Which.Stage.Should().Be(ReteRtiStage.Forming, "its lead reads it");
        async Task<ReteRtiDto[]> ThirdReads() => (await r.Third.GetFromJsonAsync<ReteRtiDto[]>($"/api/alliances/{r.Id}/rtis", Json))!;
        (await ThirdReads()).Select(x => x.Stage).Should().AllBeEquivalentTo(ReteRtiStage.Bidding,
            "the rete firm that declined the RTI (and may bid against it) is not told whether it bid while bids are taken");

        w.PassOpening(r.Tender);
        (await Rtis()).Select(x => (x.Id, x.Stage)).Should().BeEquivalentTo([(rti.Id, ReteRtiStage.BidSubmitted), (idle.Id, ReteRtiStage.NoBid)],
            "opened but not yet awarded: nothing more is known");
        (await ThirdReads()).Select(x => (x.Id, x.Stage)).Should().BeEquivalentTo([(rti.Id, ReteRtiStage.BidSubmitted), (idle.Id, ReteRtiStage.NoBid)],
            "once bids are closed the rete's every firm reads it");
        var bidId = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{r.Tender.Id}/evaluation", Json))!.Lots.First().Ranking.Single().BidId;
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{r.Tender.Id}/scores", new ScoreRequest(bidId, 2, 80m), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{r.Tender.Id}/decisions", new DecideRequest(1, bidId, null), Json)).EnsureSuccessStatusCode();

        (await Rtis()).Should().ContainSingle(x => x.Id == rti.Id).Which.Should().BeEquivalentTo(new { Stage = ReteRtiStage.LotsWon, LotsWon = 1 });
        foreach (var client in new[] { w.Outsider, w.Buyer, w.Admin })
            (await client.GetAsync($"/api/alliances/{r.Id}/rtis")).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the rete's firms see its RTIs");
        (await w.Builder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.BuilderId}/relationships", Json)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Partner = new { Id = w.CoderId }, JointBids = 1, LotsWon = 1 }, "the rete's work is in each firm's ledger");
    }

    [Fact]
    public async Task Only_the_rete_s_lead_forms_its_RTI_and_anyone_outside_the_rete_is_told_nothing_of_it()
    {
        var r = await Formed();
        var w = r.World;
        var before = await Alliances();

        (await (await r.Form(w.Coder, r.Tender.Id)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, AllianceState.NotTheLead.Code },
            "a member firm reads the rete, so it is told why");
        (await (await r.Form(w.Coder, Guid.NewGuid())).Refusal()).Code.Should().Be(AllianceState.NotTheLead.Code, "the actor is checked before the tender");
        foreach (var (who, client) in new[] { ("outsider", w.Outsider), ("buyer", w.Buyer), ("space admin", w.Admin) })
            (await (await r.Form(client, r.Tender.Id)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, AllianceEndpoints.NotFound.Code }, who);
        (await (await w.Builder.PostAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/rti", new FormRtiRequest(r.Tender.Id), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, AllianceEndpoints.NotFound.Code }, "no rete: the same answer");
        (await w.Anonymous.PostAsJsonAsync(r.Rti, new FormRtiRequest(r.Tender.Id), Json)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await Alliances()).Should().Be(before, "nothing was formed");
    }

    [Fact]
    public async Task The_rete_is_refused_with_the_true_reason_and_nothing_is_stored()
    {
        var r = await Formed();
        var w = r.World;
        var elsewhere = await (await TenderWorld.Create(fixture.Host, fixture.Clock)).Publish();
        var draft = await w.Draft();
        var before = await Alliances();

        foreach (var (what, tenderId) in new[] { ("unknown", Guid.NewGuid()), ("in another space", elsewhere.Id), ("not published", draft.Id) })
            (await (await r.Form(w.Builder, tenderId)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, AllianceState.NoSuchTender.Code }, what);

        // The third firm already bids for the tender in an RTI of its own: the rete cannot take it in, and says which firm.
        var own = await (await r.Third.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(r.ThirdId, w.SpaceId, r.Tender.Id, "RTI Bianchi", "Accordo"), Json)).Read<AllianceDto>();
        var inOne = await (await r.Form(w.Builder, r.Tender.Id)).Refusal();
        inOne.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, ReteRti.ReteFirmInOne.Code });
        inOne.Args.Should().Contain("firm", "Bianchi Impianti");
        (await (await w.Builder.PostAsJsonAsync($"/api/alliances/{own.Id}/rti", new FormRtiRequest(r.Tender.Id), Json)).Refusal()).Status
            .Should().Be(HttpStatusCode.NotFound, "the builder does not read the third firm's RTI");
        (await (await r.Third.PostAsJsonAsync($"/api/alliances/{own.Id}/rti", new FormRtiRequest(r.Tender.Id), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, ReteRti.NotARete.Code }, "an RTI is no rete");
        (await Alliances()).Should().Be(before + 1, "only the third firm's own RTI");

        // The deadline passed, before the tender has moved on: closed, and said so rather than which firm is taken.
        w.PassTo(r.Tender.SubmissionDeadline);
        (await (await r.Form(w.Builder, r.Tender.Id)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, AllianceState.TenderClosed.Code });
        (await Alliances()).Should().Be(before + 1);
    }

    [Fact]
    public async Task The_tender_page_offers_the_reti_the_viewer_leads_with_the_reason_one_may_not_bid()
    {
        var r = await Formed();
        var w = r.World;
        Task<ReteChoiceDto[]> Choices(HttpClient client) => client.GetFromJsonAsync<ReteChoiceDto[]>($"/api/alliances/rete-choices?tenderId={r.Tender.Id}", Json)!;

        (await Choices(w.Builder)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Rete = new { Id = r.Id, Name = "Rete Emilia Edilizia" }, Lead = new { Id = w.BuilderId, Name = "Rossi Costruzioni" },
            Actions = new { Allowed = new[] { AllianceFormAction.Form } },
        });
        foreach (var (who, client) in new[] { ("a member firm", w.Coder), ("an outsider", w.Outsider), ("the buyer", w.Buyer), ("the admin", w.Admin) })
            (await Choices(client)).Should().BeEmpty(who);
        (await w.Builder.GetAsync($"/api/alliances/rete-choices?tenderId={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await r.Third.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(r.ThirdId, w.SpaceId, r.Tender.Id, "RTI Bianchi", "Accordo"), Json);
        var blocked = (await Choices(w.Builder)).Single().Actions;
        blocked.Allowed.Should().BeEmpty();
        blocked.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = ReteRti.ReteFirmInOne.Code });
        blocked.Blocked[0].Args.Should().Contain("firm", "Bianchi Impianti");
    }
}
