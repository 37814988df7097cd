using System.Text.Json.Serialization;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Mail;
using Marketplace.Server.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Marketplace.Server.Hosting;

public static class WebSetup
{
    /// <summary>The largest JSON body the API accepts; a profile is a few KB, so this leaves ample room.</summary>
    public const long MaxApiBodyBytes = 64 * 1024;

    public static IHostApplicationBuilder AddMarketplaceWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddWebClientFiles();
        services.AddDataProtection().SetApplicationName("Marketplace").PersistKeysToDbContext<MarketplaceDbContext>();
        services.AddAuthorizationBuilder().AddOperatorPolicy(builder.Configuration);
        services.AddIdentityApiEndpoints<MarketplaceUser>(o =>
            {
                // NIST SP 800-63B-4: a password that is the only factor has at least 15 characters, no composition
                // rules (they breed "Password1!"), and is checked against a list of common ones (CommonPasswords).
                o.Password.RequiredLength = 15;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequiredUniqueChars = 5;
                o.User.RequireUniqueEmail = true;
                // Applied per account and client by SessionSignInManager, not to the account as a whole.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // An address is confirmed before it signs in, except in Development, where the demo registers at will.
                o.SignIn.RequireConfirmedEmail = builder.Configuration.GetValue("Accounts:RequireConfirmedEmail", !builder.Environment.IsDevelopment());
            })
            .AddEntityFrameworkStores<MarketplaceDbContext>()
            .AddPasswordValidator<CommonPasswords>()
            .AddSessions();
        // Links in account e-mails (confirmation, new address, password recovery) work this long, and a reset once.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = builder.Configuration.GetValue("Accounts:LinksLast", TimeSpan.FromHours(24)));
        builder.AddMarketplaceMail();
        services.Configure<OpenData.OpenDataOptions>(builder.Configuration.GetSection("OpenData"));
        services.Configure<OpenData.Import.ImportLimits>(builder.Configuration.GetSection("OpenData:Import"));
        // Feeds are fetched on every node, each feed by one node at a time (FeedFetcher, ImportFeedRows).
        services.Configure<OpenData.Import.Feeds.FeedOptions>(builder.Configuration.GetSection("OpenData:Import:Feeds"));
        services.AddSingleton<OpenData.Import.Feeds.FeedClient>();
        services.AddSingleton<OpenData.Import.Feeds.FeedFetcher>();
        services.AddHostedService<OpenData.Import.Feeds.FeedFetchLoop>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "marketplace.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // numbers are numbers, in the API and its OpenAPI types
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so BadRequests reach ProblemDetails
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddScoped<Access>(); // what the viewer may see: endpoints and the hub ask it
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddExceptionHandler<UnavailableProblems>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ProblemCodesDocument>().AddDocumentTransformer<HubMessagesDocument>().AddOperationTransformer<Auth.IdentityOperationIds>());
        var signalR = services.AddSignalR(o => o.AddFilter<Hubs.UnavailableHubFilter>()).AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.AddMarketplaceRateLimits();
        var health = services.AddHealthChecks().AddDbContextCheck<MarketplaceDbContext>("database", tags: ["ready"]);
        if (ClusterMode.From(builder.Configuration) is { } cluster)
        {
            // A message for a group or a user reaches its connections on every node, whichever node sends it.
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = cluster.RedisOptions();
                o.Configuration.ChannelPrefix = RedisChannel.Literal(cluster.ChannelPrefix);
            });
            services.AddSingleton(cluster).AddSingleton<RedisHealth>();
            health.AddCheck<RedisHealth>("redis", tags: ["ready"]);
        }
        builder.WebHost().ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxApiBodyBytes);

        // Registered after the silo so it runs once grains can be called.
        if (builder.Configuration.GetValue("Seed:DemoData", false)) services.AddHostedService<DemoSeeder>();
        return builder;
    }

    static IWebHostBuilder WebHost(this IHostApplicationBuilder builder) => ((WebApplicationBuilder)builder).WebHost;
}
