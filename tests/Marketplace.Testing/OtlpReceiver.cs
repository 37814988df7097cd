using System.Collections.Concurrent;
using System.Net;

namespace Marketplace.Testing;

/// <summary>
/// A stand-in OpenTelemetry collector: an HTTP listener on a free loopback port that keeps what is posted to it
/// (OTLP over http/protobuf, one request per export: /v1/traces, /v1/metrics, /v1/logs). Names and attribute values
/// are UTF-8 strings inside the protobuf, so a test can look for one without decoding the message.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    readonly HttpListener listener = new();
    readonly ConcurrentQueue<(string Path, byte[] Body)> exports = new();

    public OtlpReceiver()
    {
        Port = MarketplaceHost.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Receive();
    }

    public int Port { get; }

    /// <summary>The endpoint to give OTEL_EXPORTER_OTLP_ENDPOINT (with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Whether an export to the path (e.g. "/v1/traces") has arrived whose body holds the text.</summary>
    public bool Received(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    async Task Receive()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
