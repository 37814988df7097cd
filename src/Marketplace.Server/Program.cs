using Marketplace.Data;
using Marketplace.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMarketplaceData();            // EF Core database, migrations, grain storage and read models
builder.AddMarketplaceSilo();            // Orleans, co-hosted
builder.AddMarketplaceWeb();             // Identity, SignalR, ProblemDetails, OpenAPI, health, demo seed
builder.AddMarketplaceTelemetry();       // OpenTelemetry over OTLP and a Prometheus scrape, when configured
var app = builder.Build();
app.MapMarketplace();                    // middleware, endpoint groups, hub, health, static client
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
