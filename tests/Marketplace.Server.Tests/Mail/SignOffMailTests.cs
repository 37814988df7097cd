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

public sealed class SignOffMailTestsOnSqlite(SqliteNotificationHost fixture) : SignOffMailTests<SqliteNotificationHost>(fixture);

public sealed class SignOffMailTestsOnPostgres(PostgresNotificationHost fixture) : SignOffMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// When a joint bid's content changes, the Owners and Managers of each firm whose approval it then lacks are told by
/// e-mail, once however many changes come before it goes, with no price in it; nobody else is, and no e-mail goes when
/// the firm approved meanwhile, or the bid was submitted or withdrawn.
/// </summary>
public abstract class SignOffMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>The builder leads an RTI with the IT firm as member, for a tender that takes bids.</summary>
    async Task<Team> Formed()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var tender = await w.Publish();
        var alliance = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        return new Team(w, tender, alliance);
    }

    static async Task<JointBidDto> Package(Team t, HttpClient client, Guid firm, string title, decimal price, WorkPackageDto? edit = null)
    {
        var response = await client.PostAsJsonAsync($"{t.Bid}/work-packages",
            new SaveWorkPackageRequest(edit?.Id, edit?.Version ?? 0, title, 1, null, firm, new MoneyDto(price, "EUR")), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<JointBidDto>();
    }

    static async Task<JointBidDto> Approve(Team t, HttpClient client, Guid firm)
    {
        var digest = (await client.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Digest;
        var response = await client.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(firm, digest), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<JointBidDto>();
    }

    async Task<List<string>> Asked(HttpClient person) =>
        [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(s => s.Contains("RTI Rodari"))];

    /// <summary>The e-mail about RTI Rodari's approval to <paramref name="address"/>, once it arrives (after its other e-mails).</summary>
    async Task<MimeMessage> AskedTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject?.Contains("RTI Rodari") == true && m.Headers.Contains(HeaderId.ListUnsubscribe)) is { } found)
                return found;
    }

    [Fact]
    public async Task The_firms_whose_approval_is_missing_are_told_once_however_many_changes_and_without_prices()
    {
        var t = await Formed();
        var w = t.World;
        var (manager, viewer) = (host.Browser(), host.Browser());
        await w.Coder.Join(w.CoderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.SignOff)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices(); // the invitation and the new tender go first

        var first = await Package(t, w.Builder, w.BuilderId, "Opere murarie", 612_345m);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        await Package(t, w.Coder, w.CoderId, "Cablaggio", 48_765m);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var edit = first.WorkPackages.Single(p => p.Title == "Opere murarie");
        await Package(t, w.Builder, w.BuilderId, "Opere murarie", 598_765m, edit);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(edit.Id, edit.Version, "Opere murarie", 1, null, w.BuilderId,
            new MoneyDto(598_765m, "EUR")), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the same edit sent again finds the package changed");
        await Approve(t, w.Builder, w.BuilderId);
        await fixture.SendNotices();
        (await Asked(w.Coder)).Should().BeEmpty("the bid has just changed (its first change was six minutes ago): the e-mail waits until it stands still");
        fixture.Wait();
        await fixture.SendNotices();

        var owner = await AskedTo(await NotificationHost.EmailOf(w.Coder));
        owner.Subject.Should().Be("L'offerta congiunta di RTI Rodari aspetta l'approvazione di Verdi Informatica");
        owner.TextBody.Should().Contain("Per la gara «Riqualificazione scuola Rodari». Capofila: Rossi Costruzioni.")
            .And.Contain($"https://marketplace.test/#/alliances/{t.AllianceId}/bid")
            .And.Contain("Non ricevere più e-mail sulle approvazioni delle offerte congiunte:\nhttps://marketplace.test/#/unsubscribe?token=")
            .And.NotContainAny(["598", "612", "48.765", "48,765"], "the firm reads prices on the bid's page, not in an e-mail");
        var inEnglish = await AskedTo(await NotificationHost.EmailOf(manager));
        inEnglish.Subject.Should().Be("The joint bid of RTI Rodari awaits the approval of Verdi Informatica");
        (await Asked(w.Coder)).Should().ContainSingle("three changes in a few minutes give one e-mail");
        (await Asked(w.Builder)).Should().BeEmpty("the lead approved the bid as it is now before the e-mail went");
        (await Asked(viewer)).Should().BeEmpty("a Viewer does not approve for the firm");
        (await Asked(w.Outsider)).Should().BeEmpty();
        (await Asked(w.Buyer)).Should().BeEmpty();
    }

    [Fact]
    public async Task No_e_mail_goes_for_a_bid_submitted_or_withdrawn_before_it()
    {
        var t = await Formed();
        var w = t.World;
        fixture.Wait();
        await fixture.SendNotices();

        await Package(t, w.Builder, w.BuilderId, "Opere murarie", 600_000m);
        (await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).EnsureSuccessStatusCode();
        await Approve(t, w.Builder, w.BuilderId);
        await Approve(t, w.Coder, w.CoderId);
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await Asked(w.Coder)).Should().BeEmpty("the IT firm approved, and the bid went in as it is");

        var changed = await Package(t, w.Coder, w.CoderId, "Cablaggio", 50_000m);
        changed.ChangedSinceSubmission.Should().BeTrue();
        (await w.Builder.PostAsync($"{t.Bid}/withdraw", null)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await Asked(w.Coder)).Should().BeEmpty("the bid was withdrawn after the change: what it asked is no longer to do");
        (await Asked(w.Builder)).Should().BeEmpty();
        (await host.Query(db => db.Notices.CountAsync(n => n.AllianceId == t.AllianceId && n.Kind == NotificationKind.SignOff && n.DoneAt == null))).Should().Be(0,
            "the stale notices are done with, not kept to be sent later");
    }
}
