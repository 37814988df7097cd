using System.Net;
using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Data.Audit;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class TenderDeadlineTestsOnSqlite(ClockedSqliteHost fixture) : TenderDeadlineTests<ClockedSqliteHost>(fixture);

public sealed class TenderDeadlineTestsOnPostgres(ClockedPostgresHost fixture) : TenderDeadlineTests<ClockedPostgresHost>(fixture);

/// <summary>Deadlines hold by the server's clock, to the tick, whether or not any timer has fired.</summary>
public abstract class TenderDeadlineTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting for the scheduler, not a speed requirement

    [Fact]
    public async Task A_bid_one_microsecond_before_the_deadline_is_taken_and_one_at_the_deadline_is_refused()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);

        w.Clock.SetUtcNow(tender.SubmissionDeadline.AddTicks(-TimeSpan.TicksPerMicrosecond));
        var inTime = await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m);
        inTime.StatusCode.Should().Be(HttpStatusCode.OK);
        (await inTime.Read<ReceiptDto>()).ReceivedAt.Should().Be(tender.SubmissionDeadline.AddTicks(-TimeSpan.TicksPerMicrosecond));

        w.Clock.SetUtcNow(tender.SubmissionDeadline);
        var late = await w.Bid(w.Coder, tender.Id, w.CoderId, 400_000m);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.Conflict, "a bid cannot be withdrawn after the deadline either");
        (await fixture.Host.Query(db => db.Bids.CountAsync(b => b.TenderId == tender.Id))).Should().Be(1);
    }

    [Fact]
    public async Task A_bid_that_reached_the_server_before_the_deadline_counts_even_if_it_is_stored_after_it()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        SubmitBid Bid(Guid firm, DateTimeOffset receivedAt) => new(Guid.Empty, [new Tenderer(firm, TendererRole.Lead)],
            [new LotPrice(1, new Money(500_000m, "EUR"))], [new CriterionAnswer(2, "Squadra")], [], receivedAt);

        // The server is busy: the request arrived 1 µs before the deadline and is handled 5 s after it, inside the grace.
        w.Clock.SetUtcNow(tender.SubmissionDeadline.AddSeconds(5));
        var owner = await fixture.Host.Query(db => db.BusinessMembers.Where(m => m.BusinessId == w.BuilderId).Select(m => m.UserId).SingleAsync());
        var inTime = await grains.Bid(tender.Id, w.BuilderId).Submit(Bid(w.BuilderId, tender.SubmissionDeadline.AddTicks(-TimeSpan.TicksPerMicrosecond)) with { ActorId = owner });
        inTime.Problem.Should().BeNull();
        inTime.Value!.ReceivedAt.Should().Be(tender.SubmissionDeadline.AddTicks(-TimeSpan.TicksPerMicrosecond));

        var coderOwner = await fixture.Host.Query(db => db.BusinessMembers.Where(m => m.BusinessId == w.CoderId).Select(m => m.UserId).SingleAsync());
        var late = await grains.Bid(tender.Id, w.CoderId).Submit(Bid(w.CoderId, tender.SubmissionDeadline) with { ActorId = coderOwner });
        late.Problem!.Kind.Should().Be(ProblemKind.Conflict);

        w.PassOpening(tender);
        (await w.Get(w.Buyer, tender.Id)).ReceiptCount.Should().Be(1, "the bid received in time is opened");
    }

    [Fact]
    public async Task The_scheduler_opens_the_bids_at_the_deadline_without_anyone_asking()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.DueToOpen();
        // Only the read model is watched: nothing here calls the tender grain, so only the scheduler can move it.
        var status = TenderStatus.Tendering;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (status != TenderStatus.Evaluation && waited.Elapsed < Patience)
        {
            await Task.Delay(100);
            status = await fixture.Host.Query(db => db.Tenders.Where(t => t.TenderId == tender.Id).Select(t => t.Status).SingleAsync());
        }
        status.Should().Be(TenderStatus.Evaluation);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_deadline_passed_while_the_server_was_down_is_applied_when_it_comes_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        TenderDto tender;
        ReceiptDto receipt;
        await using (var before = new MarketplaceHost(database, clock: clock))
        {
            before.StartServer();
            var w = await TenderWorld.Create(before, clock);
            tender = await w.Publish();
            w.PassTo(tender.EnquiryDeadline);
            receipt = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).Read<ReceiptDto>();
        }

        clock.SetUtcNow(tender.SubmissionDeadline.AddHours(3)); // the server was down across the deadline
        await using var after = new MarketplaceHost(database, clock: clock);
        var reopened = await after.CreateClient().GetFromJsonAsync<TenderDto>($"/api/tenders/{tender.Id}", Json);

        reopened!.Status.Should().Be(TenderStatus.Evaluation);
        reopened.ReceiptCount.Should().Be(1);
        var audit = await after.CreateClient().GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json);
        audit!.Valid.Should().BeTrue();
        var closed = audit.Shown.Single(l => l.Kind == "SubmissionsClosed");
        closed.At.Should().Be(tender.SubmissionDeadline, "the transition is dated at the deadline, not when it was noticed");
        var bids = await after.Query(db => after.Services.GetRequiredService<AuditChains>().Sealed(db, tender.Id, default));
        bids.Holds.Should().BeTrue();
        bids.Links.Single(l => l.Kind == "BidSubmitted").Detail.Should().Contain(receipt.Digest);
    }
}
