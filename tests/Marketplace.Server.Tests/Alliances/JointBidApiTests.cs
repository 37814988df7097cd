using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.JointBids;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidApiTestsOnSqlite(ClockedSqliteHost fixture) : JointBidApiTests<ClockedSqliteHost>(fixture);

public sealed class JointBidApiTestsOnPostgres(ClockedPostgresHost fixture) : JointBidApiTests<ClockedPostgresHost>(fixture);

/// <summary>A joint bid: co-edited work packages, shares, sign-off of one exact version by every firm, the lead's sealed submission.</summary>
public abstract class JointBidApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>The builder leads, the IT firm joins as member; the tender takes bids.</summary>
    async Task<Team> Formed()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        return new Team(w, tender, allianceId);
    }

    static async Task<JointBidDto> Package(Team t, HttpClient client, string title, int lot, Guid firm, decimal price, Guid? id = null, int version = 0)
    {
        var response = await client.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(id, version, title, lot, null, firm, new MoneyDto(price, "EUR")), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<JointBidDto>();
    }

    static async Task<JointBidDto> Sign(HttpClient client, Team t, Guid firm, string digest)
    {
        var response = await client.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(firm, digest), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<JointBidDto>();
    }

    async Task<JointBidDto> Drafted(Team t)
    {
        var w = t.World;
        await Package(t, w.Builder, "Opere murarie", 1, w.BuilderId, 700_000.10m);
        await Package(t, w.Coder, "Cablaggio e rete", 2, w.CoderId, 150_000m);
        await Package(t, w.Coder, "Domotica", 1, w.CoderId, 49_999.95m);
        var answered = await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json);
        answered.EnsureSuccessStatusCode();
        return await answered.Read<JointBidDto>();
    }

    /// <summary>The drafted bid, signed by both firms and submitted by the lead.</summary>
    async Task<Team> Submitted()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        await Sign(w.Coder, t, w.CoderId, bid.Digest);
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        return t;
    }

    [Fact]
    public async Task Who_acts_for_a_member_firm_is_known_at_once_a_manager_edits_the_bid_and_a_viewer_only_reads_it()
    {
        var t = await Formed();
        var w = t.World;
        var newcomer = w.Host.Browser();
        var email = await newcomer.SignUp("newcomer");
        var viewer = w.Host.Browser();
        var request = new SaveWorkPackageRequest(null, 0, "Collaudo", 2, null, w.CoderId, new MoneyDto(10_000m, "EUR"));

        var outsiderRead = await newcomer.GetAsync(t.Bid);
        var outsiderEdit = await newcomer.PostAsJsonAsync($"{t.Bid}/work-packages", request, Json);
        await w.Coder.Join(w.CoderId, newcomer, email, BusinessRole.Manager);
        var managerEdit = await newcomer.PostAsJsonAsync($"{t.Bid}/work-packages", request, Json);
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        var viewerRead = await viewer.GetAsync(t.Bid);
        var viewerEdit = await viewer.PostAsJsonAsync($"{t.Bid}/work-packages", request with { Title = "Collaudo finale" }, Json);

        outsiderRead.StatusCode.Should().Be(HttpStatusCode.NotFound, "before joining the firm the person sees no alliance");
        outsiderEdit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        managerEdit.StatusCode.Should().Be(HttpStatusCode.OK, "the firm's new Manager acts for it on the very next call");
        (await managerEdit.Read<JointBidDto>()).WorkPackages.Should().ContainSingle(p => p.Title == "Collaudo");
        viewerRead.StatusCode.Should().Be(HttpStatusCode.OK, "a Viewer reads what the firm's people read");
        viewerEdit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewerEdit.Refusal()).Code.Should().Be("jointBid.notAnEditor");
    }

    [Fact]
    public async Task Prices_add_up_per_lot_and_shares_add_up_to_exactly_100()
    {
        var t = await Formed();
        var bid = await Drafted(t);

        // Lot 1: 700 000.10 + 49 999.95 = 750 000.05; lot 2: 150 000. Total 900 000.05:
        // builder 700 000.10 → 77.7777846 %, IT firm 199 999.95 → 22.2222154 %; floored 77.77 + 22.22 = 99.99, and the 0.01 left goes
        // to the larger remainder (builder: 0.0077846 against 0.0022154).
        bid.LotPrices.Should().BeEquivalentTo(new[] { new LotPriceDto(1, new MoneyDto(750_000.05m, "EUR")), new LotPriceDto(2, new MoneyDto(150_000m, "EUR")) });
        bid.Shares.Select(s => (s.Firm.Id, s.Amount.Amount, s.Percent)).Should().BeEquivalentTo(new[]
        {
            (t.World.BuilderId, 700_000.10m, 77.78m), (t.World.CoderId, 199_999.95m, 22.22m),
        });
        bid.Shares.Sum(s => s.Percent).Should().Be(100m);
    }

    [Fact]
    public async Task Every_firm_signs_the_exact_version_an_edit_voids_the_signatures_and_the_lead_submits_sealed()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);

        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "nobody has signed yet");
        bid = await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        bid.AwaitingSignature.Select(f => f.Id).Should().Equal(w.CoderId);
        // The IT firm edits its package: the lead's signature no longer covers what the bid says.
        var domotica = bid.WorkPackages.Single(p => p.Title == "Domotica");
        bid = await Package(t, w.Coder, "Domotica", 1, w.CoderId, 45_000m, domotica.Id, domotica.Version);
        bid.SignOffs.Should().BeEmpty();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, (bid.Digest[0] == '0' ? "1" : "0") + bid.Digest[1..]), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        await Sign(w.Coder, t, w.CoderId, bid.Digest);

        (await w.Coder.PostAsync($"{t.Bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the lead submits");
        var submitted = await (await w.Builder.PostAsync($"{t.Bid}/submit", null)).Read<JointBidDto>();
        submitted.Receipt!.Digest.Should().MatchRegex("^[0-9a-f]{64}$");

        // The sealed bid is the alliance's: both firms read it, the buyer does not until opening, then sees both firms.
        var sealedBid = await w.Coder.GetFromJsonAsync<BidDto>($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}", Json);
        sealedBid!.Tenderers.Select(x => (x.FirmId, x.Role)).Should().BeEquivalentTo(new[] { (w.BuilderId, TendererRole.Lead), (w.CoderId, TendererRole.Member) });
        sealedBid.Lots.Should().BeEquivalentTo(new[] { new LotPriceDto(1, new MoneyDto(745_000.10m, "EUR")), new LotPriceDto(2, new MoneyDto(150_000m, "EUR")) });
        (await w.Buyer.GetAsync($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{t.Tender.Id}/evaluation", Json))!.Lots;
        opened.Single(l => l.Lot == 1).Ranking.Single().Tenderers.Select(x => x.Name).Should().BeEquivalentTo("Rossi Costruzioni", "Verdi Informatica");
    }

    [Fact]
    public async Task Each_firm_attaches_its_own_files_which_void_the_signatures_and_go_sealed_into_the_bid()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        bid = await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        var offer = await (await TenderWorld.Upload(w.Builder, w.BuilderId, "Offerta tecnica.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        var certificate = await (await TenderWorld.Upload(w.Coder, w.CoderId, "Certificazione ISO 27001.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        var outsiders = await (await TenderWorld.Upload(w.Outsider, w.OutsiderId, "Altrui.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        Task<HttpResponseMessage> Attach(HttpClient client, Guid firm, params Guid[] documents) =>
            client.PostAsJsonAsync($"{t.Bid}/documents", new AttachDocumentsRequest(firm, documents), Json);

        // Refused, and nothing changes: another business's file, a file for a firm the user does not act for, outsiders.
        (await (await Attach(w.Builder, w.BuilderId, offer.Id, outsiders.Id)).Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("documents[1]");
        (await Attach(w.Builder, w.CoderId, certificate.Id)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a firm attaches its own files");
        (await Attach(w.Outsider, w.OutsiderId, outsiders.Id)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Attach(w.Builder, w.BuilderId)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Should().BeEquivalentTo(new { bid.Digest, Documents = Array.Empty<JointDocumentDto>(), bid.Version });

        bid = await (await Attach(w.Builder, w.BuilderId, offer.Id)).Read<JointBidDto>();
        bid.SignOffs.Should().BeEmpty("the signed version had no files");
        bid = await (await Attach(w.Coder, w.CoderId, certificate.Id)).Read<JointBidDto>();
        bid.Documents.Select(d => (d.Document.Name, d.Firm.Id)).Should().Equal(("Offerta tecnica.pdf", w.BuilderId), ("Certificazione ISO 27001.pdf", w.CoderId));
        (await Attach(w.Coder, w.CoderId, certificate.Id)).StatusCode.Should().Be(HttpStatusCode.Conflict, "a file is attached once");
        (await w.Coder.DeleteAsync($"{t.Bid}/documents/{offer.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only its firm or the lead takes a file off");

        // Every firm of the alliance reads every file; nobody else does.
        var file = $"{t.Bid}/documents/{certificate.Id}";
        (await (await w.Builder.GetAsync(file)).Content.ReadAsByteArrayAsync()).Should().Equal(TenderWorld.Pdf);
        foreach (var client in new[] { w.Buyer, w.Outsider, w.Admin }) (await client.GetAsync(file)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Both sign what now includes the files; the sealed bid carries them, and the buyer reads them once opened.
        await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        await Sign(w.Coder, t, w.CoderId, bid.Digest);
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        var sealedBid = (await w.Coder.GetFromJsonAsync<BidDto>($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}", Json))!;
        sealedBid.Documents.Select(d => d.Sha256).Should().Equal(offer.Sha256, certificate.Sha256);
        var opened = $"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}/documents/{certificate.Id}";
        (await w.Buyer.GetAsync(opened)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");
        w.PassOpening(t.Tender);
        (await (await w.Buyer.GetAsync(opened)).Content.ReadAsByteArrayAsync()).Should().Equal(TenderWorld.Pdf);
        (await w.Builder.DeleteAsync($"{t.Bid}/documents/{offer.Id}")).StatusCode.Should().Be(HttpStatusCode.Conflict, "the joint bid is closed");
    }

    [Fact]
    public async Task The_lead_takes_off_a_member_s_file_and_the_change_is_audited()
    {
        var t = await Formed();
        var w = t.World;
        await Drafted(t);
        var certificate = await (await TenderWorld.Upload(w.Coder, w.CoderId, "Certificazione.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/documents", new AttachDocumentsRequest(w.CoderId, [certificate.Id]), Json)).EnsureSuccessStatusCode();

        var bid = await (await w.Builder.DeleteAsync($"{t.Bid}/documents/{certificate.Id}")).Read<JointBidDto>();

        bid.Documents.Should().BeEmpty();
        (await w.Builder.DeleteAsync($"{t.Bid}/documents/{certificate.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = (await w.Coder.GetFromJsonAsync<SealedAuditDto>($"/api/alliances/{t.AllianceId}/audit", Json))!;
        audit.Valid.Should().BeTrue();
        audit.Shown.Select(l => l.Kind).Should().ContainInOrder("DocumentsAttached", "DocumentDetached");
        audit.Shown.Single(l => l.Kind == "DocumentsAttached").Detail.Should().Contain(certificate.Sha256);
    }

    [Fact]
    public async Task Handing_over_the_lead_after_the_sign_offs_voids_them_who_bids_is_part_of_the_bid()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        await Sign(w.Coder, t, w.CoderId, bid.Digest);

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/lead", new FirmRequest(w.CoderId), Json)).EnsureSuccessStatusCode();

        var now = (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        now.SignOffs.Should().BeEmpty();
        now.AwaitingSignature.Select(f => f.Id).Should().BeEquivalentTo([w.BuilderId, w.CoderId]);
        (await w.Coder.PostAsync($"{t.Bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "nobody signed the bid with the new lead");
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_nothing_is_lost()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Package(t, w.Builder, "Opere murarie", 1, w.BuilderId, 700_000m);
        var package = bid.WorkPackages.Single();

        // Two of the builder's people (here, two tabs) edit the same package from the same version.
        await Package(t, w.Builder, "Opere murarie e finiture", 1, w.BuilderId, 710_000m, package.Id, package.Version);
        var late = await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(package.Id, package.Version, "Opere murarie", 1, null, w.BuilderId,
            new MoneyDto(690_000m, "EUR")), Json);

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Refusal()).Should().BeEquivalentTo(new { Code = "jointBid.packageChanged" });
        (await late.Read<ProblemDetails>()).Detail.Should().Contain("Opere murarie e finiture", "the refusal names the package as it now is");
        var current = await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json);
        current!.WorkPackages.Single().Should().BeEquivalentTo(new { Title = "Opere murarie e finiture", Price = new MoneyDto(710_000m, "EUR"), Version = 2 });
    }

    [Fact]
    public async Task A_package_is_its_firm_s_to_change_and_the_lead_s_to_give_to_another_firm()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        var builders = bid.WorkPackages.Single(p => p.Title == "Opere murarie");
        var coders = bid.WorkPackages.Single(p => p.Title == "Domotica");
        SaveWorkPackageRequest Same(WorkPackageDto p, Guid firm) => new(p.Id, p.Version, p.Title, p.Lot, p.Description, firm, p.Price);

        var memberEdits = await w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", Same(builders, w.BuilderId) with { Title = "Solo muri" }, Json);
        var memberDeletes = await w.Coder.DeleteAsync($"{t.Bid}/work-packages/{builders.Id}?version={builders.Version}");
        var memberTakes = await w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", Same(builders, w.CoderId), Json);
        var memberGives = await w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", Same(coders, w.BuilderId), Json);
        var leadRewrites = await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", Same(coders, w.CoderId) with { Price = new MoneyDto(1m, "EUR") }, Json);
        var leadDeletes = await w.Builder.DeleteAsync($"{t.Bid}/work-packages/{coders.Id}?version={coders.Version}");

        foreach (var refused in new[] { memberEdits, memberDeletes, memberTakes, leadRewrites, leadDeletes })
            (await refused.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "jointBid.notThePackageOwner" });
        (await memberGives.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "jointBid.notTheLeadToReassign" });
        var unchanged = (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        unchanged.Version.Should().Be(bid.Version, "a refused change stores nothing");
        unchanged.WorkPackages.Single(p => p.Id == builders.Id).Actions.Allowed.Should().BeEmpty("the member is offered nothing on the lead's package");
        unchanged.WorkPackages.Single(p => p.Id == coders.Id).Actions.Allowed.Should().Equal(WorkPackageAction.Edit, WorkPackageAction.Delete);
        unchanged.PackageFirms.Select(f => f.Id).Should().Equal([w.CoderId], "a member gives work only to itself");

        var given = await (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", Same(coders, w.BuilderId), Json)).Read<JointBidDto>();
        var now = given.WorkPackages.Single(p => p.Id == coders.Id);
        now.Should().BeEquivalentTo(new { Firm = new { Id = w.BuilderId }, coders.Title, coders.Price, Version = coders.Version + 1 });
        now.Actions.Allowed.Should().Equal(WorkPackageAction.Edit, WorkPackageAction.Delete, WorkPackageAction.Reassign);
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/work-packages", Same(now, w.CoderId) with { Title = "Domotica v2" }, Json)).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "the package given to the lead is no longer the IT firm's to change");
    }

    [Fact]
    public async Task Only_the_alliance_s_firms_see_and_edit_the_joint_bid()
    {
        var t = await Formed();
        var w = t.World;
        await Drafted(t);
        foreach (var client in new[] { w.Buyer, w.Admin, w.Outsider })
        {
            (await client.GetAsync(t.Bid)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "X", 1, null, w.BuilderId, new MoneyDto(1m, "EUR")), Json))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, "to someone outside the alliance, its bid does not exist");
        }
        (await w.Anonymous.GetAsync(t.Bid)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var bad = await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "", 9, null, w.OutsiderId, new MoneyDto(-1m, "EUR")), Json);
        (await bad.Read<ValidationProblemDetails>()).Errors.Keys.Should().BeEquivalentTo("title", "lot", "firmId", "price.amount");

        (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.PackageFirms.Select(f => f.Id).Should().BeEquivalentTo([w.BuilderId, w.CoderId]);

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/remove", new ReasonRequest("Fuori"), Json)).EnsureSuccessStatusCode();
        (await w.Coder.GetAsync(t.Bid)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a removed firm loses the workspace at once");
        (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.PackageFirms.Select(f => f.Id)
            .Should().Equal([w.BuilderId], "work goes only to the alliance's active firms, as a save is judged");
    }

    [Fact]
    public async Task A_page_read_again_names_a_renamed_firm_and_says_the_deadline_passed_at_once()
    {
        // Each read of the page is kept for its viewer and written once (issue #11): what moved around it still shows.
        // A subcontractor is named by the bid but presents no DGUE of its own, so only its name moves.
        var t = await Formed();
        var w = t.World;
        var (sub, subId) = await w.MemberFirm("Bianchi Impianti", "45310000");
        var invite = await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/invitations", new AllianceInviteRequest(subId, AllianceRole.Subcontractor), Json);
        invite.StatusCode.Should().Be(HttpStatusCode.OK, await invite.Content.ReadAsStringAsync());
        var answer = await sub.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{subId}/answer", new AllianceAnswerRequest(true, 1), Json);
        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        await Drafted(t);
        await Package(t, sub, "Quadri elettrici", 2, subId, 20_000m);
        var before = (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        var again = (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        var profile = (await sub.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{subId}", Json))!;
        var edit = await sub.EditProfile(subId, EditOf(profile) with { Name = "Bianchi Quadri S.r.l." });
        edit.StatusCode.Should().Be(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        var renamed = (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        w.PassTo(t.Tender.SubmissionDeadline);
        var closed = (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;

        before.Window.Should().Be(BidWindow.Open);
        again.Should().BeEquivalentTo(before);
        before.WorkPackages.Should().ContainSingle(p => p.Firm.Id == subId).Which.Firm.Name.Should().Be("Bianchi Impianti");
        renamed.WorkPackages.Should().ContainSingle(p => p.Firm.Id == subId).Which.Firm.Name.Should().Be("Bianchi Quadri S.r.l.");
        closed.Window.Should().Be(BidWindow.Closed);
        closed.Actions.Blocked.Should().Contain(b => b.Action == JointBidAction.Submit && b.Code == BidNotStoredException.DeadlinePassed.Code);
        before.Actions.Blocked.Should().NotContain(b => b.Code == BidNotStoredException.DeadlinePassed.Code);
    }

    [Fact]
    public async Task Each_firm_s_people_read_what_they_may_do_and_every_reason_the_lead_may_not_submit_yet()
    {
        var t = await Formed();
        var w = t.World;
        await Drafted(t);

        var lead = (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        lead.Actions.Allowed.Should().Equal(JointBidAction.Edit);
        lead.Actions.Blocked.Select(b => (b.Action, b.Code)).Should().Equal(
            (JointBidAction.Submit, "jointBid.unsigned"), (JointBidAction.Withdraw, "bid.nothingToWithdraw"));
        lead.Actions.Blocked[0].Args.Should().Contain("count", "2");
        lead.ViewerFirms.Should().ContainSingle().Which.Should().BeEquivalentTo(new { FirmId = w.BuilderId, Actions = new { Allowed = new[] { JointBidFirmAction.Sign, JointBidFirmAction.Attach } } });

        var member = (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        member.Actions.Allowed.Should().Equal(JointBidAction.Edit);
        member.Actions.Blocked.Should().BeEmpty("the submission is the lead's: a member is not told why not");
        member.ViewerFirms.Select(f => f.FirmId).Should().Equal(w.CoderId);
        (await w.Coder.PostAsync($"{t.Bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_firm_bids_for_a_lot_once_alone_or_in_its_alliance()
    {
        var t = await Submitted();
        var w = t.World;

        var alone = await w.Bid(w.Coder, t.Tender.Id, w.CoderId, 140_000m);

        alone.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await alone.Read<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Detail.Should().Contain("lot 1");
    }

    [Fact]
    public async Task A_firm_whose_alliance_bids_is_told_so_on_the_tender_page_not_that_the_deadline_has_passed()
    {
        var t = await Submitted();
        var w = t.World;
        var viewer = w.Host.Browser();
        await viewer.JoinAsViewer(w.Coder, w.CoderId);

        var coder = (await w.Get(w.Coder, t.Tender.Id)).ViewerFirms.Should().ContainSingle().Subject;
        var coderViewer = (await w.Get(viewer, t.Tender.Id)).ViewerFirms.Should().ContainSingle().Subject;

        coder.FirmId.Should().Be(w.CoderId);
        coder.Actions.Allowed.Should().NotContain(TenderFirmAction.Bid, "the alliance's bid covers both lots");
        coder.Actions.Blocked.Where(b => b.Action == TenderFirmAction.Bid).Should().BeEquivalentTo(new[]
        {
            new { Code = "bid.lotBound", Args = new Dictionary<string, string> { ["lot"] = "1" } },
            new { Code = "bid.lotBound", Args = new Dictionary<string, string> { ["lot"] = "2" } },
        }, "the true reason, lot by lot, and the bidding window is open");
        coderViewer.Actions.Should().BeEquivalentTo(ViewerActions<TenderFirmAction>.None, "a Viewer learns nothing of what the firm's editors may do");
    }

    [Fact]
    public async Task Many_edits_and_signatures_at_once_leave_a_consistent_bid_and_every_loser_is_told()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        var package = bid.WorkPackages.Single(p => p.Title == "Opere murarie");

        // The owner's people race (ten saves of its package from the version they read) with both firms' signatures of the digest they saw.
        var saves = Enumerable.Range(0, 10).Select(i => w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages",
            new SaveWorkPackageRequest(package.Id, package.Version, $"Opere murarie v{i}", 1, null, w.BuilderId, new MoneyDto(700_000m + i, "EUR")), Json));
        var signs = new[] { (w.Builder, w.BuilderId), (w.Coder, w.CoderId) }.Select(x => x.Item1.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(x.Item2, bid.Digest), Json));
        var responses = await Task.WhenAll(saves.Concat(signs));

        responses.Select(r => r.StatusCode).Should().OnlyContain(c => c == HttpStatusCode.OK || c == HttpStatusCode.Conflict, "a refused change is told so");
        responses.Take(10).Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1, "one save wins; the others saw a version that had moved on");
        var final = (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        final.WorkPackages.Single(p => p.Id == package.Id).Version.Should().Be(package.Version + 1);
        final.SignOffs.Where(s => s.Digest != final.Digest).Should().BeEmpty("no signature survives for a content that changed after it");
        final.AwaitingSignature.Select(f => f.Id).Should().BeEquivalentTo(
            new[] { w.BuilderId, w.CoderId }.Except(final.SignOffs.Select(s => s.Firm.Id)));
    }

    [Fact]
    public async Task An_award_to_the_joint_bid_enters_both_firms_relationship_ledgers()
    {
        var t = await Submitted();
        var w = t.World;
        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{t.Tender.Id}/evaluation", Json))!.Lots;
        var bidId = opened.First().Ranking.Single().BidId;
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{t.Tender.Id}/scores", new ScoreRequest(bidId, 2, 80m), Json)).EnsureSuccessStatusCode();
        foreach (var lot in new[] { 1, 2 })
            (await w.Buyer.PostAsJsonAsync($"/api/tenders/{t.Tender.Id}/decisions", new DecideRequest(lot, bidId, null), Json)).EnsureSuccessStatusCode();

        var ledger = await w.Builder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.BuilderId}/relationships", Json);

        // Lot 1: 700 000.10 + 49 999.95 = 750 000.05; lot 2: 150 000; together 900 000.05. Without quotas each firm is
        // credited with its work packages: the IT firm 49 999.95 + 150 000, the builder 700 000.10.
        ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Partner = new { Id = w.CoderId, Name = "Verdi Informatica" }, JointBids = 1, LotsWon = 2, ValueWon = new[] { new MoneyDto(900_000.05m, "EUR") },
            ShareWon = new[] { new MoneyDto(199_999.95m, "EUR") }, LotsWithoutShare = 0,
        });
        (await w.Coder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.CoderId}/relationships", Json)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Partner = new { Id = w.BuilderId }, ShareWon = new[] { new MoneyDto(700_000.10m, "EUR") } });
        (await w.Buyer.GetAsync($"/api/businesses/{w.BuilderId}/relationships")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // The won work becomes a showcase project of the lead, verified by its award (the server follows up awards).
        ShowcaseDto[] projects = [];
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (projects.Length == 0 && waited.Elapsed < TimeSpan.FromSeconds(15)) // a bound on waiting for the follow-up, not a speed requirement
        {
            await Task.Delay(200);
            projects = (await w.Coder.GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{w.CoderId}/showcase", Json))!.Projects;
        }
        projects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = bidId, PublisherId = w.BuilderId, Title = t.Tender.Title, Client = "Comune di Prova", Value = new MoneyDto(900_000.05m, "EUR"), Verified = true,
            Partners = new[] { new { FirmId = w.CoderId, Confirmation = Marketplace.Showcase.PartnerConfirmation.Pending } },
            Verification = new { By = Marketplace.Showcase.ShowcaseVerifier.Award, VerifierId = w.BuyerId, VerifierName = "Comune di Prova" },
        });
    }

    [Fact]
    public async Task Nobody_leaves_is_removed_or_takes_the_lead_while_the_joint_bid_is_submitted_and_only_its_workspace_withdraws_it()
    {
        var t = await Submitted();
        var w = t.World;

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/remove", new ReasonRequest("Fuori"), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/leave", new { }, Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/lead", new FirmRequest(w.CoderId), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        // Withdrawn behind the workspace's back, the joint bid would still show its receipt and count the old signatures.
        (await w.Builder.DeleteAsync($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Receipt.Should().NotBeNull();
        (await w.Coder.GetFromJsonAsync<BidDto>($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}", Json))!.Status.Should().Be(BidStatus.Submitted);

        (await w.Builder.PostAsync($"{t.Bid}/withdraw", null)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/leave", new { }, Json)).EnsureSuccessStatusCode();
        (await w.Coder.GetAsync($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "a firm that left no longer reads the alliance's withdrawn bid, nor its partners' prices and files");
        (await w.Builder.GetAsync($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Once_the_joint_bid_is_submitted_the_lead_is_told_the_bid_holds_it_no_partner_is_suggested_and_after_the_deadline_every_firm_stays()
    {
        var t = await Submitted();
        var w = t.World;
        async Task<ViewerActions<AllianceFirmAction>> May(HttpClient client) =>
            (await client.GetFromJsonAsync<AllianceDto>($"/api/alliances/{t.AllianceId}", Json))!.ViewerFirms.Single().Actions;
        Task<SuggestionsDto?> Suggestions() => w.Coder.GetFromJsonAsync<SuggestionsDto>($"/api/alliances/{t.AllianceId}/suggestions", Json);
        Task<AllianceDto?> LeadSees() => w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{t.AllianceId}", Json);
        async Task<Refused> HandOver(HttpClient client) =>
            await (await client.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/lead", new FirmRequest(w.CoderId), Json)).Refusal();
        async Task<Refused> Remove(HttpClient client) =>
            await (await client.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/remove", new ReasonRequest("Fuori"), Json)).Refusal();
        async Task<Refused> Invite(HttpClient client) =>
            await (await client.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/invitations", new AllianceInviteRequest(w.OutsiderId, AllianceRole.Member), Json)).Refusal();
        async Task ItsFirmsStayAsTheyAre()
        {
            var alliance = (await LeadSees())!;
            alliance.Members.Should().Contain(m => m.FirmId == w.CoderId && m.Role == AllianceRole.Member && m.Standing == AllianceStanding.Active);
            alliance.Lead.Id.Should().Be(w.BuilderId);
        }

        // Before the deadline the lead can withdraw the bid, and is told so; nobody is invited into a sealed bid.
        (await HandOver(w.Builder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.handOverWhileSubmitted" });
        (await Remove(w.Builder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.removeWhileSubmitted" });
        (await Invite(w.Builder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.joinWhileSubmitted" });
        var before = (await LeadSees())!;
        before.Members.Single(m => m.FirmId == w.CoderId).Actions.Blocked.Select(b => (b.Action, b.Code)).Should().BeEquivalentTo([
            (AllianceMemberAction.HandOver, "alliance.handOverWhileSubmitted"), (AllianceMemberAction.Remove, "alliance.removeWhileSubmitted")]);
        before.Actions.Blocked.Should().ContainEquivalentOf(new { Action = AllianceAction.Invite, Code = "alliance.joinWhileSubmitted" });

        // Handing over is refused while the bid stands, so "hand the lead over first" would be false.
        (await May(w.Builder)).Blocked.Should().ContainEquivalentOf(new { Action = AllianceFirmAction.Leave, Code = "alliance.bidSubmitted" });
        (await Suggestions())!.Should().BeEquivalentTo(new { Ranked = Array.Empty<object>(), Cover = Array.Empty<object>(), Closed = "alliance.joinWhileSubmitted" });
        (await w.Outsider.GetAsync($"/api/alliances/{t.AllianceId}/suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "an outsider learns nothing of the alliance, its bid least of all");

        w.PassTo(t.Tender.SubmissionDeadline);

        (await May(w.Builder)).Blocked.Should().ContainEquivalentOf(new { Action = AllianceFirmAction.Leave, Code = "alliance.bidClosed" });
        (await May(w.Coder)).Blocked.Should().ContainEquivalentOf(new { Action = AllianceFirmAction.Leave, Code = "alliance.bidClosed" });
        var leave = await (await w.Coder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/leave", new { }, Json)).Refusal();
        leave.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.bidClosed" }, "the bid can no longer be withdrawn");
        (await Suggestions())!.Closed.Should().Be("alliance.partnersClosed");
        (await w.Outsider.GetAsync($"/api/alliances/{t.AllianceId}/suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // After the deadline the bid can no longer be withdrawn: the lead is told the true reason, not "withdraw it first".
        (await HandOver(w.Builder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.handOverClosed" });
        (await Remove(w.Builder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.removeClosed" });
        (await Invite(w.Builder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "alliance.partnersClosed" });
        var after = (await LeadSees())!;
        after.Members.Single(m => m.FirmId == w.CoderId).Actions.Should().BeEquivalentTo(new
        {
            Allowed = Array.Empty<AllianceMemberAction>(),
            Blocked = new[] { new { Action = AllianceMemberAction.HandOver, Code = "alliance.handOverClosed" }, new { Action = AllianceMemberAction.Remove, Code = "alliance.removeClosed" } },
        }, "the page offers nothing that can only be refused, and says why");
        after.Actions.Allowed.Should().NotContain(AllianceAction.Invite);
        // The wrong user is refused for who they are, before anything about the bid: the member, and a firm outside.
        (await HandOver(w.Coder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "alliance.notTheLead" });
        (await Remove(w.Coder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "alliance.notTheLead" });
        (await Invite(w.Coder)).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "alliance.notTheLead" });
        foreach (var refused in new[] { await HandOver(w.Outsider), await Remove(w.Outsider), await Invite(w.Outsider) })
            refused.Status.Should().Be(HttpStatusCode.NotFound, "to a firm outside, the alliance does not exist");
        await ItsFirmsStayAsTheyAre();
    }

    [Fact]
    public async Task A_member_who_kept_the_workspace_open_is_told_it_cannot_leave_once_the_bid_is_submitted_and_may_again_once_withdrawn()
    {
        var t = await Formed();
        var w = t.World;
        async Task<ViewerActions<AllianceFirmAction>> CoderMay() =>
            (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{t.AllianceId}", Json))!.ViewerFirms.Single().Actions;
        var bid = await Drafted(t);
        (await CoderMay()).Allowed.Should().Contain(AllianceFirmAction.Leave, "nothing is submitted yet");

        await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        await Sign(w.Coder, t, w.CoderId, bid.Digest);
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        (await CoderMay()).Blocked.Should().ContainEquivalentOf(new { Action = AllianceFirmAction.Leave, Code = "alliance.bidSubmitted" });

        (await w.Builder.PostAsync($"{t.Bid}/withdraw", null)).EnsureSuccessStatusCode();
        (await CoderMay()).Allowed.Should().Contain(AllianceFirmAction.Leave);
    }

    [Fact]
    public async Task After_a_withdrawal_every_firm_signs_again_before_the_lead_resubmits()
    {
        var t = await Submitted();
        var w = t.World;

        var withdrawn = await (await w.Builder.PostAsync($"{t.Bid}/withdraw", null)).Read<JointBidDto>();
        withdrawn.Receipt.Should().BeNull();
        withdrawn.SignOffs.Should().BeEmpty();
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Coder.PostAsync($"{t.Bid}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the lead withdraws");

        await Sign(w.Builder, t, w.BuilderId, withdrawn.Digest);
        await Sign(w.Coder, t, w.CoderId, withdrawn.Digest);
        var again = await (await w.Builder.PostAsync($"{t.Bid}/submit", null)).Read<JointBidDto>();
        again.Receipt!.Submission.Should().Be(2);
    }

    [Fact]
    public async Task A_partner_bidding_alone_is_told_why_it_cannot_sign_and_the_lead_learns_nothing_of_its_bid()
    {
        var t = await Formed();
        var w = t.World;
        (await w.Bid(w.Coder, t.Tender.Id, w.CoderId, 140_000m)).EnsureSuccessStatusCode();
        var bid = await Drafted(t);
        await Sign(w.Builder, t, w.BuilderId, bid.Digest);
        var beforePartnerTried = await (await w.Builder.PostAsync($"{t.Bid}/submit", null)).Read<ProblemDetails>();

        var partnerSigns = await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, bid.Digest), Json);
        var lead = await w.Builder.PostAsync($"{t.Bid}/submit", null);

        partnerSigns.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await partnerSigns.Read<ProblemDetails>()).Detail.Should().Contain("Your firm already bids for lot 1");
        lead.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await lead.Read<ProblemDetails>()).Detail.Should().Be(beforePartnerTried.Detail, "the lead is told only that a firm has not signed, as before");
        (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.AwaitingSignature.Select(f => f.Id).Should().Equal(w.CoderId);
    }

    [Fact]
    public async Task A_partner_that_signed_is_told_why_its_own_bid_for_a_covered_lot_is_refused()
    {
        var t = await Formed();
        var w = t.World;
        var bid = await Drafted(t);
        await Sign(w.Coder, t, w.CoderId, bid.Digest);

        var alone = await w.Bid(w.Coder, t.Tender.Id, w.CoderId, 140_000m);

        alone.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await alone.Read<ProblemDetails>()).Detail.Should().Contain("lot 1").And.Contain("signed");
        // Once its signature is void (an edit), the firm is free again to bid alone, and then cannot sign.
        var package = bid.WorkPackages.Single(p => p.Title == "Domotica");
        var edited = await Package(t, w.Coder, "Domotica", 1, w.CoderId, 45_000m, package.Id, package.Version);
        (await w.Bid(w.Coder, t.Tender.Id, w.CoderId, 140_000m)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, edited.Digest), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
