using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Server.Tests.Alliances.RelianceArrangement;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidRelianceApiTestsOnSqlite(ClockedSqliteHost fixture) : JointBidRelianceApiTests<ClockedSqliteHost>(fixture);

public sealed class JointBidRelianceApiTestsOnPostgres(ClockedPostgresHost fixture) : JointBidRelianceApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The RTI's declared reliances (avvalimento, PUT /api/alliances/{id}/bid/reliances): an auxiliary firm of the space
/// lends a bidding firm a category it holds, on a lot that allows it; the qualification view counts it for that firm,
/// and a change voids the signatures like any change of the bid.
/// </summary>
public abstract class JointBidRelianceApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<Team> Arrange(bool avvalimento = true, bool auxiliaryDgue = true) => RelianceArrangement.Arrange(fixture.Host, fixture.Clock, avvalimento, auxiliaryDgue);

    static async Task<JointBidDto> Read(HttpClient client, Team t) => (await client.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;

    static async Task<LotQualificationDto> Lot(HttpClient client, Team t) =>
        (await client.GetFromJsonAsync<AllianceQualificationDto>($"/api/alliances/{t.AllianceId}/qualification", Json))!.Lots.Should().ContainSingle().Subject;

    [Fact]
    public async Task The_lead_declares_an_auxiliary_lending_OS30_to_the_member_and_the_lot_qualifies_with_it_in_avvalimento()
    {
        var t = await Arrange();
        var w = t.World;
        (await Lot(w.Coder, t)).Qualifies.Should().BeFalse("nobody of the alliance holds OS30");
        // A bid with a work package, once questions are closed, that the lead has signed.
        w.PassTo(t.Tender.EnquiryDeadline);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere edili", 1, null, w.BuilderId,
            new MoneyDto(1_000_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var before = await Read(w.Builder, t);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, before.Digest), Json)).EnsureSuccessStatusCode();

        var saved = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, before.ReliancesVersion), Json);

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var bid = await Read(w.Coder, t);
        bid.Reliances.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Lot = 1, Auxiliary = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"), RelyingFirm = new NamedDto(w.CoderId, "Verdi Informatica"),
            Kind = RequirementKind.Separable, Category = "OS30", ClassLabel = "I",
        });
        bid.Digest.Should().NotBe(before.Digest, "the reliances are part of what the firms sign");
        bid.SignOffs.Should().BeEmpty("the lead's signature was of the bid without them");

        var lot = await Lot(w.Coder, t);
        lot.Qualifies.Should().BeTrue();
        lot.Requirements.Single(r => r.Category == "OS30").By.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Firm = new NamedDto(w.CoderId, "Verdi Informatica"), ClassLabel = "I", Counts = true, LentBy = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"),
        });
    }

    [Fact]
    public async Task A_lot_that_does_not_allow_avvalimento_refuses_the_reliance_with_the_reason_and_stores_nothing()
    {
        var t = await Arrange(avvalimento: false);
        var before = await Read(t.World.Builder, t);

        var refused = await t.World.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, before.ReliancesVersion), Json);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!;
        problem.Errors.Keys.Should().Equal("reliances[0].lot");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("avvalimento.notAllowed");
        (await Read(t.World.Builder, t)).Should().BeEquivalentTo(new { before.Digest, before.Version, Reliances = Array.Empty<RelianceDto>() });
    }

    [Fact]
    public async Task An_auxiliary_lending_a_class_it_does_not_hold_or_a_firm_outside_the_space_is_refused_on_the_field()
    {
        var t = await Arrange();
        var w = t.World;
        var version = (await Read(w.Builder, t)).ReliancesVersion;

        var overClass = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version, lent: SoaClass.III), Json);
        var outsider = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version, auxiliary: w.OutsiderId), Json);

        overClass.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await overClass.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys.Should().Equal("reliances[0].class");
        (await overClass.Content.ReadAsStringAsync()).Should().Contain("avvalimento.categoryNotHeld");
        outsider.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await outsider.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys.Should().Contain("reliances[0].auxiliaryId");
        (await Read(w.Builder, t)).Reliances.Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_declares_for_itself_only_and_outsiders_get_the_one_answer()
    {
        var t = await Arrange();
        var w = t.World;
        var version = (await Read(w.Builder, t)).ReliancesVersion;

        var forTheLead = await w.Coder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version, to: w.BuilderId), Json);
        forTheLead.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forTheLead.Content.ReadAsStringAsync()).Should().Contain("avvalimento.ownFirmsOnly");

        var unknown = await w.Outsider.PutAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/bid/reliances", Lends(t, version), Json);
        foreach (var client in new[] { w.Outsider, w.Buyer, w.Admin })
        {
            var response = await client.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version), Json);
            response.StatusCode.Should().Be(unknown.StatusCode).And.Be(HttpStatusCode.NotFound);
        }
        (await Read(w.Builder, t)).Reliances.Should().BeEmpty();

        var own = await w.Coder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version), Json);
        own.StatusCode.Should().Be(HttpStatusCode.OK, "a member declares what is lent to itself");
        var stale = await w.Builder.PutAsJsonAsync($"{t.Bid}/reliances", Lends(t, version), Json);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_reliances_are_sealed_with_the_bid_listed_in_its_package_and_the_buyer_reads_the_auxiliary_as_jointly_liable_only_after_opening()
    {
        var t = await Arrange();
        var w = t.World;
        var (bid, _) = await UnderContract(t);
        await SignAll(t, bid);
        var digest = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().Digest;
        (await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, true), Json)).EnsureSuccessStatusCode();

        var package = await w.Coder.GetAsync($"{t.Bid}/package");
        using (var archive = new ZipArchive(await package.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            string Text(string name) { using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8); return reader.ReadToEnd(); }
            Text("riepilogo.txt").Should().Contain("Avvalimento (imprese ausiliarie):")
                .And.Contain("Elettrica Ausiliaria presta a Verdi Informatica: OS30 classe I · solidalmente responsabile")
                .And.Contain("contratto di avvalimento: Contratto di avvalimento.pdf").And.Contain("impegno firmato dall'ausiliaria il");
            Text("summary.txt").Should().Contain("Avvalimento (auxiliary firms):")
                .And.Contain("Elettrica Ausiliaria lends to Verdi Informatica: OS30 class I · jointly liable")
                .And.Contain("commitment signed by the auxiliary on");
        }
        var submitted = await w.Builder.PostAsync($"{t.Bid}/submit", null);
        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var sealedPath = $"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}";

        var ours = (await w.Coder.GetFromJsonAsync<BidDto>(sealedPath, Json))!;
        ours.Reliances.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Lot = 1, Auxiliary = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"), RelyingFirm = new NamedDto(w.CoderId, "Verdi Informatica"),
            Kind = RequirementKind.Separable, Category = "OS30", ClassLabel = "I",
        });
        ours.MatchesReceipt.Should().BeTrue("the receipt's digest covers the reliances");
        (await w.Buyer.GetAsync(sealedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");

        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<BidDto>(sealedPath, Json))!;

        opened.Reliances.Should().BeEquivalentTo(ours.Reliances);
        opened.MatchesReceipt.Should().BeTrue();
        (await w.Anonymous.GetStringAsync($"/api/tenders/{t.Tender.Id}/ocds")).Should().NotContain("Elettrica", "the open data carry no reliance");
    }

    [Fact]
    public async Task The_auxiliary_reads_only_what_it_lends_signs_its_commitment_and_only_then_the_lead_submits_and_the_buyer_reads_it_after_opening()
    {
        var t = await Arrange();
        var w = t.World;
        var (bid, contract) = await UnderContract(t);
        bid.Reliances.Single().Should().BeEquivalentTo(new { Status = RelianceStatus.Awaiting, Contract = new { contract.Id, contract.Sha256 } });
        await SignAll(t, bid);

        var early = await w.Builder.PostAsync($"{t.Bid}/submit", null);
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var refusal = await early.Refusal();
        refusal.Code.Should().Be("avvalimento.uncommitted");
        (await early.Content.ReadAsStringAsync()).Should().Contain("Elettrica Ausiliaria", "the refusal names the auxiliary");

        var view = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!;
        view.Tender.Should().Be(new NamedDto(t.Tender.Id, t.Tender.Title));
        var lending = view.Lendings.Should().ContainSingle().Subject;
        lending.Should().BeEquivalentTo(new
        {
            Lot = 1, MayAnswer = true,
            Reliance = new { Category = "OS30", ClassLabel = "I", RelyingFirm = new NamedDto(w.CoderId, "Verdi Informatica"), Status = RelianceStatus.Awaiting },
        });
        var json = await t.AuxiliaryPerson.GetStringAsync($"{t.Bid}/lending");
        json.Should().NotContain("900000").And.NotContain("Murature e solai").And.NotContain("Cantiere nei mesi estivi").And.NotContain(bid.Digest);
        (await t.AuxiliaryPerson.GetAsync($"{t.Bid}/lending/contracts/{contract.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var committed = await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, lending.Digest, true), Json);
        committed.StatusCode.Should().Be(HttpStatusCode.OK, await committed.Content.ReadAsStringAsync());
        (await committed.Read<LendingViewDto>()).Lendings.Single().Should().BeEquivalentTo(new { MayAnswer = false, Reliance = new { Status = RelianceStatus.Committed } });
        var lead = await Read(w.Builder, t);
        lead.Reliances.Single().Status.Should().Be(RelianceStatus.Committed);
        lead.SignOffs.Should().HaveCount(2, "the commitment changes nothing the firms signed");

        var submitted = await w.Builder.PostAsync($"{t.Bid}/submit", null);
        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var sealedPath = $"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}";
        (await w.Buyer.GetAsync(sealedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");
        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<BidDto>(sealedPath, Json))!;
        opened.MatchesReceipt.Should().BeTrue();
        opened.Reliances.Single().Commitment.Should().BeEquivalentTo(new { Digest = lending.Digest, Contract = new { contract.Id, contract.Sha256 } });
    }

    [Fact]
    public async Task An_auxiliary_without_a_dgue_is_named_and_nothing_is_submitted_until_it_answers_one()
    {
        var t = await Arrange(auxiliaryDgue: false);
        var w = t.World;
        var (bid, _) = await UnderContract(t);
        await SignAll(t, bid);
        var digest = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().Digest;
        (await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, true), Json)).EnsureSuccessStatusCode();

        var refused = await (await w.Builder.PostAsync($"{t.Bid}/submit", null)).Refusal();

        refused.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "jointBid.dgueMissing" }, "the auxiliary presents its own DGUE too");
        refused.Args["firms"].Should().Be("Elettrica Ausiliaria");
        var page = await Read(w.Builder, t);
        page.Receipt.Should().BeNull("nothing was submitted");
        page.Actions.Blocked.Should().ContainEquivalentOf(new { Action = JointBidAction.Submit, Code = "jointBid.dgueMissing" });

        await t.AuxiliaryPerson.RecordDgue(t.Auxiliary);
        var submitted = await w.Builder.PostAsync($"{t.Bid}/submit", null);

        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        (await w.Coder.GetFromJsonAsync<BidDto>($"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}", Json))!.Dgues.Select(d => d.Firm.Id)
            .Should().BeEquivalentTo([w.BuilderId, w.CoderId, t.Auxiliary], "each firm's DGUE is sealed, the auxiliary's too");
    }

    [Fact]
    public async Task The_auxiliary_is_refused_the_joint_bid_the_workspace_the_threads_and_the_alliances_documents()
    {
        var t = await Arrange();
        var (bid, contract) = await UnderContract(t);
        var aux = t.AuxiliaryPerson;

        foreach (var path in new[]
        {
            t.Bid, $"{t.Bid}/package", $"{t.Bid}/documents/{contract.Id}", $"/api/alliances/{t.AllianceId}",
            $"/api/alliances/{t.AllianceId}/messages", $"/api/alliances/{t.AllianceId}/qualification",
        })
            (await aux.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        var sign = await aux.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(t.Auxiliary, bid.Digest), Json);
        ((int)sign.StatusCode).Should().BeOneOf(403, 404);
        (await Read(t.World.Builder, t)).SignOffs.Should().BeEmpty();
    }

    [Fact]
    public async Task Outsiders_the_buyer_and_the_alliances_own_people_get_one_answer_and_a_viewer_of_the_auxiliary_may_not_answer()
    {
        var t = await Arrange();
        var w = t.World;
        var (bid, contract) = await UnderContract(t);
        var nothingHere = await w.Outsider.GetAsync($"/api/alliances/{Guid.NewGuid()}/bid/lending");
        nothingHere.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var code = (await nothingHere.Refusal()).Code;

        foreach (var client in new[] { w.Outsider, w.Buyer, w.Admin, w.Builder })
        {
            var refused = await client.GetAsync($"{t.Bid}/lending");
            refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await refused.Refusal()).Code.Should().Be(code, "the same answer whether a reliance exists or not");
            (await client.GetAsync($"{t.Bid}/lending/contracts/{contract.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        var digest = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().Digest;
        var byOutsider = await w.Outsider.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, true), Json);
        byOutsider.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var viewer = w.Host.Browser();
        await viewer.JoinAsViewer(t.AuxiliaryPerson, t.Auxiliary);
        (await viewer.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().MayAnswer.Should().BeFalse();
        var byViewer = await viewer.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, true), Json);
        byViewer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byViewer.Refusal()).Code.Should().Be("avvalimento.notTheAuxiliary");

        var stale = await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, "0000", true), Json);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Refusal()).Code.Should().Be("avvalimento.commitmentChanged");
        (await Read(w.Builder, t)).Reliances.Single().Status.Should().Be(RelianceStatus.Awaiting, "nothing was stored");
    }

    [Fact]
    public async Task The_auxiliary_declines_the_lead_reads_it_as_declined_and_a_changed_contract_asks_it_again()
    {
        var t = await Arrange();
        var w = t.World;
        var (_, contract) = await UnderContract(t);
        var digest = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().Digest;

        (await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, false), Json)).EnsureSuccessStatusCode();

        var lead = await Read(w.Builder, t);
        lead.Reliances.Single().Status.Should().Be(RelianceStatus.Declined);
        var other = await ReviseContract(t);
        var again = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single();
        again.Should().BeEquivalentTo(new { MayAnswer = true, Reliance = new { Status = RelianceStatus.Awaiting, Contract = new { other.Id } } });
        again.Digest.Should().NotBe(digest);
        (await t.AuxiliaryPerson.GetAsync($"{t.Bid}/lending/contracts/{contract.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no longer its contract");
    }

    static async Task<ToDoItemDto[]> Avvalimenti(HttpClient person) =>
        [.. (await person.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!.Where(i => i.Kind == ToDoKind.ConfirmAvvalimento)];

    [Fact]
    public async Task The_auxiliarys_owner_finds_the_reliance_in_its_to_do_list_until_it_answers_and_again_after_a_change_and_no_one_else_does()
    {
        var t = await Arrange();
        var w = t.World;
        var viewer = w.Host.Browser();
        await viewer.JoinAsViewer(t.AuxiliaryPerson, t.Auxiliary);
        (await Avvalimenti(t.AuxiliaryPerson)).Should().BeEmpty("no bid relies on the firm yet");

        await UnderContract(t);

        (await Avvalimenti(t.AuxiliaryPerson)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Business = new NamedDto(t.Auxiliary, "Elettrica Ausiliaria"), Alliance = new { Id = t.AllianceId }, Tender = new NamedDto(t.Tender.Id, t.Tender.Title), Count = 1,
        });
        foreach (var person in new[] { w.Builder, w.Coder, w.Outsider, w.Buyer })
            (await Avvalimenti(person)).Should().BeEmpty("only the auxiliary's people are asked");
        (await Avvalimenti(viewer)).Should().BeEmpty("a Viewer answers for the firm in nothing: the list holds only what its person may do");
        var lending = (await viewer.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single();
        lending.MayAnswer.Should().BeFalse("the Viewer reads the page");
        (await viewer.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, lending.Digest, true), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Avvalimenti(t.AuxiliaryPerson)).Should().ContainSingle("the Viewer's refused answer changed nothing");

        (await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, lending.Digest, true), Json)).EnsureSuccessStatusCode();
        (await Avvalimenti(t.AuxiliaryPerson)).Should().BeEmpty("the firm committed");

        await ReviseContract(t);
        (await Avvalimenti(t.AuxiliaryPerson)).Should().ContainSingle("a changed contract asks the firm again");

        w.PassTo(t.Tender.SubmissionDeadline);
        (await Avvalimenti(t.AuxiliaryPerson)).Should().BeEmpty("nothing can be answered once bids are closed");
    }
}
