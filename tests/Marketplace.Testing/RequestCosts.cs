using System.Collections.Concurrent;
using System.Data.Common;
using Marketplace.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Marketplace.Testing;

/// <summary>
/// What one request costs the server, counted, not timed: the grain calls it makes (every grain method that runs for
/// it, at any depth) and the SQL commands it runs (in the endpoint or in any grain it reaches). A request asks to be
/// counted with the <see cref="Header"/>; a first middleware puts its mark into the Orleans request context, which
/// flows into every grain call the request makes and on into the calls those grains make, so an incoming grain call
/// filter and an EF command interceptor know whose work they see. Added to a test server only
/// (<see cref="Configure"/>); the product has none of it.
/// </summary>
public sealed class RequestCosts
{
    public const string Header = "X-Test-Request-Cost";
    const string Mark = "test-request-cost";

    /// <summary>What one request did: each grain method that ran ("ISpaceGrain.Get") and each SQL command's shape.</summary>
    public sealed record Cost(IReadOnlyList<string> GrainCalls, IReadOnlyList<string> Queries)
    {
        /// <summary>The counts with what was counted, for a failing assertion to say what the request did.</summary>
        public override string ToString() =>
            $"{GrainCalls.Count} grain calls ({Listed(GrainCalls)}) and {Queries.Count} SQL commands ({Listed(Queries)})";

        static string Listed(IEnumerable<string> items) => string.Join(", ", items.GroupBy(i => i).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));
    }

    sealed class Tally
    {
        public readonly ConcurrentQueue<string> GrainCalls = new();
        public readonly ConcurrentQueue<string> Queries = new();
    }

    readonly ConcurrentDictionary<string, Tally> tallies = new();

    /// <summary>Adds the middleware, the grain call filter and the command interceptor to a test server's services.</summary>
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter>(new MarkRequests());
        services.AddSingleton<IIncomingGrainCallFilter>(new CountGrainCalls(this));
        var interceptor = new CountCommands(this);
        services.ConfigureDbContext<SqliteMarketplaceDbContext>(o => o.AddInterceptors(interceptor));
        services.ConfigureDbContext<PostgresMarketplaceDbContext>(o => o.AddInterceptors(interceptor));
    }

    /// <summary>Sends the request marked to be counted, reads its answer whole, and returns the answer with what it cost.</summary>
    public async Task<(HttpResponseMessage Response, Cost Cost)> Measure(HttpClient client, string path)
    {
        var id = Guid.NewGuid().ToString("N");
        var tally = tallies[id] = new Tally();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(Header, id);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        tallies.TryRemove(id, out _);
        return (response, new Cost([.. tally.GrainCalls], [.. tally.Queries]));
    }

    Tally? Current() => RequestContext.Get(Mark) is string id && tallies.TryGetValue(id, out var tally) ? tally : null;

    sealed class MarkRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                if (context.Request.Headers[Header].ToString() is not { Length: > 0 } id)
                {
                    await rest(context);
                    return;
                }
                RequestContext.Set(Mark, id);
                try { await rest(context); }
                finally { RequestContext.Remove(Mark); }
            });
            next(app);
        };
    }

    sealed class CountGrainCalls(RequestCosts costs) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            costs.Current()?.GrainCalls.Enqueue($"{context.InterfaceMethod?.DeclaringType?.Name ?? context.InterfaceName}.{context.MethodName}");
            return context.Invoke();
        }
    }

    sealed class CountCommands(RequestCosts costs) : DbCommandInterceptor
    {
        void Count(DbCommand command) => costs.Current()?.Queries.Enqueue(Shape(command.CommandText));

        /// <summary>A command's verb and first table ("SELECT business_members"), enough to tell which read it was.</summary>
        static string Shape(string sql)
        {
            var words = sql.Replace('"', ' ').Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var table = Array.FindIndex(words, w => w.Equals("FROM", StringComparison.OrdinalIgnoreCase) || w.Equals("INTO", StringComparison.OrdinalIgnoreCase)
                || w.Equals("UPDATE", StringComparison.OrdinalIgnoreCase));
            return words.Length == 0 ? "" : table >= 0 && table + 1 < words.Length ? $"{words[0].ToUpperInvariant()} {words[table + 1]}" : words[0].ToUpperInvariant();
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }
    }
}
