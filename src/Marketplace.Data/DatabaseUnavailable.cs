using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marketplace.Data;

/// <summary>
/// Whether a failure means that the database cannot be reached for now (down, restarting, refusing or dropping
/// connections, busy): the same request may well succeed a little later, unlike a bug. It looks through the wrappers
/// around the provider's exception (EF Core's, Orleans' storage errors, a grain call's) for the provider's own verdict.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>How long a client is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // SQLite's "busy", "locked" and "cannot open": another process holds the file, or it is not there for now.
    const int SqliteBusy = 5, SqliteLocked = 6, SqliteCannotOpen = 14;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteCannotOpen }:
                    return true;
                case AggregateException many:
                    return many.InnerExceptions.Any(Is);
            }
        return false;
    }
}
