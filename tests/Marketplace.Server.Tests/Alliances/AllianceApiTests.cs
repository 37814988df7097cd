using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class AllianceApiTestsOnSqlite(ClockedSqliteHost fixture) : AllianceApiTests<ClockedSqliteHost>(fixture);

public sealed class AllianceApiTestsOnPostgres(ClockedPostgresHost fixture) : AllianceApiTests<ClockedPostgresHost>(fixture);

/// <summary>Forming an alliance, inviting firms, the agreement, and who may see and do what.</summary>
public abstract class AllianceApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    const string Terms = "Accordo di RTI: mandato alla capofila, quote per pacchetto di lavoro, responsabilità solidale.";

    async Task<(TenderWorld World, TenderDto Tender, AllianceDto Alliance)> Formed(bool disclosesBidCount = false)
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish(disclosesBidCount);
        var response = await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Rodari", Terms), Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (w, tender, await response.Read<AllianceDto>());
    }

    static Task<HttpResponseMessage> Invite(TenderWorld w, HttpClient client, Guid alliance, Guid firm, AllianceRole role = AllianceRole.Member) =>
        client.PostAsJsonAsync($"/api/alliances/{alliance}/invitations", new AllianceInviteRequest(firm, role), Json);

    static Task<HttpResponseMessage> Accept(HttpClient client, Guid alliance, Guid firm, int version) =>
        client.PostAsJsonAsync($"/api/alliances/{alliance}/firms/{firm}/answer", new AllianceAnswerRequest(true, version), Json);

    [Fact]
    public async Task A_lead_invites_a_member_firm_which_joins_by_accepting_the_agreement()
    {
        var (w, tender, alliance) = await Formed();
        alliance.Actions.Allowed.Should().Contain(AllianceAction.PublishAgreement, "the lead's people lead it");
        alliance.Should().BeEquivalentTo(new { Name = "RTI Rodari", Lead = new { Id = w.BuilderId, Name = "Rossi Costruzioni" },
            Tender = new { tender.Id }, Agreement = new { Version = 1, Text = Terms } });

        (await Invite(w, w.Builder, alliance.Id, w.CoderId)).EnsureSuccessStatusCode();
        var invited = (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{alliance.Id}", Json))!;
        invited.Members.Single(m => m.FirmId == w.CoderId).Standing.Should().Be(AllianceStanding.Invited);
        invited.MyFirms.Should().Equal(w.CoderId);

        var joined = await (await Accept(w.Coder, alliance.Id, w.CoderId, 1)).Read<AllianceDto>();
        joined.Members.Should().BeEquivalentTo(new[]
        {
            new { FirmId = w.BuilderId, Role = AllianceRole.Lead, Standing = AllianceStanding.Active, AcceptedAgreement = (int?)1 },
            new { FirmId = w.CoderId, Role = AllianceRole.Member, Standing = AllianceStanding.Active, AcceptedAgreement = (int?)1 },
        });
        (await w.Coder.GetFromJsonAsync<AllianceSummaryDto[]>($"/api/businesses/{w.CoderId}/alliances", Json))
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = alliance.Id, TenderTitle = tender.Title, LeadName = "Rossi Costruzioni" });
    }

    [Fact]
    public async Task Once_the_enquiries_close_the_bidding_is_open_and_a_firm_is_invited_and_joins_at_once()
    {
        var (w, tender, alliance) = await Formed();
        // Nobody need have read the tender since its enquiry deadline: the alliance asks it as it stands now, moved on.
        w.PassTo(tender.EnquiryDeadline);
        var workspace = (await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{alliance.Id}", Json))!;
        var invite = await Invite(w, w.Builder, alliance.Id, w.CoderId);
        var accept = await Accept(w.Coder, alliance.Id, w.CoderId, 1);

        workspace.Actions.Allowed.Should().Contain(AllianceAction.Invite, "bids are open, not closed");
        workspace.Tender!.Name.Should().Be(tender.Title);
        invite.StatusCode.Should().Be(HttpStatusCode.OK, await invite.Content.ReadAsStringAsync());
        accept.StatusCode.Should().Be(HttpStatusCode.OK, await accept.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_alliance_tells_each_viewer_what_they_may_do_and_why_not_in_the_codes_refusals_use()
    {
        var (w, _, alliance) = await Formed();
        alliance.Actions.Allowed.Should().BeEquivalentTo([AllianceAction.Invite, AllianceAction.PublishAgreement, AllianceAction.Watch]);
        await Invite(w, w.Builder, alliance.Id, w.CoderId);

        var lead = (await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{alliance.Id}", Json))!;
        lead.Members.Single(m => m.FirmId == w.CoderId).Actions.Allowed.Should().Equal(AllianceMemberAction.Remove);
        lead.ViewerFirms.Should().ContainSingle().Which.Actions.Blocked.Should().ContainEquivalentOf(
            new { Action = AllianceFirmAction.Leave, Code = "alliance.leadLeaving" });
        var invited = (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{alliance.Id}", Json))!;
        invited.ViewerFirms.Should().ContainSingle().Which.Should().BeEquivalentTo(new { FirmId = w.CoderId, ActsFor = true });
        invited.ViewerFirms[0].Actions.Allowed.Should().Equal(AllianceFirmAction.AcceptInvitation, AllianceFirmAction.DeclineInvitation);
        invited.Actions.Allowed.Should().BeEmpty("the invited firm's people neither lead nor watch the alliance yet");
        invited.Members.Should().OnlyContain(m => m.Actions.Allowed.Length == 0 && m.Actions.Blocked.Length == 0);

        (await w.Outsider.GetAsync($"/api/alliances/{alliance.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an outsider learns nothing, not even what they may not do");
    }

    [Fact]
    public async Task New_agreement_terms_must_be_accepted_again_and_the_lead_can_hand_over()
    {
        var (w, _, alliance) = await Formed();
        await Invite(w, w.Builder, alliance.Id, w.CoderId);
        await Accept(w.Coder, alliance.Id, w.CoderId, 1);

        var v2 = await (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/agreement", new TextRequest(Terms + " Quote: 60/40."), Json)).Read<AllianceDto>();
        v2.Members.Single(m => m.FirmId == w.CoderId).AgreementPending.Should().BeTrue();
        v2.Members.Single(m => m.FirmId == w.BuilderId).AgreementPending.Should().BeFalse();
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/accept-agreement", new VersionRequest(1), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "version 1 is no longer the agreement");
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/accept-agreement", new VersionRequest(2), Json)).EnsureSuccessStatusCode();

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.BuilderId}/leave", new { }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "the lead hands over before leaving");
        var handed = await (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/lead", new FirmRequest(w.CoderId), Json)).Read<AllianceDto>();
        handed.Lead.Id.Should().Be(w.CoderId);
        handed.Actions.Allowed.Should().NotContain([AllianceAction.Invite, AllianceAction.PublishAgreement], "the lead is handed over");
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.BuilderId}/leave", new { }, Json)).EnsureSuccessStatusCode();
        (await w.Builder.GetAsync($"/api/alliances/{alliance.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a firm that left no longer sees it");
    }

    [Fact]
    public async Task Only_the_lead_invites_removes_hands_over_and_changes_the_agreement()
    {
        var (w, _, alliance) = await Formed();
        await Invite(w, w.Builder, alliance.Id, w.CoderId);
        var id = alliance.Id;

        // The invited firm reads the alliance, so it is told why; to everyone else the alliance does not exist.
        foreach (var (who, client, refused) in new[] { ("invited firm", w.Coder, HttpStatusCode.Forbidden), ("firm outside the alliance", w.Outsider, HttpStatusCode.NotFound),
            ("buyer", w.Buyer, HttpStatusCode.NotFound), ("space admin", w.Admin, HttpStatusCode.NotFound) })
        {
            (await Invite(w, client, id, w.OutsiderId)).StatusCode.Should().Be(refused, who);
            (await client.PostAsJsonAsync($"/api/alliances/{id}/firms/{w.CoderId}/remove", new ReasonRequest("No"), Json)).StatusCode.Should().Be(refused, who);
            (await client.PostAsJsonAsync($"/api/alliances/{id}/agreement", new TextRequest("Altro"), Json)).StatusCode.Should().Be(refused, who);
            (await client.PostAsJsonAsync($"/api/alliances/{id}/lead", new FirmRequest(w.CoderId), Json)).StatusCode.Should().Be(refused, who);
        }
        (await Accept(w.Outsider, id, w.CoderId, 1)).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the invited firm's people answer for it");
        (await w.Anonymous.GetAsync($"/api/alliances/{id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{id}", Json))!.Version.Should().Be(alliance.Version + 1, "only the invitation changed it");
    }

    [Fact]
    public async Task The_lead_is_offered_the_space_s_firms_it_may_invite_and_no_one_else_is_told_them()
    {
        var (w, _, alliance) = await Formed();
        var invitees = $"/api/alliances/{alliance.Id}/invitees";
        (await w.Builder.GetFromJsonAsync<DirectoryEntryDto[]>(invitees, Json)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Id = w.CoderId, Name = "Verdi Informatica" }, "the lead is in it, and the other firm is not a member of the space");

        await Invite(w, w.Builder, alliance.Id, w.CoderId);
        (await w.Builder.GetFromJsonAsync<DirectoryEntryDto[]>(invitees, Json)).Should().BeEmpty("an invited firm is not offered twice");
        (await (await w.Coder.GetAsync(invitees)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, AllianceState.NotTheLead.Code },
            "the invited firm reads the alliance, so it is told why, as inviting tells it");
        foreach (var client in new[] { w.Outsider, w.Buyer, w.Admin })
            (await client.GetAsync(invitees)).StatusCode.Should().Be(HttpStatusCode.NotFound, "to anyone else the alliance does not exist");

        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(false, 1), Json)).EnsureSuccessStatusCode();
        (await w.Builder.GetFromJsonAsync<DirectoryEntryDto[]>(invitees, Json))!.Select(f => f.Id).Should().Equal([w.CoderId], "a firm that declined may be invited again");
    }

    [Fact]
    public async Task Nobody_outside_sees_the_alliance_and_a_removed_firm_loses_it_at_once()
    {
        var (w, _, alliance) = await Formed();
        await Invite(w, w.Builder, alliance.Id, w.CoderId);
        await Accept(w.Coder, alliance.Id, w.CoderId, 1);

        foreach (var client in new[] { w.Outsider, w.Buyer, w.Admin })
            (await client.GetAsync($"/api/alliances/{alliance.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Buyer.GetAsync($"/api/businesses/{w.BuilderId}/alliances")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/remove", new ReasonRequest(" "), Json))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a removal says why");
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/remove", new ReasonRequest("Non copre più il lotto 2"), Json)).EnsureSuccessStatusCode();
        (await w.Coder.GetAsync($"/api/alliances/{alliance.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Coder.GetFromJsonAsync<AllianceSummaryDto[]>($"/api/businesses/{w.CoderId}/alliances", Json)).Should().BeEmpty();
    }

    static Task<AllianceLeadChoiceDto[]> Choices(HttpClient client, string query) =>
        client.GetFromJsonAsync<AllianceLeadChoiceDto[]>($"/api/alliances/choices?{query}", Json)!;

    static IEnumerable<string> Blockers(AllianceLeadChoiceDto lead) => lead.Spaces.Single().Actions.Blocked.Select(b => b.Code);

    [Fact]
    public async Task The_form_offers_the_firms_a_person_leads_for_the_spaces_they_may_form_an_alliance_in_and_says_why_not_elsewhere()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();

        var builder = (await Choices(w.Builder, $"tenderId={tender.Id}")).Should().ContainSingle().Subject;
        builder.Firm.Should().BeEquivalentTo(new { Id = w.BuilderId, Name = "Rossi Costruzioni" });
        builder.Spaces.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Space = new { Id = w.SpaceId, Name = "Spazio Gare" },
            Actions = new { Allowed = new[] { AllianceFormAction.Form }, Blocked = Array.Empty<object>() },
        });
        (await Choices(w.Builder, $"leadId={w.BuilderId}")).Single().Spaces.Select(s => (s.Space.Id, s.Actions.Allows(AllianceFormAction.Form)))
            .Should().Equal([(w.SpaceId, true)], "a standing alliance is formed where the firm is a member");

        // The firm outside the space is offered the tender's space with the reason it may not form there: the tender
        // and its spaces are public, and the firm's own standing is its people's to know. The command says the same.
        var outsider = (await Choices(w.Outsider, $"tenderId={tender.Id}")).Should().ContainSingle().Subject;
        outsider.Firm.Id.Should().Be(w.OutsiderId);
        Blockers(outsider).Should().Equal(AllianceState.LeadNotInSpace.Code);
        (await w.Outsider.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.OutsiderId, w.SpaceId, tender.Id, "RTI", Terms), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "the command refuses what the form said");
        (await Choices(w.Outsider, "")).Single().Spaces.Should().BeEmpty("it has no standing in any space to form a standing alliance in");

        // Who forms alliances for no firm learns nothing of other firms or spaces.
        var viewer = w.Host.Browser();
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        var nobody = w.Host.Browser();
        await nobody.SignUp("nessuno");
        foreach (var (who, client, query) in new[]
        {
            ("the firm's Viewer", viewer, $"tenderId={tender.Id}"), ("the firm's Viewer, for the firm", viewer, $"leadId={w.BuilderId}"),
            ("a buyer", w.Buyer, $"tenderId={tender.Id}"), ("a person of no business", nobody, ""),
            ("another firm's person, for the builder", w.Coder, $"leadId={w.BuilderId}"),
        })
            (await Choices(client, query)).Should().BeEmpty(who);
        (await w.Builder.GetAsync($"/api/alliances/choices?tenderId={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Anonymous.GetAsync($"/api/alliances/choices?tenderId={tender.Id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        w.PassOpening(tender);
        Blockers((await Choices(w.Builder, $"tenderId={tender.Id}")).Single()).Should().Equal(AllianceState.TenderClosed.Code);
    }

    [Fact]
    public async Task A_firm_already_in_an_alliance_for_the_tender_is_not_offered_to_form_another_and_may_not()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Rodari", Terms), Json)).Read<AllianceDto>();
        (await Invite(w, w.Builder, alliance.Id, w.CoderId)).EnsureSuccessStatusCode();

        Blockers((await Choices(w.Builder, $"tenderId={tender.Id}")).Single()).Should().Equal(AllianceState.LeadInOneForTender.Code);
        Blockers((await Choices(w.Coder, $"tenderId={tender.Id}")).Single()).Should().BeEmpty("an invitation not yet accepted binds the firm to nothing");

        (await Accept(w.Coder, alliance.Id, w.CoderId, 1)).EnsureSuccessStatusCode();
        Blockers((await Choices(w.Coder, $"tenderId={tender.Id}")).Single()).Should().Equal(AllianceState.LeadInOneForTender.Code);
        (await (await w.Coder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.CoderId, w.SpaceId, tender.Id, "RTI Verdi", Terms), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, AllianceState.LeadInOneForTender.Code }, "the command refuses what the form said");
        (await Choices(w.Coder, $"leadId={w.CoderId}")).Single().Spaces.Single().Actions.Allows(AllianceFormAction.Form)
            .Should().BeTrue("a standing alliance is for no tender");

        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/leave", new { }, Json)).EnsureSuccessStatusCode();
        Blockers((await Choices(w.Coder, $"tenderId={tender.Id}")).Single()).Should().BeEmpty("a firm that left takes part no longer");
    }

    [Fact]
    public async Task Forming_and_inviting_are_refused_outside_the_space_or_the_tender_s_time()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var before = await fixture.Host.Query(db => db.Alliances.CountAsync());

        (await w.Outsider.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.OutsiderId, w.SpaceId, tender.Id, "RTI", Terms), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "the outsider is not a member of the space (its state, which the form tells it)");
        (await w.Coder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI", Terms), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the lead's people form for it");
        var bad = await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, Guid.NewGuid(), "R", ""), Json);
        (await bad.Read<ValidationProblemDetails>()).Errors.Keys.Should().BeEquivalentTo("tenderId");
        var blank = await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, null, "R", ""), Json);
        (await blank.Read<ValidationProblemDetails>()).Errors.Keys.Should().BeEquivalentTo("name", "agreementText");
        (await fixture.Host.Query(db => db.Alliances.CountAsync())).Should().Be(before);

        var standing = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, null, "Rete Emilia Edilizia", Terms), Json)).Read<AllianceDto>();
        standing.Tender.Should().BeNull();
        (await Invite(w, w.Builder, standing.Id, w.OutsiderId)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only member firms of the space are invited");
        (await Invite(w, w.Builder, standing.Id, w.CoderId, AllianceRole.Lead)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        w.PassOpening(tender);
        (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "Tardi", Terms), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_alliance_for_a_tender_is_in_its_audit_chain_which_lists_its_links_to_its_firms_only()
    {
        // A tender that shows its bid count lists its bids' links before opening: the alliance's are never listed.
        var (w, tender, alliance) = await Formed(disclosesBidCount: true);
        await Invite(w, w.Builder, alliance.Id, w.CoderId);
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(false, 1), Json)).EnsureSuccessStatusCode();
        var subject = $"al-{alliance.Id:N}";
        (await fixture.Host.Query(db => db.AuditEntries.CountAsync(e => e.TenderId == tender.Id && e.Subject == subject))).Should().Be(3, "formed, invited, declined");

        foreach (var moment in new[] { "before the deadline", "after opening" })
        {
            if (moment == "after opening") w.PassOpening(tender);
            foreach (var client in new[] { w.Anonymous, w.Buyer, w.Coder, w.Outsider })
            {
                var audit = (await client.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
                audit.Valid.Should().BeTrue();
                audit.Shown.Should().NotContain(l => l.Subject.Contains(alliance.Id.ToString("N")), $"who was invited and declined is the alliance's business ({moment})");
            }
            var own = (await w.Builder.GetFromJsonAsync<SealedAuditDto>($"/api/alliances/{alliance.Id}/audit", Json))!;
            own.Valid.Should().BeTrue();
            own.Shown.Select(l => l.Kind).Should().Equal("Formed", "Invited", "Declined");
            (await w.Coder.GetAsync($"/api/alliances/{alliance.Id}/audit")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a firm that declined is not in the alliance");
            (await w.Buyer.GetAsync($"/api/alliances/{alliance.Id}/audit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_coverage_matrix_shows_which_firm_covers_each_lot_code_and_the_gaps()
    {
        var (w, _, alliance) = await Formed();
        await Invite(w, w.Builder, alliance.Id, w.CoderId);
        await Accept(w.Coder, alliance.Id, w.CoderId, 1);

        var coverage = (await w.Coder.GetFromJsonAsync<CoverageDto>($"/api/alliances/{alliance.Id}/coverage", Json))!;

        // Lot 1 asks 45214200 (class 4521: the builder's 45210000 covers it); lot 2 asks 45310000, which neither the builder
        // (class 4521) nor the IT firm (division 72) covers.
        coverage.Lots.Single(l => l.Lot == 1).Should().BeEquivalentTo(new { Covered = true });
        coverage.Lots.Single(l => l.Lot == 1).Codes.Single().CoveredBy.Select(f => f.Id).Should().Equal(w.BuilderId);
        coverage.Lots.Single(l => l.Lot == 2).Covered.Should().BeFalse();
        coverage.Gaps.Select(g => g.Code).Should().Equal("45310000-3");
        (await w.Outsider.GetAsync($"/api/alliances/{alliance.Id}/coverage")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Partners_are_suggested_for_the_gaps_best_first_with_a_set_that_covers_them()
    {
        var (w, _, alliance) = await Formed();
        async Task<Guid> Member(string name, string cpv, bool join = true)
        {
            var client = fixture.Host.Browser();
            await client.SignUp("extra");
            var firm = await client.CreateBusiness(name);
            (await client.EditProfile(firm.Id, EditOf(firm) with { Capabilities = [cpv], ComuneCode = "037006" })).EnsureSuccessStatusCode();
            if (!join) return firm.Id;
            (await client.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new Marketplace.Server.Endpoints.ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
            (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{firm.Id}/decision",
                new DecisionRequest(Marketplace.Spaces.MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
            return firm.Id;
        }
        var electricians = await Member("Bianchi Impianti Elettrici", "45310000");   // the gap's own class
        var installers = await Member("Gialli Installazioni", "45300000");           // the group above: covers it, less precisely
        await Member("Blu Impianti (fuori dallo spazio)", "45310000", join: false);

        var suggestions = (await w.Builder.GetFromJsonAsync<SuggestionsDto>($"/api/alliances/{alliance.Id}/suggestions", Json))!;

        suggestions.Gaps.Select(g => g.Code).Should().Equal("45310000-3");
        suggestions.Ranked.Select(r => r.Firm.Id).Should().Equal([electricians, installers], "an exact class match outranks a group-level one; outsiders are not suggested");
        suggestions.Cover.Should().ContainSingle().Which.Firm.Id.Should().Be(electricians);
        suggestions.Uncoverable.Should().BeEmpty();
        (await w.Outsider.GetAsync($"/api/alliances/{alliance.Id}/suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
