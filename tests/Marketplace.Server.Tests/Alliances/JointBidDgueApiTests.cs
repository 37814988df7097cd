using System.Net;
using System.Net.Http.Json;
using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidDgueApiTestsOnSqlite(ClockedSqliteHost fixture) : JointBidDgueApiTests<ClockedSqliteHost>(fixture);

public sealed class JointBidDgueApiTestsOnPostgres(ClockedPostgresHost fixture) : JointBidDgueApiTests<ClockedPostgresHost>(fixture);

/// <summary>Each firm's DGUE is sealed with its RTI's bid as it stands at the submission, and the buyer reads it only after opening.</summary>
public abstract class JointBidDgueApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static DgueAnswerRequest[] AllNo() => [.. DgueRules.Grounds.Select(g => new DgueAnswerRequest(g.Code, false, null))];

    /// <summary>The builder and the IT firm's drafted bid for lot 1, signed by both; the answer is the bid's path.</summary>
    static async Task<string> SignedBid(TenderWorld w, TenderDto tender, Guid allianceId)
    {
        var bid = $"/api/alliances/{allianceId}/bid";
        w.PassTo(tender.EnquiryDeadline);
        foreach (var (client, firm, price) in new[] { (w.Builder, w.BuilderId, 700_000m), (w.Coder, w.CoderId, 150_000m) })
            (await client.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Lavori", 1, null, firm, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        var answered = await (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).Read<JointBidDto>();
        foreach (var (client, firm) in new[] { (w.Builder, w.BuilderId), (w.Coder, w.CoderId) })
            (await client.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm, answered.Digest), Json)).EnsureSuccessStatusCode();
        return bid;
    }

    /// <summary>An RTI of the builder and the IT firm; the builder records OG1 class III and a DGUE pointing at it, with one ground that applies.</summary>
    async Task<(TenderWorld W, TenderDto Tender, Guid AllianceId, FirmDgueDto Confirmed)> BuilderWithDgue()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        var builder = (await w.Builder.GetFromJsonAsync<FirmDgueDto>($"/api/businesses/{w.BuilderId}/dgue", Json))!;
        var q = await w.Builder.RecordQualifications(w.BuilderId, builder.Version,
            [new("OG1", SoaClass.III, QualificationRules.Today(w.Now).AddYears(1), "SOA Nord")]);
        var answers = AllNo();
        answers[6] = answers[6] with { Applies = true, Explanation = "Penale contrattuale del 2024 per ritardo, pagata." };
        var confirmed = await (await w.Builder.PutAsJsonAsync($"/api/businesses/{w.BuilderId}/dgue",
            new EditDgueRequest(q.Version, answers, new DgueSelectionRequest(["OG1"], false)), Json)).Read<FirmDgueDto>();
        return (w, tender, allianceId, confirmed);
    }

    [Fact]
    public async Task A_firm_s_dgue_is_sealed_with_the_attestation_it_points_at_and_the_buyer_reads_it_only_after_opening()
    {
        var (w, tender, allianceId, _) = await BuilderWithDgue();
        var bid = await SignedBid(w, tender, allianceId);

        (await w.Builder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var renewed = (await w.Builder.GetFromJsonAsync<FirmDgueDto>($"/api/businesses/{w.BuilderId}/dgue", Json))!;
        await w.Builder.RecordQualifications(w.BuilderId, renewed.Version, [new("OG1", SoaClass.V, QualificationRules.Today(w.Now).AddYears(1), "SOA Nord")]);
        var sealedPath = $"/api/tenders/{tender.Id}/bids/{allianceId}";
        var ours = (await w.Coder.GetFromJsonAsync<BidDto>(sealedPath, Json))!;

        ours.MatchesReceipt.Should().BeTrue("the receipt's digest covers the DGUEs");
        ours.Dgues.Select(d => d.Firm.Id).Should().BeEquivalentTo([w.BuilderId, w.CoderId], "each bidding firm's DGUE is sealed");
        var sealedDgue = ours.Dgues.Single(d => d.Firm.Id == w.BuilderId);
        sealedDgue.Dgue.Current.Should().BeTrue();
        sealedDgue.Dgue.Categories.Single().Attestation!.ClassLabel.Should().Be("III", "sealed as recorded at the submission, not as renewed since");
        sealedDgue.Dgue.Grounds[6].Should().BeEquivalentTo(new { Code = "professionalMisconduct", Applies = (bool?)true, Explanation = "Penale contrattuale del 2024 per ritardo, pagata." });
        (await w.Buyer.GetAsync(sealedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");

        w.PassOpening(tender);
        var opened = (await w.Buyer.GetFromJsonAsync<BidDto>(sealedPath, Json))!;

        opened.Dgues.Should().BeEquivalentTo(ours.Dgues);
        opened.MatchesReceipt.Should().BeTrue();
        (await w.Anonymous.GetStringAsync($"/api/tenders/{tender.Id}/ocds")).Should().NotContain("Penale contrattuale", "the open data carry no DGUE");
    }

    static async Task<Dictionary<string, string>> PackageTexts(HttpClient client, string bid)
    {
        var response = await client.GetAsync($"{bid}/package");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var archive = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var texts = new Dictionary<string, string>();
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            texts[entry.FullName] = await reader.ReadToEndAsync();
        }
        return texts;
    }

    [Fact]
    public async Task The_bid_s_package_holds_each_dgue_as_sealed_and_a_later_dgue_change_does_not_alter_it()
    {
        var (w, tender, allianceId, confirmed) = await BuilderWithDgue();
        var bid = await SignedBid(w, tender, allianceId);
        (await PackageTexts(w.Builder, bid)).Keys.Should().NotContain(k => k.StartsWith("dgue/", StringComparison.Ordinal), "nothing is sealed before the submission");
        (await w.Builder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var sealedTexts = await PackageTexts(w.Coder, bid);

        sealedTexts.Keys.Where(k => k.StartsWith("dgue/", StringComparison.Ordinal)).Should().Contain("dgue/Rossi-Costruzioni.txt")
            .And.HaveCount(2, "each bidding firm's DGUE is sealed, the IT firm's too");
        var confirmedOn = QualificationRules.Today(confirmed.Dgue.ConfirmedAt!.Value).ToDateTime(TimeOnly.MinValue);
        sealedTexts["dgue/Rossi-Costruzioni.txt"].Should()
            .Contain($"Confermato il {confirmedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("it-IT"))}")
            .And.Contain("- professionalMisconduct (D.Lgs. 36/2023, art. 95, c. 1, lett. e), art. 98): Sì\n  Penale contrattuale del 2024 per ritardo, pagata.")
            .And.Contain("- convictions (D.Lgs. 36/2023, art. 94, c. 1): No")
            .And.Contain("- SOA OG1 classe III").And.Contain("rilasciata da SOA Nord")
            .And.Contain($"Confirmed on {confirmedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}")
            .And.Contain("- professionalMisconduct (D.Lgs. 36/2023, art. 95, c. 1, lett. e), art. 98): Yes").And.Contain("- SOA OG1 class III");

        // The firm renews its class and answers its DGUE again after the submission.
        var renewed = (await w.Builder.GetFromJsonAsync<FirmDgueDto>($"/api/businesses/{w.BuilderId}/dgue", Json))!;
        await w.Builder.RecordQualifications(w.BuilderId, renewed.Version, [new("OG1", SoaClass.V, QualificationRules.Today(w.Now).AddYears(1), "SOA Sud")]);
        await w.Builder.RecordDgue(w.BuilderId, misconduct: "Altra dichiarazione, successiva all'offerta.");

        (await PackageTexts(w.Builder, bid))["dgue/Rossi-Costruzioni.txt"].Should().Be(sealedTexts["dgue/Rossi-Costruzioni.txt"], "the package says what was sealed");
    }

    [Fact]
    public async Task A_firm_without_a_dgue_is_named_and_nothing_is_submitted_until_it_answers_one_and_signs_again()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id, dgues: false);
        await w.Builder.RecordDgue(w.BuilderId);
        var bid = await SignedBid(w, tender, allianceId);

        (await w.Coder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the lead submits, whatever the DGUEs say");
        (await w.Outsider.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var refused = await (await w.Builder.PostAsync($"{bid}/submit", null)).Refusal();

        refused.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "jointBid.dgueMissing" });
        refused.Args["firms"].Should().Be("Verdi Informatica");
        var page = (await w.Builder.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        page.Receipt.Should().BeNull("nothing was submitted");
        page.SignOffs.Should().HaveCount(2, "a missing DGUE voids no sign-off: the lead's submission waits for it");
        page.Actions.Blocked.Should().ContainEquivalentOf(new { Action = JointBidAction.Submit, Code = "jointBid.dgueMissing", Args = new Dictionary<string, string> { ["firms"] = "Verdi Informatica" } });
        (await w.Coder.GetAsync($"/api/tenders/{tender.Id}/bids/{allianceId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no bid was stored");

        await w.Coder.RecordDgue(w.CoderId);
        (await (await w.Builder.PostAsync($"{bid}/submit", null)).Refusal()).Code.Should().Be("jointBid.dgueChanged", "the firm signed before it had a DGUE");
        var coderPage = (await w.Coder.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, coderPage.Digest), Json)).EnsureSuccessStatusCode();

        (await w.Builder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var ours = (await w.Coder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{allianceId}", Json))!;
        ours.Dgues.Select(d => d.Firm.Id).Should().BeEquivalentTo([w.BuilderId, w.CoderId]);
        ours.MatchesReceipt.Should().BeTrue();
    }

    [Fact]
    public async Task A_dgue_confirmed_more_than_six_months_ago_is_confirmed_again_before_the_lead_submits()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        await w.Coder.RecordDgue(w.CoderId);
        w.Clock.Advance(TimeSpan.FromDays(200));
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id, dgues: false);
        await w.Builder.RecordDgue(w.BuilderId);
        var bid = await SignedBid(w, tender, allianceId);

        var refused = await (await w.Builder.PostAsync($"{bid}/submit", null)).Refusal();

        refused.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "jointBid.dgueStale" }, "a DGUE confirmed 200 days ago is to be confirmed again");
        refused.Args["firms"].Should().Be("Verdi Informatica");
        (await w.Builder.GetFromJsonAsync<JointBidDto>(bid, Json))!.Receipt.Should().BeNull();

        await w.Coder.RecordDgue(w.CoderId);
        var coderPage = (await w.Coder.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, coderPage.Digest), Json)).EnsureSuccessStatusCode();

        (await w.Builder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK, "confirmed again today, and signed with it");
    }

    [Fact]
    public async Task A_firm_that_changes_its_dgue_after_signing_signs_again_before_the_lead_submits()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        var bid = await SignedBid(w, tender, allianceId);
        await w.Coder.RecordDgue(w.CoderId, misconduct: "Penale contrattuale del 2025 per ritardo, pagata.");

        (await w.Coder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the lead submits, whatever the DGUEs say");
        (await w.Outsider.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var refused = await (await w.Builder.PostAsync($"{bid}/submit", null)).Refusal();

        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.Code.Should().Be("jointBid.dgueChanged");
        refused.Args["firms"].Should().Be("Verdi Informatica");
        var page = (await w.Builder.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        page.Receipt.Should().BeNull("nothing was submitted");
        page.SignOffs.Select(s => s.Firm.Id).Should().Equal([w.BuilderId], "the IT firm's sign-off went with the DGUE it changed");
        page.AwaitingSignature.Select(f => f.Id).Should().Equal(w.CoderId);
        page.Actions.Blocked.Should().ContainEquivalentOf(new { Action = JointBidAction.Submit, Code = "jointBid.dgueChanged" });
        var coderPage = (await w.Coder.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        coderPage.ViewerFirms.Single().Actions.Allowed.Should().Contain(JointBidFirmAction.Sign, "its sign-off no longer counts");
        (await w.Coder.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!.Should().ContainSingle(i => i.Kind == ToDoKind.SignJointBid
            && i.Business.Id == w.CoderId, "its people find the bid to sign again in their to-do list");

        (await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, coderPage.Digest), Json)).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "a firm signs by its own people");
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, coderPage.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, coderPage.Digest), Json)).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "the firm signed its DGUE as it stands");
        (await w.Builder.PostAsync($"{bid}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var sealedBid = (await w.Coder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{allianceId}", Json))!;
        sealedBid.MatchesReceipt.Should().BeTrue();
        sealedBid.Dgues.Single(d => d.Firm.Id == w.CoderId).Dgue.Grounds.Single(g => g.Code == "professionalMisconduct").Explanation
            .Should().Be("Penale contrattuale del 2025 per ritardo, pagata.", "the DGUE the firm signed again is the one sealed");
    }

    [Fact]
    public async Task A_firm_that_answers_its_first_dgue_after_signing_signs_again()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id, dgues: false);
        await w.Builder.RecordDgue(w.BuilderId);
        var bid = await SignedBid(w, tender, allianceId);
        await w.Builder.RecordDgue(w.BuilderId);
        await w.Coder.RecordDgue(w.CoderId);

        var refused = await (await w.Builder.PostAsync($"{bid}/submit", null)).Refusal();

        refused.Code.Should().Be("jointBid.dgueChanged", "a DGUE confirmed again, or answered for the first time, is not the one signed");
        refused.Args["firms"].Should().Be("Rossi Costruzioni, Verdi Informatica");
        (await w.Builder.GetFromJsonAsync<JointBidDto>(bid, Json))!.AwaitingSignature.Select(f => f.Id).Should().BeEquivalentTo([w.BuilderId, w.CoderId]);
    }
}
