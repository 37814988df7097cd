using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Testing;

/// <summary>
/// A publisher's web server for feed tests, on Kestrel at 127.0.0.1 (no Internet needed): each path answers what the
/// test sets (a package, a status, a redirect, or an answer held until the test lets it go), and it counts requests.
/// </summary>
public sealed class PackageServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, Func<HttpContext, Task>> answers = new();
    readonly ConcurrentDictionary<string, int> requests = new();

    PackageServer(WebApplication app) => this.app = app;

    public static async Task<PackageServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var server = new PackageServer(builder.Build());
        server.app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            server.requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (server.answers.TryGetValue(path, out var answer)) await answer(context);
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        await server.app.StartAsync();
        return server;
    }

    /// <summary>The address of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => $"{app.Urls.Single().TrimEnd('/')}{path}";

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> as <paramref name="contentType"/>.</summary>
    public void Serve(string path, string body, string contentType = "application/json") => answers[path] = async context =>
    {
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    };

    public void Answer(string path, Func<HttpContext, Task> answer) => answers[path] = answer;

    public void Status(string path, int status) => answers[path] = context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    public void Redirect(string path, string to) => answers[path] = context =>
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    };

    /// <summary>How many requests <paramref name="path"/> received.</summary>
    public int Requests(string path) => requests.GetValueOrDefault(path);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
