using Marketplace.Data.ReadModels;
using Marketplace.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace Marketplace.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DataSetup
{
    /// <summary>
    /// The database (SQLite file under ./data by default, or PostgreSQL by configuration), migrations at start-up,
    /// read-model projectors and the grain storage that uses them. Settings: <c>Database:Provider</c> and
    /// <c>ConnectionStrings:Marketplace</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceData(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Marketplace");
        var services = builder.Services;

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Marketplace is not set.");
            services.AddDbContextPool<MarketplaceDbContext, PostgresMarketplaceDbContext>(o => WithModel(o.UseNpgsql(Prepared(connectionString)), PostgresModel));
        }
        else
        {
            connectionString ??= DefaultSqlite(builder.Environment.ContentRootPath);
            services.AddDbContextPool<MarketplaceDbContext, SqliteMarketplaceDbContext>(o => WithModel(o.UseSqlite(connectionString), SqliteModel));
        }

        services.AddSingleton(MarketplaceClock.Real);
        services.Configure<SealingOptions>(builder.Configuration.GetSection("Sealing"));
        services.AddSingleton<StateSealer>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<IReadModelProjector, BusinessProjector>();
        services.AddSingleton<IReadModelProjector, SpaceProjector>();
        services.AddSingleton<IReadModelProjector, MembershipProjector>();
        services.AddSingleton<IReadModelProjector, SpaceBuyerProjector>();
        services.AddSingleton<IReadModelProjector, ShowcaseProjector>();
        services.AddSingleton<IReadModelProjector, EndorsementProjector>();
        services.AddSingleton<IReadModelProjector, BoardPostProjector>();
        services.AddSingleton<IReadModelProjector, TenderProjector>();
        services.AddSingleton<BidProjector>();
        services.AddSingleton<BidWrites>();
        services.AddSingleton<StateReads>();
        services.AddSingleton<IReadModelProjector, AllianceProjector>();
        services.AddSingleton<IReadModelProjector, JointBidProjector>();
        services.AddSingleton<IReadModelProjector, Outbox.OutboxProjector>();
        services.AddSingleton<Tenders.ITenderBids, EfTenderBids>();
        services.AddSingleton<Alliances.ITenderAlliances, EfTenderAlliances>();
        services.AddSingleton<Board.IBoardPosts, EfBoardPosts>();
        services.AddSingleton<Marketplace.Conversations.IThreadMessages, Conversations.EfThreadMessages>();
        services.AddSingleton<Marketplace.Reports.IReports, Reports.EfReports>();
        services.AddSingleton<Businesses.IStoredMemberships, EfStoredMemberships>();
        services.AddSingleton<Businesses.IInboxReadTimes, EfInboxReadTimes>();
        services.Configure<Tenders.TenderOptions>(builder.Configuration.GetSection("Tenders"));
        services.Configure<Audit.AuditOptions>(builder.Configuration.GetSection("Audit"));
        services.AddSingleton<Audit.AuditSigningKey>();
        services.AddSingleton<Audit.AuditChains>();
        // The default provider, so grains declare [PersistentState("name")] without naming a storage.
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (sp, _) => ActivatorUtilities.CreateInstance<EfGrainStorage>(sp));
        return builder;
    }

#if WITHOUT_COMPILED_MODELS
    // Built so by scripts/compiled-models.sh alone: EF builds the model from OnModelCreating, to write the compiled ones from it.
    static IModel? SqliteModel => null;
    static IModel? PostgresModel => null;
#else
    // EF's compiled models (written by scripts/compiled-models.sh, checked by CompiledModelTests): without them EF builds
    // the model from OnModelCreating on every start. Named here, not found by EF through an assembly attribute, so that
    // design time (`dotnet ef`, the design-time factories) always builds the model from the code.
    static IModel? SqliteModel => CompiledModels.Sqlite.SqliteMarketplaceDbContextModel.Instance;
    static IModel? PostgresModel => CompiledModels.Postgres.PostgresMarketplaceDbContextModel.Instance;
#endif

    static DbContextOptionsBuilder WithModel(DbContextOptionsBuilder options, IModel? model) => model is null ? options : options.UseModel(model);

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless the operator chose otherwise: the hot pages
    /// repeat the same few statements, and PostgreSQL parsing and planning them on every call cost more of its processor
    /// than running them (issue #11).
    /// </summary>
    static string Prepared(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var chosen = connectionString.Replace(" ", "");
        if (!chosen.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        // Nothing the product does leaves session state on a connection (the migrator releases its advisory lock), so a
        // connection back in the pool is not reset with a statement of its own before its next use.
        if (!chosen.Contains("ResetOnClose", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    static string DefaultSqlite(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "marketplace.db")}";
    }
}
