using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class AllianceInvitationMailTestsOnSqlite(SqliteNotificationHost fixture) : AllianceInvitationMailTests<SqliteNotificationHost>(fixture);

public sealed class AllianceInvitationMailTestsOnPostgres(PostgresNotificationHost fixture) : AllianceInvitationMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// The invited firm's Owners and Managers are told by e-mail of an alliance's invitation, naming the lead, the alliance
/// and the tender, with the to-do list where they answer it; nobody else is, and no e-mail goes for an invitation no
/// longer waiting for an answer when it would be sent. A digest gathers it with the day's new tenders.
/// </summary>
public abstract class AllianceInvitationMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    Task<TenderWorld> World() => TenderWorld.Create(host, fixture.Clock);

    static async Task<Guid> Form(HttpClient lead, Guid leadId, Guid spaceId, Guid? tenderId, string name = "RTI Rodari") =>
        (await (await lead.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, tenderId, name, "Accordo"), Json)).Read<AllianceDto>()).Id;

    static Task<HttpResponseMessage> Invite(HttpClient lead, Guid allianceId, Guid firmId, AllianceRole role = AllianceRole.Member) =>
        lead.PostAsJsonAsync($"/api/alliances/{allianceId}/invitations", new AllianceInviteRequest(firmId, role), Json);

    [Fact]
    public async Task The_invited_firm_s_owners_and_managers_are_told_once_naming_the_lead_the_alliance_and_the_tender()
    {
        var w = await World();
        var (manager, viewer) = (host.Browser(), host.Browser());
        await w.Coder.Join(w.CoderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.AllianceInvitation)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        var alliance = await Form(w.Builder, w.BuilderId, w.SpaceId, tender.Id);
        (await Invite(w.Builder, alliance, w.CoderId)).EnsureSuccessStatusCode();
        (await Invite(w.Builder, alliance, w.CoderId)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the firm is invited already");

        fixture.Wait();
        await fixture.SendNotices();

        var owner = await fixture.NotificationTo(await NotificationHost.EmailOf(w.Coder));
        owner.Subject.Should().Be("Rossi Costruzioni invita Verdi Informatica nell'alleanza RTI Rodari");
        owner.TextBody.Should().Contain("Capofila: Rossi Costruzioni. Verdi Informatica è invitata come mandante.")
            .And.Contain("Per la gara «Riqualificazione scuola Rodari».").And.Contain("https://marketplace.test/#/todo")
            .And.Contain("Non ricevere più e-mail sugli inviti in un'alleanza:\nhttps://marketplace.test/#/unsubscribe?token=");
        var inEnglish = await fixture.NotificationTo(await NotificationHost.EmailOf(manager));
        inEnglish.Subject.Should().Be("Rossi Costruzioni invites Verdi Informatica into the alliance RTI Rodari");
        inEnglish.TextBody.Should().Contain("Accept or decline it in your To do list before bids close on");
        (await fixture.Outboxed(await NotificationHost.EmailOf(viewer))).Should().BeEmpty("a Viewer does not answer for the firm");
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Builder))).Should().NotContain(s => s.Contains("invit"), "the lead made the invitation");
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Outsider))).Should().BeEmpty("another firm's invitation");

        await fixture.SendNotices();
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Coder))).Should().ContainSingle(s => s.Contains("invita"),
            "one invitation is told once, however often its firm is invited while it waits");
    }

    [Fact]
    public async Task No_e_mail_for_an_invitation_answered_or_taken_back_during_the_wait_nor_once_the_tender_s_bids_closed()
    {
        var w = await World();
        var tender = await w.Publish();
        var coder = await NotificationHost.EmailOf(w.Coder);
        var declined = await Form(w.Builder, w.BuilderId, w.SpaceId, tender.Id);
        (await Invite(w.Builder, declined, w.CoderId)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{declined}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(false, 1), Json)).EnsureSuccessStatusCode();
        var standing = await Form(w.Builder, w.BuilderId, w.SpaceId, null, "Rete Costruttori");
        (await Invite(w.Builder, standing, w.CoderId)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{standing}/firms/{w.CoderId}/remove", new ReasonRequest("Invitata per errore"), Json)).EnsureSuccessStatusCode();

        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(coder)).Should().BeEmpty("the firm declined one invitation and the lead took the other back: neither waits for an answer");

        var closing = await w.Publish(request: w.Request() with { Title = "Manutenzione palestra comunale" });
        var late = await Form(w.Coder, w.CoderId, w.SpaceId, closing.Id, "RTI Palestra");
        (await Invite(w.Coder, late, w.BuilderId)).EnsureSuccessStatusCode();
        w.PassTo(closing.SubmissionDeadline);
        await fixture.SendNotices();

        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Builder))).Should().NotContain(s => s.Contains("RTI Palestra"), "no firm can join once the tender's bids closed");
        (await host.Query(db => db.Notices.CountAsync(n => n.Kind == NotificationKind.AllianceInvitation && n.DoneAt == null))).Should().Be(0,
            "the stale notices are done with, not kept to be sent later");
    }

    static async Task<AllianceSummaryDto[]> Invitations(HttpClient client, Guid firmId) =>
        [.. (await client.GetFromJsonAsync<AllianceSummaryDto[]>($"/api/businesses/{firmId}/alliances", Json))!.Where(a => a.Standing == AllianceStanding.Invited)];

    static async Task<ToDoItemDto[]> InvitationsToDo(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!.Where(i => i.Kind == ToDoKind.AllianceInvitation)];

    /// <summary>
    /// A block is not revealed by refusing an invitation (FirmBlocks): the invitation of a lead the firm blocked is
    /// stored and the lead reads it pending, but it is kept from the firm (not listed, not in its to-do list, not
    /// e-mailed) until the firm lifts the block. So is the invitation of a lead that blocked the firm it invites.
    /// </summary>
    [Fact]
    public async Task An_invitation_from_a_lead_the_firm_blocked_is_pending_for_the_lead_kept_from_the_firm_and_shown_once_it_unblocks()
    {
        var w = await World();
        var tender = await w.Publish();
        (await w.Coder.PutAsync($"/api/businesses/{w.CoderId}/blocks/{w.BuilderId}", null)).EnsureSuccessStatusCode();
        (await NotificationHost.Choose(w.Coder, NotificationMode.Immediately, "it-IT", NotificationKind.AllianceInvitation)).EnsureSuccessStatusCode();
        var alliance = await Form(w.Builder, w.BuilderId, w.SpaceId, tender.Id);

        var invited = await Invite(w.Builder, alliance, w.CoderId);
        invited.StatusCode.Should().Be(HttpStatusCode.OK, "refusing would tell the lead of the block");
        (await invited.Read<AllianceDto>()).Members.Should().ContainSingle(m => m.FirmId == w.CoderId).Which.Standing.Should().Be(AllianceStanding.Invited);
        fixture.Wait();
        await fixture.SendNotices();

        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Coder))).Should().BeEmpty("no e-mail tells the firm of a lead it blocked");
        (await Invitations(w.Coder, w.CoderId)).Should().BeEmpty();
        (await InvitationsToDo(w.Coder)).Should().BeEmpty();
        (await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{alliance}", Json))!.Members
            .Should().ContainSingle(m => m.FirmId == w.CoderId).Which.Standing.Should().Be(AllianceStanding.Invited, "the lead reads it pending like any other");

        // The block the other way keeps the lead's own invitation from the firm it blocked, as it keeps their posts.
        await w.Admin.Admit(w.SpaceId, w.Outsider, w.OutsiderId);
        (await w.Builder.PutAsync($"/api/businesses/{w.BuilderId}/blocks/{w.OutsiderId}", null)).EnsureSuccessStatusCode();
        var standing = await Form(w.Builder, w.BuilderId, w.SpaceId, null, "Rete Costruttori");
        (await Invite(w.Builder, standing, w.OutsiderId)).EnsureSuccessStatusCode();
        (await Invitations(w.Outsider, w.OutsiderId)).Should().BeEmpty();
        (await InvitationsToDo(w.Outsider)).Should().BeEmpty();

        // Lifted, the waiting invitation shows where the firm's invitations are, as posts come back to the board.
        (await w.Coder.DeleteAsync($"/api/businesses/{w.CoderId}/blocks/{w.BuilderId}")).EnsureSuccessStatusCode();
        (await Invitations(w.Coder, w.CoderId)).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = alliance, LeadId = w.BuilderId, Role = AllianceRole.Member },
            o => o.ExcludingMissingMembers());
        (await InvitationsToDo(w.Coder)).Should().ContainSingle().Which.Alliance!.Id.Should().Be(alliance);
    }

    [Fact]
    public async Task A_daily_digest_gathers_an_invitation_and_a_new_tender_in_a_section_each_and_its_one_click_link_turns_both_off()
    {
        fixture.Clock.SetUtcNow(fixture.Options.DigestAfter(fixture.Clock.GetUtcNow()) + TimeSpan.FromHours(1));
        var w = await World();
        var builder = await NotificationHost.EmailOf(w.Builder);
        (await NotificationHost.Choose(w.Builder, NotificationMode.DailyDigest, "en-GB", NotificationKind.NewTender, NotificationKind.AllianceInvitation)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        var alliance = await Form(w.Coder, w.CoderId, w.SpaceId, tender.Id, "RTI Verdi");
        (await Invite(w.Coder, alliance, w.BuilderId, AllianceRole.Subcontractor)).EnsureSuccessStatusCode();

        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(builder)).Should().BeEmpty("digest notices wait for the digest time");
        await fixture.SendDigests(w.Now);

        var digest = await fixture.NotificationTo(builder);
        digest.Subject.Should().Be("Marketplace today: 2 updates");
        digest.TextBody.Should().Contain("== New tenders for your firms ==\n\n«Riqualificazione scuola Rodari»")
            .And.Contain("== Invitations to an alliance ==\n\n«RTI Verdi»\nLead: Verdi Informatica. Rossi Costruzioni is invited as a subcontractor.")
            .And.Contain("Stop e-mails about new tenders:\nhttps://").And.Contain("Stop e-mails about invitations to an alliance:\nhttps://");
        (await fixture.Outboxed(builder)).Should().ContainSingle("one digest a day");

        var oneClick = new Uri(digest.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));
        var done = await host.CreateClient().PostAsync(oneClick.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        (await done.Read<UnsubscribedDto>()).Kinds.Should().BeEquivalentTo([NotificationKind.NewTender, NotificationKind.AllianceInvitation]);
        var modes = (await w.Builder.GetFromJsonAsync<NotificationSettingsDto>("/api/me/notifications", Json))!.Choices.ToDictionary(c => c.Kind, c => c.Mode);
        modes.Where(m => m.Key is NotificationKind.NewTender or NotificationKind.AllianceInvitation).Select(m => m.Value)
            .Should().AllBeEquivalentTo(NotificationMode.Off, "the mail program's unsubscribe stops the whole digest");
        modes.Where(m => m.Key is not (NotificationKind.NewTender or NotificationKind.AllianceInvitation)).Select(m => m.Value)
            .Should().NotBeEmpty().And.AllBeEquivalentTo(NotificationMode.Immediately, "the kinds the digest did not hold stay as they were");
    }
}
