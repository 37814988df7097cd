using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class AwardMailTestsOnSqlite(SqliteNotificationHost fixture) : AwardMailTests<SqliteNotificationHost>(fixture);

public sealed class AwardMailTestsOnPostgres(PostgresNotificationHost fixture) : AwardMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// The people of each firm that bid for a lot (alone or in an RTI) are told by e-mail when it is decided: won, not won
/// or unsuccessful, with the outcome the tender's page shows them and nothing more of the other bids; nobody else is,
/// a lot is told once, and a digest gathers it with the day's other kinds.
/// </summary>
public abstract class AwardMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    const string Title = "Riqualificazione scuola Rodari";

    Task<TenderWorld> World() => TenderWorld.Create(host, fixture.Clock);

    /// <summary>The e-mail of the result of <see cref="Title"/> to <paramref name="address"/>, once it arrives (after its account and other e-mails).</summary>
    async Task<MimeMessage> ResultTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject?.Contains($"«{Title}»") == true) is { } found) return found;
    }

    async Task<List<string>> Results(HttpClient person) =>
        [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(s => s.Contains($"«{Title}»"))];

    static async Task<LotEvaluationDto[]> Evaluation(TenderWorld w, Guid tenderId) =>
        (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tenderId}/evaluation", Json))!.Lots;

    static Task<HttpResponseMessage> Decide(TenderWorld w, Guid tenderId, int lot, Guid? bidId, string? reason = null) =>
        w.Buyer.PostAsJsonAsync($"/api/tenders/{tenderId}/decisions", new DecideRequest(lot, bidId, reason), Json);

    static async Task Score(TenderWorld w, Guid tenderId, Guid bidId, decimal quality) =>
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tenderId}/scores", new ScoreRequest(bidId, 2, quality), Json)).EnsureSuccessStatusCode();

    [Fact]
    public async Task Each_bidder_s_people_are_told_once_of_the_lots_they_bid_for_with_only_what_the_tender_s_page_shows_them()
    {
        var w = await World();
        var (manager, viewer) = (host.Browser(), host.Browser());
        await w.Coder.Join(w.CoderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.Award)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m, 180_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        (await w.Get(w.Buyer, tender.Id)).BidsOpened.Should().BeTrue();
        var ranking = (await Evaluation(w, tender.Id)).Single(l => l.Lot == 1).Ranking;
        var (builderBid, coderBid) = (ranking.Single(r => r.BidderId == w.BuilderId).BidId, ranking.Single(r => r.BidderId == w.CoderId).BidId);
        await Score(w, tender.Id, builderBid, 100m);
        await Score(w, tender.Id, coderBid, 50m);
        fixture.Wait();
        await fixture.SendNotices(); // the new tender's e-mails go first: what follows is the award's alone

        (await Decide(w, tender.Id, 1, builderBid)).EnsureSuccessStatusCode();
        (await Decide(w, tender.Id, 2, null, "Prezzo non congruo")).EnsureSuccessStatusCode();
        (await Decide(w, tender.Id, 1, builderBid)).StatusCode.Should().Be(HttpStatusCode.Conflict, "a lot is decided once");
        fixture.Wait();
        await fixture.SendNotices();

        // Two bids stood: the award becomes final after its standstill, and the e-mail says so with the page's day.
        var ends = (await w.Get(w.Builder, tender.Id)).Decisions.Single(d => d.Lot == 1).StandstillEnds!.Value;
        string Day(string culture) => TimeZoneInfo.ConvertTime(ends, TimeZoneInfo.FindSystemTimeZoneById(fixture.Options.TimeZone))
            .ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(culture));
        var won = await ResultTo(await NotificationHost.EmailOf(w.Builder));
        won.Subject.Should().Be($"Esito di «{Title}» per Rossi Costruzioni");
        won.TextBody.Should().Contain("il committente ha deciso alcuni lotti di una gara per cui Rossi Costruzioni ha presentato offerta:")
            .And.Contain("Lotto 1 – Opere edili: aggiudicato alla vostra offerta. Aggiudicato a Rossi Costruzioni per 700.000,00 EUR. " +
                $"L'aggiudicazione diventa definitiva il {Day("it-IT")}: fino ad allora corre il termine dilatorio (art. 18, comma 3, D.Lgs. 36/2023) e il contratto non si stipula.")
            .And.Contain("Lotto 2 – Impianti elettrici: lotto deserto, nessuna offerta aggiudicata. Motivo: Prezzo non congruo")
            .And.Contain($"https://marketplace.test/#/tenders/{tender.Id}")
            .And.Contain("Non ricevere più e-mail sugli esiti delle tue offerte:\nhttps://marketplace.test/#/unsubscribe?token=");
        (await Results(w.Builder)).Should().ContainSingle("the two lots decided before the e-mail went are told in one");

        var lost = await ResultTo(await NotificationHost.EmailOf(manager));
        lost.Subject.Should().Be($"Result of «{Title}» for Verdi Informatica");
        lost.TextBody.Should().Contain("Lot 1 – Opere edili: not awarded to your bid. Awarded to Rossi Costruzioni for 700,000.00 EUR. " +
            $"The award becomes final on {Day("en-GB")}: until then the standstill period runs (art. 18(3) of Legislative Decree 36/2023) and no contract is signed.");
        (await w.Get(w.Coder, tender.Id)).Decisions.Single(d => d.Lot == 1).Price!.Amount.Should().Be(700_000m, "the page shows the loser the award's price too");
        lost.TextBody.Should().NotContain("Lot 2", "the firm did not bid for it")
            .And.NotContain("180,000", "the winner's price for a lot nobody was awarded is on no page").And.NotContain("points");
        (await ResultTo(await NotificationHost.EmailOf(viewer))).Subject.Should().Be($"Esito di «{Title}» per Verdi Informatica", "a Viewer reads the tender's page too");
        (await Results(w.Outsider)).Should().BeEmpty("a firm that did not bid");
        (await Results(w.Buyer)).Should().BeEmpty("the buyer decided it");
        (await Results(w.Admin)).Should().BeEmpty("the space's admin did not bid");

        await fixture.SendNotices();
        (await Results(w.Coder)).Should().ContainSingle("a decision is told once");
        (await host.Query(db => db.Notices.CountAsync(n => n.TenderId == tender.Id && n.Kind == NotificationKind.Award))).Should().Be(2 + 3,
            "a notice per person and lot they bid for (the builder's one person for two lots, the IT firm's three for one), none for the refused decision");
    }

    [Fact]
    public async Task The_firms_of_an_rti_s_bid_are_each_told_and_a_person_who_left_the_firm_meanwhile_is_not()
    {
        var w = await World();
        var leaving = host.Browser();
        var leavingEmail = await leaving.SignUp("leaving");
        await w.Coder.Join(w.CoderId, leaving, leavingEmail, BusinessRole.Manager);
        (await NotificationHost.Choose(w.Builder, NotificationMode.Off, "it", NotificationKind.NewTender)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        var alliance = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        var bid = $"/api/alliances/{alliance}/bid";
        (await w.Builder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(600_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Domotica", 1, null, w.CoderId, new MoneyDto(50_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var drafted = await (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.BuilderId, drafted.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, drafted.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        (await w.Get(w.Buyer, tender.Id)).BidsOpened.Should().BeTrue();
        var rtiBid = (await Evaluation(w, tender.Id)).Single(l => l.Lot == 1).Ranking.Single().BidId;
        await Score(w, tender.Id, rtiBid, 80m);

        (await Decide(w, tender.Id, 1, rtiBid)).EnsureSuccessStatusCode();
        await w.Coder.Remove(w.CoderId, leavingEmail);
        fixture.Wait();
        await fixture.SendNotices();

        const string awarded = "Lotto 1 – Opere edili: aggiudicato alla vostra offerta. Aggiudicato a Rossi Costruzioni, Verdi Informatica per 650.000,00 EUR.";
        (await ResultTo(await NotificationHost.EmailOf(w.Builder))).TextBody.Should().Contain(awarded, "the lead firm bid in the RTI");
        var member = await ResultTo(await NotificationHost.EmailOf(w.Coder));
        member.Subject.Should().Be($"Esito di «{Title}» per Verdi Informatica");
        member.TextBody.Should().Contain(awarded, "the member firm bid in the RTI too").And.NotContain("Lotto 2", "lot 2 is not decided yet")
            .And.NotContain("definitiva", "with one admissible bid the award has no standstill, and the page says nothing of one");
        (await Results(leaving)).Should().BeEmpty("who no longer acts for the firm is not told of its bids");
        (await Results(w.Outsider)).Should().BeEmpty();
        (await host.Query(db => db.Notices.CountAsync(n => n.TenderId == tender.Id && n.Kind == NotificationKind.Award && n.DoneAt == null))).Should().Be(0,
            "the stale notice is done with, not kept to be sent later");
    }

    [Fact]
    public async Task A_daily_digest_gathers_a_result_and_a_new_tender_in_a_section_each()
    {
        var w = await World();
        var builder = await NotificationHost.EmailOf(w.Builder);
        (await NotificationHost.Choose(w.Builder, NotificationMode.DailyDigest, "en-GB", NotificationKind.NewTender, NotificationKind.Award)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        (await w.Get(w.Buyer, tender.Id)).BidsOpened.Should().BeTrue();
        var builderBid = (await Evaluation(w, tender.Id)).Single(l => l.Lot == 1).Ranking.Single().BidId;
        await Score(w, tender.Id, builderBid, 90m);
        (await Decide(w, tender.Id, 1, builderBid)).EnsureSuccessStatusCode();
        fixture.Clock.SetUtcNow(fixture.Options.DigestAfter(w.Now) + TimeSpan.FromMinutes(1));
        await fixture.SendNotices();

        var digest = await fixture.NotificationTo(builder);
        digest.Subject.Should().Be("Marketplace today: 2 updates");
        digest.TextBody.Should().Contain($"== New tenders for your firms ==\n\n«{Title}»")
            .And.Contain($"== Results of tenders your firms bid for ==\n\n«{Title}»\nLot 1 – Opere edili: awarded to your bid. Awarded to Rossi Costruzioni for 700,000.00 EUR.")
            .And.Contain("Stop e-mails about the results of your bids:\nhttps://");
        (await fixture.Outboxed(builder)).Should().ContainSingle("one digest");
    }
}
