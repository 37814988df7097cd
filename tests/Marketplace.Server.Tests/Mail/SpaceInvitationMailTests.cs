using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class SpaceInvitationMailTestsOnSqlite(SqliteNotificationHost fixture) : SpaceInvitationMailTests<SqliteNotificationHost>(fixture);

public sealed class SpaceInvitationMailTestsOnPostgres(PostgresNotificationHost fixture) : SpaceInvitationMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// The invited firm's Owners and Managers are told by e-mail of a space's invitation, in their language, naming the
/// association that invites and the space, with the to-do list where they answer it; its Viewers and other firms are
/// not, and no e-mail goes for an invitation answered before it would be sent.
/// </summary>
public abstract class SpaceInvitationMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    static Task<HttpResponseMessage> Invite(TenderWorld w) =>
        w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/invitations", new InviteRequest(w.OutsiderId), Json);

    [Fact]
    public async Task The_invited_firm_s_owners_and_managers_are_told_once_naming_the_association_and_the_space()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var (manager, viewer) = (host.Browser(), host.Browser());
        await w.Outsider.Join(w.OutsiderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Outsider, w.OutsiderId);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.SpaceInvitation)).EnsureSuccessStatusCode();

        (await Invite(w)).EnsureSuccessStatusCode();
        (await Invite(w)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the firm is invited already");
        fixture.Wait();
        await fixture.SendNotices();

        var owner = await fixture.NotificationTo(await NotificationHost.EmailOf(w.Outsider));
        owner.Subject.Should().Be("Associazione Imprese Test invita Neri Edilizia nello spazio Spazio Gare");
        owner.TextBody.Should().Contain("«Spazio Gare»").And.Contain("Accetta o rifiuta l'invito dalla pagina «Da fare».")
            .And.Contain("https://marketplace.test/#/todo")
            .And.Contain("Non ricevere più e-mail sugli inviti in uno spazio:\nhttps://marketplace.test/#/unsubscribe?token=");
        var inEnglish = await fixture.NotificationTo(await NotificationHost.EmailOf(manager));
        inEnglish.Subject.Should().Be("Associazione Imprese Test invites Neri Edilizia into the space Spazio Gare");
        inEnglish.TextBody.Should().Contain("Accept or decline the invitation in your To do list.");
        (await fixture.Outboxed(await NotificationHost.EmailOf(viewer))).Should().BeEmpty("a Viewer does not answer for the firm");
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Builder))).Should().BeEmpty("another firm's invitation");
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Admin))).Should().NotContain(s => s.Contains("invit"), "the association made the invitation");

        await fixture.SendNotices();
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Outsider))).Should().ContainSingle(s => s.Contains("invita"), "one invitation is told once");
    }

    [Fact]
    public async Task No_e_mail_for_an_invitation_declined_during_the_wait_and_a_new_invitation_is_told_again()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var outsider = await NotificationHost.EmailOf(w.Outsider);
        (await Invite(w)).EnsureSuccessStatusCode();
        (await w.Outsider.PostAsync($"/api/spaces/{w.SpaceId}/firms/{w.OutsiderId}/withdraw", null)).EnsureSuccessStatusCode();

        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(outsider)).Should().BeEmpty("the firm declined the invitation before the e-mail would go");
        (await host.Query(db => db.Notices.CountAsync(n => n.Kind == NotificationKind.SpaceInvitation && n.BusinessId == w.OutsiderId && n.DoneAt == null)))
            .Should().Be(0, "the stale notice is done with, not kept to be sent later");

        (await Invite(w)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.NotificationTo(outsider)).Subject.Should().Be("Associazione Imprese Test invita Neri Edilizia nello spazio Spazio Gare");
    }
}
