using System.Diagnostics;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// The issue's "none lost if the server dies between the change and the send; none sent twice": a real server process
/// stores a change that owes an e-mail (a space's invitation to a firm) and is killed (SIGKILL: no shutdown, nothing
/// flushed) while the notice waits to be sent; started again on the same database and SMTP server, it sends the e-mail
/// exactly once.
/// </summary>
public sealed class KilledSenderTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly string auditKeyFile = Path.Combine(Path.GetTempPath(), $"marketplace-killed-{Guid.NewGuid():N}.key");
    readonly SmtpInbox smtp = new();
    readonly List<ServerNode> nodes = [];
    TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.Create(DatabaseProvider.Postgres);

    /// <summary>A server on its own on the test's database, sending to the test's SMTP server; a notice waits <paramref name="wait"/> before it is sent.</summary>
    async Task<ServerNode> Start(string name, TimeSpan wait)
    {
        var settings = ClusterSettings.OneNode(database, auditKeyFile);
        foreach (var (key, value) in smtp.Settings) settings[key] = value;
        settings["Mail:SiteAddress"] = "https://marketplace.test";
        settings["Mail:PollEvery"] = "00:00:01";
        settings["Notifications:PollEvery"] = "00:00:01";
        settings["Notifications:WaitBeforeSending"] = wait.ToString();
        var node = ServerNode.Start(name, settings);
        nodes.Add(node);
        await node.WaitReady(TwoNodeCluster.StartPatience);
        return node;
    }

    PostgresMarketplaceDbContext Db() => new(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UseNpgsql(database.ConnectionString).Options);

    [Fact]
    public async Task A_notice_stored_before_the_server_is_killed_is_e_mailed_exactly_once_after_it_starts_again()
    {
        // The first run waits far longer than the test before sending: it is killed with the notice still waiting.
        var first = await Start("first", TimeSpan.FromHours(1));
        using var admin = TwoNodeCluster.Browse(first);
        await admin.SignUp("admin");
        var association = await admin.Http.CreateBusiness("Associazione Imprese Test", BusinessKind.Association);
        var created = await admin.Http.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Gare", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json);
        created.EnsureSuccessStatusCode();
        var spaceId = (await created.Read<SpaceDetailDto>()).Summary.Id;
        using var owner = TwoNodeCluster.Browse(first);
        var email = await owner.SignUp("owner");
        var firm = await owner.Http.CreateBusiness("Neri Edilizia");

        (await admin.Http.PostAsJsonAsync($"/api/spaces/{spaceId}/invitations", new InviteRequest(firm.Id), Json)).EnsureSuccessStatusCode();
        await using (var db = Db())
        {
            (await db.Notices.CountAsync(n => n.Kind == NotificationKind.SpaceInvitation && n.BusinessId == firm.Id && n.DoneAt == null))
                .Should().Be(1, "the invitation's notice is stored with it");
            (await db.OutboxMessages.CountAsync(m => m.To == email && m.Kind.StartsWith("notification."))).Should().Be(0, "nothing is sent yet");
        }
        await first.Kill();

        await Start("again", TimeSpan.Zero);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Db();
            if (await db.OutboxMessages.AnyAsync(m => m.To == email && m.Kind.StartsWith("notification.") && m.SentAt != null)) break;
            waited.Elapsed.Should().BeLessThan(Patience, $"the notice is e-mailed after the restart\n{string.Join("\n\n", nodes.Select(n => n.Output))}");
            await Task.Delay(250);
        }

        // Its one outbox row is marked sent: nothing is left that could send it again.
        await using (var db = Db())
        {
            (await db.Notices.SingleAsync(n => n.Kind == NotificationKind.SpaceInvitation && n.BusinessId == firm.Id)).DoneAt.Should().NotBeNull();
            (await db.OutboxMessages.CountAsync(m => m.To == email && m.Kind.StartsWith("notification."))).Should().Be(1);
        }
        var told = smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers.Contains(HeaderId.ListUnsubscribe)).ToList();
        told.Should().ContainSingle("the change is told once: not lost by the kill, not sent twice after it")
            .Which.Subject.Should().Be("Associazione Imprese Test invita Neri Edilizia nello spazio Spazio Gare");
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        await smtp.DisposeAsync();
        await database.DisposeAsync();
        File.Delete(auditKeyFile);
    }
}
