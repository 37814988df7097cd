using Marketplace.Data;
using Marketplace.Testing;

namespace Marketplace.Server.Tests;

/// <summary>A running server on a fresh database, shared by the tests of one class.</summary>
public abstract class HostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public MarketplaceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new MarketplaceHost(await TestDatabase.Create(provider));
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
