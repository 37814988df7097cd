using System.Diagnostics;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb + pg_ctl on a free loopback port, as the postgres user when run as
/// root), so the test can stop and restart the database under a running server without touching anyone else's.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    readonly string bin, folder, data;

    PrivatePostgres(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        data = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's maintenance database, as <see cref="TestDatabase.Create(string)"/> expects it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    public static async Task<PrivatePostgres> Start()
    {
        var bin = Binaries() ?? throw new InvalidOperationException("PostgreSQL's initdb and pg_ctl were not found (install the 'postgresql' package).");
        var folder = Directory.CreateTempSubdirectory("marketplace-private-pg-").FullName;
        if (IsRoot) await Run("chown", "postgres", folder);
        var server = new PrivatePostgres(bin, folder, MarketplaceHost.FreePort());
        await server.AsPostgres("initdb", "-D", server.data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        await server.Resume();
        return server;
    }

    /// <summary>Stops the server at once, as a crash or a lost network would: open connections break mid-use.</summary>
    public async Task Stop()
    {
        await AsPostgres("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the (stopped) server again on the same port and data.</summary>
    public Task Resume() => AsPostgres("pg_ctl", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {folder} -c fsync=off", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await AsPostgres("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(folder, recursive: true);
    }

    static bool IsRoot => Environment.UserName == "root";

    Task AsPostgres(string tool, params string[] arguments) => IsRoot
        ? Run("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
        : Run(Path.Combine(bin, tool), arguments);

    static string? Binaries() =>
        new[] { "/usr/local/bin", "/usr/bin" }.Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin")) : [])
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));

    static async Task Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
    }
}
