using Marketplace.Data;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A fresh, empty database for one test host. PostgreSQL comes from MARKETPLACE_TEST_POSTGRES (the README's test
/// command starts a throwaway server and sets it); without it PostgreSQL tests fail loudly rather than skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MARKETPLACE_TEST_POSTGRES";

    TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    readonly Func<ValueTask> drop;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// The sealing key file that goes with this database (a temporary file, made by the first host): every host on the
    /// database uses it, so bids sealed before a restart open after it, as in a real deployment.
    /// </summary>
    public string SealingKeyFile { get; } = Path.Combine(Path.GetTempPath(), $"marketplace-test-{Guid.NewGuid():N}.key");

    public static async Task<TestDatabase> Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"marketplace-test-{Guid.NewGuid():N}.db");
            return new(provider, $"Data Source={file};Pooling=False", () =>
            {
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
                return ValueTask.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with the README's test command (scripts/test.sh), which starts PostgreSQL.");
        return await Create(server);
    }

    /// <summary>A fresh PostgreSQL database on the given server (e.g. a <see cref="PrivatePostgres"/>).</summary>
    public static async Task<TestDatabase> Create(string server)
    {
        var name = $"marketplace_test_{Guid.NewGuid():N}";
        await Execute(server, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new(DatabaseProvider.Postgres, builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    static async Task Execute(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(SealingKeyFile);
        return drop();
    }
}
