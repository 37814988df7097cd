using System.Collections.Concurrent;
using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Marketplace.Grains.Tests;

/// <summary>One in-process silo with memory storage, a fake clock and a port that records what grains announce.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    /// <summary>The clock nodes' leases are judged by, moved by tests to let a node's lease lapse.</summary>
    public FakeTimeProvider LeaseTime { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public RecordedLiveUpdates Live { get; } = new();
    public StoredMembershipRows Memberships { get; } = new();
    public StoredInboxReadTimes InboxReadTimes { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddSingleton(new MarketplaceClock(Clock));
            silo.Services.AddSingleton(new Marketplace.Live.LeaseClock(LeaseTime));
            silo.Services.AddSingleton<ILiveUpdates>(Live);
            silo.Services.AddSingleton<IStoredMemberships>(Memberships);
            silo.Services.AddSingleton<IInboxReadTimes>(InboxReadTimes);
            silo.Services.AddSingleton<IActsFor, GrainActsFor>();
            silo.Services.AddHeldCards();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// The membership rows as a test sets them (memory storage has no read models); each answer counts as a database read.
/// </summary>
public sealed class StoredMembershipRows : IStoredMemberships
{
    public ConcurrentDictionary<(Guid User, Guid Business), BusinessRole> Rows { get; } = new();

    public int Reads;

    public Task<ActingFor> Of(Guid userId, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default)
    {
        Interlocked.Increment(ref Reads);
        return Task.FromResult(new ActingFor(Rows.Where(r => r.Key.User == userId && (among is null || among.Contains(r.Key.Business)))
            .ToDictionary(r => r.Key.Business, r => r.Value)));
    }
}

/// <summary>The people's inbox read times as if stored with their accounts (memory storage has no accounts).</summary>
public sealed class StoredInboxReadTimes : IInboxReadTimes
{
    readonly ConcurrentDictionary<Guid, DateTimeOffset> rows = new();

    public Task<DateTimeOffset?> Of(Guid userId) => Task.FromResult(rows.TryGetValue(userId, out var at) ? at : (DateTimeOffset?)null);

    public Task Store(Guid userId, DateTimeOffset at)
    {
        rows[userId] = at;
        return Task.CompletedTask;
    }
}

/// <summary>Records every notice, so tests can see what watchers would have been told.</summary>
public sealed class RecordedLiveUpdates : ILiveUpdates
{
    public ConcurrentQueue<BusinessSnapshot> Businesses { get; } = new();

    public Task BusinessChanged(BusinessSnapshot business)
    {
        Businesses.Enqueue(business);
        return Task.CompletedTask;
    }

    public IEnumerable<BusinessSnapshot> For(Guid businessId) => Businesses.Where(b => b.Id == businessId);

    public Task TeamChanged(BusinessSnapshot business, Guid[] people) => Task.CompletedTask;

    public ConcurrentQueue<(SpaceSnapshot Space, bool PolicyPublished)> Spaces { get; } = new();

    public ConcurrentQueue<MembershipSnapshot> Memberships { get; } = new();

    public Task SpaceChanged(SpaceSnapshot space, bool policyPublished)
    {
        Spaces.Enqueue((space, policyPublished));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<SpaceBuyerSnapshot> BuyerStandings { get; } = new();

    public Task BuyerStandingChanged(SpaceBuyerSnapshot standing)
    {
        BuyerStandings.Enqueue(standing);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<Marketplace.Showcase.ShowcaseSnapshot> Showcase { get; } = new();

    public Task ShowcaseChanged(Marketplace.Showcase.ShowcaseSnapshot project)
    {
        Showcase.Enqueue(project);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<Marketplace.Showcase.EndorsementSnapshot> Endorsements { get; } = new();

    public Task EndorsementChanged(Marketplace.Showcase.EndorsementSnapshot endorsement)
    {
        Endorsements.Enqueue(endorsement);
        return Task.CompletedTask;
    }

    public Task MembershipChanged(SpaceSnapshot space, MembershipSnapshot membership)
    {
        Memberships.Enqueue(membership);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(TenderSnapshot Tender, TenderNotice Notice)> Tenders { get; } = new();

    public Task TenderChanged(TenderSnapshot tender, TenderNotice notice)
    {
        Tenders.Enqueue((tender, notice));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<BidSnapshot> Bids { get; } = new();

    public Task BidChanged(TenderSnapshot tender, BidSnapshot bid)
    {
        Bids.Enqueue(bid);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(Marketplace.Alliances.AllianceSnapshot Alliance, Guid[] Departed)> Alliances { get; } = new();

    public Task AllianceChanged(Marketplace.Alliances.AllianceSnapshot alliance, Guid[] departed)
    {
        Alliances.Enqueue((alliance, departed));
        return Task.CompletedTask;
    }

    public Task JointBidChanged(Marketplace.Alliances.AllianceSnapshot alliance, Marketplace.JointBids.JointBidNews news) => Task.CompletedTask;

    public Task PostChanged(Marketplace.Board.PostSnapshot post, Marketplace.Board.PostNews news) => Task.CompletedTask;

    public Task MessagePosted(Marketplace.Conversations.ThreadMessage message) => Task.CompletedTask;

    public Task ProposalChanged(Guid spaceId, Guid firmId, Guid proposalId) => Task.CompletedTask;

    public Task ReportsChanged(Guid spaceId, Guid[] reporterFirms) => Task.CompletedTask;
    public Task AnnouncementChanged(Guid spaceId, Guid announcementId) => Task.CompletedTask;
}
