using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Data;

/// <summary>
/// Applies pending migrations when the host starts. It is registered before the Orleans silo, and hosted services
/// start in order, so no grain reads its state before the schema exists. Nodes of a cluster start together on one
/// database (docker compose starts them at once): on PostgreSQL each migrates under one advisory lock, so the second
/// waits and then finds nothing left to do, instead of applying a migration the first has just applied.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    /// <summary>The advisory lock's key: any constant the product uses for nothing else ("MKTPLMIG").</summary>
    const long MigrationLock = 0x4D4B54504C4D4947;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var digits = scope.ServiceProvider.GetRequiredService<IOptions<Tenders.TenderOptions>>().Value.MatchDigits;
        if (db.Database.IsNpgsql())
        {
            // A session lock: it holds on this open connection, which MigrateAsync uses, and ends with it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                var applied = await MigrateIfBehind(db, cancellationToken);
                await ReadModels.TenderBackfill.Run(db, digits, cancellationToken);
                await ReadModels.AllianceBackfill.Run(db, cancellationToken);
                if (applied.Any(QualificationBackfillDue)) await ReadModels.QualificationBackfill.Run(db, cancellationToken);
                if (applied.Any(DgueBackfillDue)) await ReadModels.QualificationBackfill.RunDgues(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        var appliedNow = await MigrateIfBehind(db, cancellationToken);
        await ReadModels.TenderBackfill.Run(db, digits, cancellationToken);
        await ReadModels.AllianceBackfill.Run(db, cancellationToken);
        if (appliedNow.Any(QualificationBackfillDue)) await ReadModels.QualificationBackfill.Run(db, cancellationToken);
        if (appliedNow.Any(DgueBackfillDue)) await ReadModels.QualificationBackfill.RunDgues(db, cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the directory be read while a grain writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Migrates unless every migration of this build is already applied. Reading the applied ones is one query; EF's
    /// migration pass would also build the model twice (from the code and from the migrations' snapshot) to check they
    /// agree, about a second of CPU on every restart. That check still runs whenever a migration is applied, and the
    /// tests start on empty databases, so a model change without its migration still fails there.
    /// </summary>
    /// <returns>The migrations applied now (none when the database was up to date).</returns>
    static async Task<List<string>> MigrateIfBehind(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>
    /// The qualification back-fill reads every firm's stored state: it runs once, at the start that applies the
    /// (empty) migration marking it, not at every start.
    /// </summary>
    static bool QualificationBackfillDue(string migration) => migration.EndsWith("_QualificationRowsBackfill", StringComparison.Ordinal);

    /// <summary>The DGUE rows' back-fill, once, at the start that applies the migration dropping their unread digest.</summary>
    static bool DgueBackfillDue(string migration) => migration.EndsWith("_BusinessDgueDigestDropped", StringComparison.Ordinal);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
