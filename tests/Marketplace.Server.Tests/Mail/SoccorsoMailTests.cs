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

public sealed class SoccorsoMailTestsOnSqlite(SqliteNotificationHost fixture) : SoccorsoMailTests<SqliteNotificationHost>(fixture);

public sealed class SoccorsoMailTestsOnPostgres(PostgresNotificationHost fixture) : SoccorsoMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// The Owners and Managers of the firm whose bid the buyer asks to complete (soccorso istruttorio) are told by e-mail, in
/// their language, with what is asked and the deadline in Rome's time; its Viewers, the other bidders and whoever turned
/// the kind off are not, and a request withdrawn before the e-mail went is not told.
/// </summary>
public abstract class SoccorsoMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    const string Title = "Riqualificazione scuola Rodari";
    const string Asked = "Manca la dichiarazione sul DURC firmata dal legale rappresentante";

    static bool IsSoccorso(string subject) => subject.Contains("integrare la documentazione", StringComparison.Ordinal) || subject.Contains("complete its documents", StringComparison.Ordinal);

    async Task<MimeMessage> SoccorsoTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject is { } s && IsSoccorso(s)) is { } found) return found;
    }

    async Task<List<string>> Told(HttpClient person) => [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(IsSoccorso)];

    async Task<(TenderWorld W, TenderDto Tender, Guid BuilderBid, Guid CoderBid)> Opened()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        var ranking = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots.Single(l => l.Lot == 1).Ranking;
        fixture.Wait();
        await fixture.SendNotices(); // the new tender's e-mails go first
        return (w, tender, ranking.Single(r => r.BidderId == w.BuilderId).BidId, ranking.Single(r => r.BidderId == w.CoderId).BidId);
    }

    static Task<HttpResponseMessage> Ask(TenderWorld w, Guid tenderId, Guid bidId, DateTimeOffset deadline) =>
        w.Buyer.PostAsJsonAsync($"/api/tenders/{tenderId}/soccorso", new SoccorsoRequestBody(bidId, Asked, deadline), Json);

    [Fact]
    public async Task The_firm_s_owners_and_managers_are_told_what_to_complete_and_by_when_in_their_language()
    {
        var (manager, viewer, quiet) = (host.Browser(), host.Browser(), host.Browser());
        var (w, tender, builderBid, _) = await Opened();
        await w.Builder.Join(w.BuilderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        await w.Builder.Join(w.BuilderId, quiet, await quiet.SignUp("quiet"), BusinessRole.Manager);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.SoccorsoIstruttorio)).EnsureSuccessStatusCode();
        (await NotificationHost.Choose(quiet, NotificationMode.Off, "it-IT", NotificationKind.SoccorsoIstruttorio)).EnsureSuccessStatusCode();
        // Six to seven days on, at a time of day whose Rome hour the e-mail must show.
        var deadline = new DateTimeOffset(w.Now.AddDays(7).Date, TimeSpan.Zero).AddHours(8.5);

        (await Ask(w, tender.Id, builderBid, deadline)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        var rome = TimeZoneInfo.ConvertTime(deadline, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));
        var owner = await SoccorsoTo(await NotificationHost.EmailOf(w.Builder));
        owner.Subject.Should().Be($"Il committente di «{Title}» chiede a Rossi Costruzioni di integrare la documentazione");
        owner.TextBody.Should().Contain($"Richiesta n. 1: {Asked}")
            .And.Contain($"Rispondete entro il {rome.ToString("d MMMM yyyy, 'ore' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("it-IT"))} (Europe/Rome)")
            .And.Contain("la risposta non modifica l'offerta sigillata")
            .And.Contain($"https://marketplace.test/#/tenders/{tender.Id}");
        var inEnglish = await SoccorsoTo(await NotificationHost.EmailOf(manager));
        inEnglish.Subject.Should().Be($"The buyer of «{Title}» asks Rossi Costruzioni to complete its documents");
        inEnglish.TextBody.Should().Contain($"Request no. 1: {Asked}").And.Contain("the answer does not change the sealed bid");

        (await Told(viewer)).Should().BeEmpty("a Viewer does not answer for the firm");
        (await Told(quiet)).Should().BeEmpty("this person turned these e-mails off");
        (await Told(w.Coder)).Should().BeEmpty("another bidder learns nothing of the request");
        (await Told(w.Buyer)).Should().BeEmpty();
        (await Told(w.Builder)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_request_withdrawn_before_the_e_mail_went_is_not_told()
    {
        var (w, tender, _, coderBid) = await Opened();

        (await Ask(w, tender.Id, coderBid, w.Now.AddDays(6))).EnsureSuccessStatusCode();
        (await w.Buyer.DeleteAsync($"/api/tenders/{tender.Id}/soccorso/1")).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        (await Told(w.Coder)).Should().BeEmpty("the request needs no answer any more");
        (await host.Query(db => db.Notices.CountAsync(n => n.TenderId == tender.Id && n.Kind == NotificationKind.SoccorsoIstruttorio && n.DoneAt == null))).Should().Be(0);
    }
}
