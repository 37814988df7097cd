using System.Net;
using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hosting;

/// <summary>
/// `dotnet run` starts the server in Development, where ASP.NET Core refuses a scoped service taken from the root
/// services; the tests' hosts run as "Testing", which does not check it, so this one starts as `dotnet run` does.
/// </summary>
public sealed class DevelopmentHostTests
{
    [Fact]
    public async Task The_server_starts_in_Development_and_Identity_s_endpoints_write_their_e_mails()
    {
        await using var database = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = new MarketplaceHost(database);
        var development = host.WithWebHostBuilder(b => b.UseEnvironment("Development")); // disposed with the host
        var client = development.CreateClient();
        development.Services.GetRequiredService<IHostEnvironment>().IsDevelopment().Should().BeTrue();

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var email = $"sviluppo-{Guid.NewGuid():N}@example.it";
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Giulia Rossi" })).EnsureSuccessStatusCode();
        // Identity's own endpoint, which took its e-mail sender from the root services when it was mapped.
        (await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email })).EnsureSuccessStatusCode();

        await using var scope = development.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().OutboxMessages
            .CountAsync(m => m.To == email && m.Kind == "account.confirm")).Should().Be(2);
    }
}
