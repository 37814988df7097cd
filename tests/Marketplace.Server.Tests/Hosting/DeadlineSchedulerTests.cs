using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Data.Storage;
using Marketplace.Server.Hosting;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Server.Tests.Hosting;

public sealed class DeadlineSchedulerTestsOnSqlite(ClockedSqliteHost fixture) : DeadlineSchedulerTests<ClockedSqliteHost>(fixture);

public sealed class DeadlineSchedulerTestsOnPostgres(ClockedPostgresHost fixture) : DeadlineSchedulerTests<ClockedPostgresHost>(fixture);

/// <summary>
/// Bad data already stored (a deadline at the end of time, a state that no longer reads) neither breaks its tender
/// for good nor holds up any other tender, and its failures are logged ever more rarely.
/// </summary>
public abstract class DeadlineSchedulerTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    /// <summary>A scheduler of the test's own, ticked by hand, with a log the test reads.</summary>
    (DeadlineScheduler Scheduler, RecordingLog Log) Scheduler()
    {
        var log = new RecordingLog();
        return (ActivatorUtilities.CreateInstance<DeadlineScheduler>(fixture.Host.Services, log), log);
    }

    static string GrainKey(Guid tenderId) => $"tender/{tenderId:N}";

    /// <summary>Stores tenders whose state no longer reads, due since a day before <paramref name="due"/>.</summary>
    async Task<Guid[]> Unreadable(int count, DateTimeOffset due)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await fixture.Host.Query(db =>
        {
            foreach (var id in ids)
            {
                db.GrainStates.Add(new GrainStateRecord { GrainId = GrainKey(id), StateName = "tender", Data = "{ not json", Version = 1, UpdatedAt = due });
                db.Tenders.Add(new TenderEntry
                {
                    TenderId = id, Title = "Guasta", Cpv = "45000000", Status = TenderStatus.Enquiries,
                    EnquiryDeadline = due.AddDays(-1), SubmissionDeadline = due, NextDeadline = due.AddDays(-1), UpdatedAt = due,
                });
            }
            return db.SaveChangesAsync();
        });
        return ids;
    }

    Task<TenderEntry> Row(Guid tenderId) => fixture.Host.Query(db => db.Tenders.AsNoTracking().SingleAsync(t => t.TenderId == tenderId));

    [Fact]
    public async Task A_tender_whose_stored_deadline_is_in_year_9999_still_answers_and_leaves_the_scheduler_alone()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var source = await w.Publish();
        // New input is refused outside a sane window, so the far deadline is planted directly, as old data would be.
        var endOfTime = DateTimeOffset.MaxValue.Stored();
        var id = Guid.NewGuid();
        await fixture.Host.Query(async db =>
        {
            var stored = await db.GrainStates.AsNoTracking().SingleAsync(s => s.GrainId == GrainKey(source.Id) && s.StateName == "tender");
            var state = JsonNode.Parse(stored.Data)!;
            state["id"] = JsonValue.Create(id);
            state["details"]!["submissionDeadline"] = JsonValue.Create(endOfTime);
            db.GrainStates.Add(new GrainStateRecord { GrainId = GrainKey(id), StateName = "tender", Data = state.ToJsonString(), Version = 1, UpdatedAt = stored.UpdatedAt });
            var row = await db.Tenders.AsNoTracking().SingleAsync(t => t.TenderId == source.Id);
            row.TenderId = id;
            row.SubmissionDeadline = endOfTime;
            row.AuditHeadSequence = 0;
            row.AuditHeadHash = AuditChain.Genesis;
            db.Tenders.Add(row);
            db.TenderSpaces.Add(new TenderSpaceEntry { TenderId = id, SpaceId = w.SpaceId });
            return await db.SaveChangesAsync();
        });
        w.PassTo(source.EnquiryDeadline);

        var read = await w.Buyer.GetAsync($"/api/tenders/{id}");

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = await Row(id);
        entry.Status.Should().Be(TenderStatus.Tendering, "the enquiry deadline has passed; the submission deadline never comes");
        entry.NextDeadline.Should().Be(endOfTime, "nothing is due until then, so the scheduler does not come back to it");
        var (scheduler, log) = Scheduler();
        await scheduler.Tick(CancellationToken.None);
        log.Warnings.Should().NotContain(e => e.Message.Contains(id.ToString()));
    }

    [Fact]
    public async Task One_hundred_and_one_failing_tenders_do_not_stop_a_good_one_from_opening_at_its_deadline()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var good = await w.Publish();
        await Unreadable(101, good.EnquiryDeadline); // all due before the good tender, so a batch of 100 would hold only them
        w.PassTo(good.EnquiryDeadline);
        (await w.Bid(w.Builder, good.Id, w.BuilderId, 500_000m)).EnsureSuccessStatusCode();
        w.PassOpening(good);
        var (scheduler, log) = Scheduler();

        await scheduler.Tick(CancellationToken.None);

        (await Row(good.Id)).Status.Should().Be(TenderStatus.Evaluation);
        log.Warnings.Count(e => e.Message.Contains("could not catch up")).Should().BeGreaterThanOrEqualTo(101, "each failing tender is logged");
    }

    [Fact]
    public async Task A_due_deadline_is_worked_exactly_once_when_the_cluster_s_clock_work_is_ticked_from_two_places_at_once()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.DueToOpen();
        var clockWork = fixture.Host.Services.GetRequiredService<IGrainFactory>().ClockWork();

        // Two nodes ask at once, beside the grain's own timer.
        await Task.WhenAll(clockWork.Tick(), clockWork.Tick(), clockWork.Poke());

        (await Row(tender.Id)).Status.Should().Be(TenderStatus.Evaluation);
        (await fixture.Host.Query(db => db.AuditEntries.CountAsync(e => e.TenderId == tender.Id && e.Chain == AuditChainKind.Public && e.Kind == "SubmissionsClosed")))
            .Should().Be(1, "the submissions close once");
    }

    [Fact]
    public async Task A_failing_tender_is_retried_and_logged_ever_more_rarely_and_the_stack_trace_only_once()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var broken = (await Unreadable(1, w.Now)).Single();
        var (scheduler, log) = Scheduler();

        for (var second = 0; second < 64; second++)
        {
            await scheduler.Tick(CancellationToken.None);
            w.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Tried at 0, 1, 3, 7, 15, 31 and 63 seconds: 7 times in 64 ticks.
        var about = log.Warnings.Where(e => e.Message.Contains(broken.ToString())).ToList();
        about.Should().HaveCount(7);
        about.Count(e => e.Exception is not null).Should().Be(1, "the stack trace is logged the first time only");
    }

    sealed class RecordingLog : ILogger<DeadlineScheduler>
    {
        public sealed record Entry(string Message, Exception? Exception);

        readonly List<Entry> entries = [];

        public IReadOnlyList<Entry> Warnings { get { lock (entries) return [.. entries]; } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Warning) return;
            lock (entries) entries.Add(new Entry(formatter(state, exception), exception));
        }
    }
}
