using System.Net;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

/// <summary>
/// A server whose bid requests wait between arriving and being handled, as under load: each is held up in
/// authorisation (the clock moves on by <see cref="Queue.Wait"/>), after the first middleware saw it and before its handler runs.
/// </summary>
public sealed class QueueingHost : ClockedHost
{
    public QueueingHost() : this(new FakeTimeProvider(DateTimeOffset.UtcNow)) { }

    QueueingHost(FakeTimeProvider clock) : this(clock, new Queue(clock)) { }

    QueueingHost(FakeTimeProvider clock, Queue queue) : base(DatabaseProvider.Sqlite, clock, s => s.AddSingleton<IAuthorizationHandler>(queue)) =>
        Waits = queue;

    public Queue Waits { get; }

    public sealed class Queue(FakeTimeProvider clock) : IAuthorizationHandler
    {
        /// <summary>How long each bid request now waits inside the server (zero: none).</summary>
        public TimeSpan Wait { get; set; }

        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            if (context.Resource is HttpContext http && http.Request.Path.Value!.Contains("/bids/", StringComparison.Ordinal))
                clock.Advance(Wait);
            return Task.CompletedTask;
        }
    }
}

/// <summary>A bid counts from when its request reached the server, however long the server takes to handle it.</summary>
public sealed class BidArrivalTests(QueueingHost fixture) : IClassFixture<QueueingHost>
{
    [Fact]
    public async Task A_bid_that_arrived_before_the_deadline_is_taken_though_handled_after_it_and_one_that_arrived_after_is_refused()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        fixture.Waits.Wait = TimeSpan.FromSeconds(2); // inside the opening grace

        var arrived = tender.SubmissionDeadline.AddTicks(-TimeSpan.TicksPerMicrosecond);
        fixture.Clock.SetUtcNow(arrived);
        var inTime = await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m);
        fixture.Clock.GetUtcNow().Should().BeAfter(tender.SubmissionDeadline, "the handler ran after the deadline");
        inTime.StatusCode.Should().Be(HttpStatusCode.OK);
        (await inTime.Read<ReceiptDto>()).ReceivedAt.Should().Be(arrived, "the receipt time is when the request arrived");

        // The next request arrives now, after the deadline: it is refused, however quickly it is handled.
        fixture.Waits.Wait = TimeSpan.Zero;
        var late = await w.Bid(w.Coder, tender.Id, w.CoderId, 400_000m);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Refusal()).Code.Should().Be("bid.deadlinePassed");

        (await fixture.Host.Query(db => db.Bids.Where(b => b.TenderId == tender.Id).Select(b => b.BidderId).ToListAsync()))
            .Should().Equal(w.BuilderId);
    }
}
