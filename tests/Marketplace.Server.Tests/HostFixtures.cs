using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Server.Tests;

/// <summary>
/// A running server on a fresh database, shared by the tests of one class; <paramref name="services"/> adds to its
/// services, <paramref name="settings"/> to its configuration.
/// </summary>
public abstract class HostFixture(DatabaseProvider provider, TimeProvider? clock = null, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    public MarketplaceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new MarketplaceHost(await TestDatabase.Create(provider), clock: clock, services: services, settings: settings);
        Host.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }
}

public sealed class SqliteHost() : HostFixture(DatabaseProvider.Sqlite);

public sealed class PostgresHost() : HostFixture(DatabaseProvider.Postgres);

/// <summary>
/// A server whose clock the tests move: it starts at the real time (sign-in cookies and keys stay valid) and only
/// moves when a test advances it, so a deadline is crossed exactly when the test says.
/// </summary>
public abstract class ClockedHost(DatabaseProvider provider, FakeTimeProvider clock, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : HostFixture(provider, clock, services, settings)
{
    public FakeTimeProvider Clock { get; } = clock;
}

public sealed class ClockedSqliteHost() : ClockedHost(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow));

public sealed class ClockedPostgresHost() : ClockedHost(DatabaseProvider.Postgres, new FakeTimeProvider(DateTimeOffset.UtcNow));
