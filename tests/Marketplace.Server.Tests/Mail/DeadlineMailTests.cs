using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hosting;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class DeadlineMailTestsOnSqlite(SqliteNotificationHost fixture) : DeadlineMailTests<SqliteNotificationHost>(fixture);

public sealed class DeadlineMailTestsOnPostgres(PostgresNotificationHost fixture) : DeadlineMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// When a tender's bids close in less than 48 hours, and again in less than 2, the Owners and Managers of an RTI's firms
/// are warned by e-mail while its joint bid still lacks approvals: the lead's people read which firms have not approved,
/// a missing firm's people that it is theirs. Each warning goes once; none goes when every firm approved or the bid was
/// submitted; a moved deadline is warned of again, and the warning of the old one is not sent.
/// </summary>
public abstract class DeadlineMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>The builder leads an RTI with the IT firm as member; the bid has the builder's work package and its answer, approved by the builder only.</summary>
    async Task<Team> Formed()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var tender = await w.Publish();
        var t = new Team(w, tender, await w.FormRti(tender.Id));
        w.PassTo(tender.EnquiryDeadline);
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/work-packages",
            new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(612_345m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).EnsureSuccessStatusCode();
        await Approve(t, w.Builder, w.BuilderId);
        fixture.Wait();
        await fixture.SendNotices(); // the invitation, the new tender and the approval asked go first: what follows is the warnings' alone
        return t;
    }

    static async Task Approve(Team t, HttpClient client, Guid firm)
    {
        var digest = (await client.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Digest;
        (await client.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(firm, digest), Json)).EnsureSuccessStatusCode();
    }

    /// <summary>The clock at <paramref name="left"/> before the bids close, and the cluster's clock work ticked (as its timer does every second).</summary>
    async Task Before(DateTimeOffset deadline, TimeSpan left)
    {
        fixture.Clock.SetUtcNow(deadline - left);
        await Tick();
    }

    /// <summary>One tick of the cluster's clock work, as its timer runs it every second.</summary>
    Task Tick() => host.Services.GetRequiredService<IGrainFactory>().ClockWork().Tick();

    /// <summary>The clock work ticks again, the wait of an "immediately" notice passes, and the sender runs.</summary>
    async Task Send()
    {
        await Tick();
        fixture.Wait();
        await fixture.SendNotices();
    }

    static bool IsWarning(string subject) => subject.StartsWith("Meno di ", StringComparison.Ordinal) || subject.StartsWith("Less than ", StringComparison.Ordinal);

    async Task<List<string>> Warnings(HttpClient person) => [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(IsWarning)];

    /// <summary>The warning to <paramref name="address"/> whose subject starts with <paramref name="start"/>, once it arrives.</summary>
    async Task<MimeMessage> WarningTo(string address, string start)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject?.StartsWith(start, StringComparison.Ordinal) == true) is { } found) return found;
    }

    [Fact]
    public async Task The_lead_reads_which_firms_are_missing_and_the_missing_firm_that_it_is_theirs_at_48_and_at_2_hours_once_each()
    {
        var t = await Formed();
        var w = t.World;
        var (manager, viewer) = (host.Browser(), host.Browser());
        await w.Coder.Join(w.CoderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.DeadlineNear)).EnsureSuccessStatusCode();
        var deadline = t.Tender.SubmissionDeadline;

        await Before(deadline, TimeSpan.FromHours(49));
        await Send();
        (await Warnings(w.Builder)).Should().BeEmpty("49 hours before the bids close is not yet within 48");

        await Before(deadline, TimeSpan.FromHours(47));
        await Send();
        var lead = await WarningTo(await NotificationHost.EmailOf(w.Builder), "Meno di 48 ore");
        lead.Subject.Should().Be("Meno di 48 ore alla chiusura: all'offerta congiunta di RTI Rodari mancano ancora approvazioni");
        lead.TextBody.Should().Contain("Per la gara «Riqualificazione scuola Rodari». Le offerte si presentano entro il ")
            .And.Contain("Non l'hanno ancora approvata: Verdi Informatica. Senza tutte le approvazioni l'offerta non si può presentare.")
            .And.Contain($"https://marketplace.test/#/alliances/{t.AllianceId}/bid")
            .And.Contain("Non ricevere più e-mail sulle offerte congiunte in scadenza a cui mancano approvazioni:\nhttps://marketplace.test/#/unsubscribe?token=")
            .And.NotContainAny(["612", "Rossi Costruzioni,"], "no price, and the lead approved already");
        var member = await WarningTo(await NotificationHost.EmailOf(w.Coder), "Meno di 48 ore");
        member.Subject.Should().Be("Meno di 48 ore alla chiusura: l'offerta congiunta di RTI Rodari aspetta l'approvazione di Verdi Informatica");
        member.TextBody.Should().Contain("Verdi Informatica non ha ancora approvato l'offerta così com'è ora.");
        (await WarningTo(await NotificationHost.EmailOf(manager), "Less than 48 hours")).Subject
            .Should().Be("Less than 48 hours left: the joint bid of RTI Rodari awaits the approval of Verdi Informatica");

        await Before(deadline, TimeSpan.FromHours(30));
        await Send();
        (await Warnings(w.Builder)).Should().ContainSingle("the 48-hour warning goes once, however many ticks");
        (await Warnings(w.Coder)).Should().ContainSingle();

        await Before(deadline, TimeSpan.FromMinutes(90));
        await Send();
        (await WarningTo(await NotificationHost.EmailOf(w.Builder), "Meno di 2 ore")).Subject
            .Should().Be("Meno di 2 ore alla chiusura: all'offerta congiunta di RTI Rodari mancano ancora approvazioni");
        (await WarningTo(await NotificationHost.EmailOf(w.Coder), "Meno di 2 ore")).TextBody.Should().Contain("Verdi Informatica non ha ancora approvato");
        await Send();
        (await Warnings(w.Builder)).Should().HaveCount(2, "one warning at 48 hours and one at 2");
        (await Warnings(manager)).Should().HaveCount(2);
        (await Warnings(viewer)).Should().BeEmpty("a Viewer does not approve for the firm");
        (await Warnings(w.Outsider)).Should().BeEmpty();
        (await Warnings(w.Buyer)).Should().BeEmpty();
        (await host.Query(db => db.Notices.CountAsync(n => n.AllianceId == t.AllianceId && n.Kind == NotificationKind.DeadlineNear))).Should().Be(6,
            "one notice per person who approves (the lead's owner, the member's owner and manager) and threshold");
    }

    [Fact]
    public async Task No_warning_goes_when_every_firm_approved_or_the_bid_was_submitted()
    {
        var t = await Formed();
        var w = t.World;
        await Approve(t, w.Coder, w.CoderId);
        var deadline = t.Tender.SubmissionDeadline;

        await Before(deadline, TimeSpan.FromHours(47));
        await Send();
        (await Warnings(w.Builder)).Should().BeEmpty("every firm approved the bid as it is");
        (await Warnings(w.Coder)).Should().BeEmpty();

        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        await Before(deadline, TimeSpan.FromHours(1));
        await Send();
        (await Warnings(w.Builder)).Should().BeEmpty("the bid went in as it is");
        (await Warnings(w.Coder)).Should().BeEmpty();
        (await host.Query(db => db.Notices.CountAsync(n => n.AllianceId == t.AllianceId && n.Kind == NotificationKind.DeadlineNear && n.DoneAt == null))).Should().Be(0,
            "the stale warnings are done with, not kept to be sent later");
    }

    [Fact]
    public async Task A_moved_deadline_is_warned_of_again_and_the_old_one_s_warning_is_not_sent()
    {
        // Only an amendment moves the deadline, and only in the enquiry period: here it ends a day before the bids close.
        var w = await TenderWorld.Create(host, fixture.Clock);
        var tender = await w.Publish(request: w.Request() with { EnquiryDeadline = w.Now.AddDays(6), SubmissionDeadline = w.Now.AddDays(7) });
        var allianceId = await w.FormRti(tender.Id);
        fixture.Wait();
        await fixture.SendNotices();

        await Before(tender.SubmissionDeadline, TimeSpan.FromHours(47));
        (await host.Query(db => db.Notices.CountAsync(n => n.AllianceId == allianceId && n.Kind == NotificationKind.DeadlineNear))).Should().Be(2,
            "the warning is written for the lead's owner and the member's");
        var asked = tender.SubmissionDeadline.AddDays(3);
        var amended = await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", new AmendTenderRequest(tender.Version, "Proroga del termine per le offerte",
            true, tender.Title, tender.Description, [.. tender.Lots.Select(l => new LotRequest(l.Number, l.Title, l.Description, [.. l.Cpv.Select(c => c.Code)],
                l.EstimatedValue, l.ComuneCode))], tender.Eligibility, [.. tender.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))],
            tender.EnquiryDeadline, asked, tender.ContractStart, tender.ContractEnd, false, null), Json);
        amended.EnsureSuccessStatusCode();
        // A material amendment keeps at least five days of tendering after it, so the deadline may land later than asked.
        var later = (await amended.Content.ReadFromJsonAsync<TenderDto>(Json))!.SubmissionDeadline;
        later.Should().BeOnOrAfter(asked);
        await Send();
        (await Warnings(w.Builder)).Should().BeEmpty("the bids no longer close within 48 hours: the warning of the old deadline is stale");
        (await Warnings(w.Coder)).Should().BeEmpty();

        await Before(later, TimeSpan.FromHours(40));
        await Send();
        var lead = await WarningTo(await NotificationHost.EmailOf(w.Builder), "Meno di 48 ore");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(fixture.Options.TimeZone);
        lead.TextBody.Should().Contain("Le offerte si presentano entro il " + TimeZoneInfo.ConvertTime(later, zone).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("it-IT")),
            "the warning names the deadline as it stands now")
            .And.Contain("Non l'hanno ancora approvata: Rossi Costruzioni, Verdi Informatica.");
        (await Warnings(w.Builder)).Should().ContainSingle("the old deadline's warning was never sent, the new one's once");
    }
}
