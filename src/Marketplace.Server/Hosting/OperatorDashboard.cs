using Marketplace.Server.Auth;
using Orleans.Dashboard;

namespace Marketplace.Server.Hosting;

/// <summary>
/// The Orleans Dashboard (nodes, grain activations and calls, reminders) for platform operators only, at
/// <see cref="Path"/>, when <c>Operations:Dashboard</c> is true; off by default, as it profiles every grain call.
/// Two of its views are closed: the grain state viewer (a joint bid's draft or a tender's bids are sealed from
/// everyone but their bidders, operators included) and the live log stream.
/// </summary>
public static class OperatorDashboard
{
    public const string Path = "/operations/dashboard";
    const string GrainStateView = Path + "/GrainState";

    static bool On(IConfiguration configuration) => configuration.GetValue("Operations:Dashboard", false);

    public static void AddTo(ISiloBuilder orleans, IConfiguration configuration)
    {
        if (On(configuration)) orleans.AddDashboard(o => o.HideTrace = true);
    }

    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        if (!On(app.Configuration)) return app;
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(GrainStateView)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.MapOrleansDashboard(Path).RequireAuthorization(Operators.Policy).ExcludeFromDescription(); // not the web client's API
        return app;
    }
}
