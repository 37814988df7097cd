using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.JointBids;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Hubs;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Storage;

/// <summary>
/// The database goes away under a running server (the test's own PostgreSQL, stopped at once) and comes back: requests
/// meanwhile are refused with 503, nothing they tried is served or stored later, and the opening is what was stored.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    PrivatePostgres postgres = null!;
    MarketplaceHost host = null!;
    readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        postgres = await PrivatePostgres.Start();
        host = new MarketplaceHost(await TestDatabase.Create(postgres.ConnectionString), realPort: true, clock: clock);
        host.ClientOptions.BaseAddress = host.ServerAddress; // API clients too, over the real port the hub needs
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await postgres.DisposeAsync(); // its databases go with it

    }

    IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    Task<Guid> OwnerOf(Guid firm) => host.Query(db => db.BusinessMembers.Where(m => m.BusinessId == firm).Select(m => m.UserId).SingleAsync());

    static async Task ShouldBeUnavailable(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull("the client is told when to try again");
        var problem = await response.Read<ProblemDetails>();
        problem.Status.Should().Be(503);
        problem.Extensions.Should().ContainKey("traceId");
    }

    [Fact]
    public async Task Requests_while_the_database_is_down_get_503_and_leave_nothing_behind_in_memory_or_in_the_chain()
    {
        var w = await TenderWorld.Create(host, clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        var package = await (await w.Coder.PostAsJsonAsync($"/api/alliances/{allianceId}/bid/work-packages",
            new SaveWorkPackageRequest(null, 0, "Cablaggio", 2, null, w.CoderId, new MoneyDto(150_000m, "EUR")), Json)).Read<JointBidDto>();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Get(w.Buyer, tender.Id)).Status.Should().Be(TenderStatus.Tendering);
        // The builder has withdrawn and resubmitted once; the IT firm has bid once.
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).EnsureSuccessStatusCode();
        (await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).EnsureSuccessStatusCode();
        var builderReceipt = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 480_000m)).Read<ReceiptDto>();
        var coderReceipt = await (await w.Bid(w.Coder, tender.Id, w.CoderId, 200_000m, 190_000m)).Read<ReceiptDto>();
        var (builderOwner, coderOwner) = (await OwnerOf(w.BuilderId), await OwnerOf(w.CoderId));
        var (_, hub) = await HubFixture.Connect(host, signedIn: true);
        await using var _ = hub;
        var before = clock.GetUtcNow();

        await postgres.Stop();
        clock.Advance(TimeSpan.FromHours(1));
        var outage = clock.GetUtcNow();

        await ShouldBeUnavailable(await w.Bid(w.Coder, tender.Id, w.CoderId, 100_000m, 90_000m));
        await ShouldBeUnavailable(await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}"));
        var cable = package.WorkPackages.Single();
        await ShouldBeUnavailable(await w.Coder.PostAsJsonAsync($"/api/alliances/{allianceId}/bid/work-packages",
            new SaveWorkPackageRequest(cable.Id, cable.Version, "Cablaggio", 2, null, w.CoderId, new MoneyDto(99_000m, "EUR")), Json));
        var watch = () => hub.InvokeAsync("WatchAlliance", allianceId);
        (await watch.Should().ThrowAsync<HubException>()).Which.Message.Should().EndWith(UnavailableProblems.Unavailable.Code, "the hub says why, so the client may retry");
        (await host.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        // A read that needs the database is refused the same way, not answered empty: a firm's own bids are listed
        // from the read models, which only the database holds.
        await ShouldBeUnavailable(await w.Coder.GetAsync($"/api/businesses/{w.CoderId}/bids"));

        await postgres.Resume();

        // What the server holds in memory is what was stored, not what the refused requests made of it. (Read once the
        // database is back: who may read a bid is answered from the database, and the activations stayed in memory.)
        var coderBid = (await Grains.Bid(tender.Id, w.CoderId).Read(coderOwner)).Value!;
        coderBid.Status.Should().Be(BidStatus.Submitted);
        coderBid.Receipt!.Digest.Should().Be(coderReceipt.Digest);
        coderBid.Content!.Lots.Select(l => l.Price.Amount).Should().Equal(200_000m, 190_000m);
        var builderBid = (await Grains.Bid(tender.Id, w.BuilderId).Read(builderOwner)).Value!;
        builderBid.Status.Should().Be(BidStatus.Submitted, "the withdrawal was refused");
        builderBid.Receipt!.Digest.Should().Be(builderReceipt.Digest);
        (await Grains.GetGrain<IJointBidGrain>(allianceId).Read(coderOwner, false)).Value!.WorkPackages.Single().Price.Amount.Should().Be(150_000m);
        clock.Advance(TimeSpan.FromHours(1));

        // The next write carries only itself: the refused resubmission left no submission number, no link, no row.
        var next = await w.Bid(w.Coder, tender.Id, w.CoderId, 180_000m, 170_000m);
        next.StatusCode.Should().Be(HttpStatusCode.OK);
        (await next.Read<ReceiptDto>()).Submission.Should().Be(coderReceipt.Submission + 1);
        var saved = await w.Coder.PostAsJsonAsync($"/api/alliances/{allianceId}/bid/work-packages",
            new SaveWorkPackageRequest(cable.Id, cable.Version, "Cablaggio", 2, null, w.CoderId, new MoneyDto(140_000m, "EUR")), Json);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, "the refused edit did not move the package's version");
        var links = await host.Query(db => db.AuditEntries.Where(e => e.TenderId == tender.Id).ToListAsync());
        links.Should().NotContain(l => l.At > before && l.At <= outage, "nothing was stored during the outage");
        links.Where(l => l.Subject == AuditChain.JointBidSubject(allianceId)).OrderBy(l => l.Sequence).Select(l => l.SubjectSequence).Should()
            .Equal([1, 2, 3], "the joint bid's chained changes go on from the last stored one, as the refused edit left it");
        (await host.CreateClient().GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!.Valid.Should().BeTrue();

        // After opening, each firm sees the very bid the buyer opened.
        w.PassOpening(tender);
        var opened = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots;
        var openedDigests = opened.SelectMany(l => l.Ranking).Select(r => (r.BidderId, r.Digest)).Distinct().ToList();
        foreach (var (client, firm) in new[] { (w.Builder, w.BuilderId), (w.Coder, w.CoderId) })
        {
            var mine = (await client.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{firm}", Json))!;
            mine.Status.Should().Be(BidStatus.Submitted);
            openedDigests.Should().Contain((firm, mine.Receipt!.Digest));
        }
        openedDigests.Should().HaveCount(2);
    }
}
