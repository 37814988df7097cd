using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The hub groups a page has joined on its open SignalR connection, read from the connection's frames. For what a
/// page hears without showing that it is live: the notices that come on a firm's team group (a new tender, an
/// invitation to an alliance) appear wherever the user is, and no page shows a live status for that group. A test
/// waits here before the other person acts, instead of hoping the join was quicker than them.
/// </summary>
internal static class HubGroups
{
    const char RecordSeparator = '\u001e';

    sealed class Connection
    {
        public required IWebSocket Socket { get; init; }
        public ConcurrentDictionary<string, string> Invoked { get; } = new(); // invocation id → "Method:argument"
        public ConcurrentDictionary<string, bool> Joined { get; } = new();
    }

    static readonly ConditionalWeakTable<IPage, ConcurrentQueue<Connection>> Pages = new();

    /// <summary>Starts reading the page's hub connections; called once, when the page is made.</summary>
    public static void Follow(IPage page)
    {
        var connections = Pages.GetOrCreateValue(page);
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/hubs/", StringComparison.Ordinal)) return;
            var connection = new Connection { Socket = socket };
            connections.Enqueue(connection);
            socket.FrameSent += (_, frame) =>
            {
                foreach (var message in Messages(frame))
                    if (Int(message, "type") == 1 && Str(message, "invocationId") is { } id && Str(message, "target") is { } target
                        && message.TryGetProperty("arguments", out var arguments) && arguments.GetArrayLength() == 1)
                        connection.Invoked[id] = Key(target, arguments[0].ToString());
            };
            socket.FrameReceived += (_, frame) =>
            {
                foreach (var message in Messages(frame))
                    if (Int(message, "type") == 3 && !message.TryGetProperty("error", out JsonElement _) && Str(message, "invocationId") is { } id
                        && connection.Invoked.TryGetValue(id, out var group))
                        connection.Joined[group] = true;
            };
        };
    }

    /// <summary>Waits until the page's open hub connection has joined the group that <paramref name="method"/> joins for <paramref name="id"/>.</summary>
    public static async Task UntilJoined(IPage page, string method, Guid id)
    {
        var key = Key(method, id.ToString());
        var connections = Pages.GetOrCreateValue(page);
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!connections.Any(c => !c.Socket.IsClosed && c.Joined.ContainsKey(key)))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The page at {page.Url} did not join {key} within 15 s.");
            await Task.Delay(50);
        }
    }

    static string Key(string method, string argument) => $"{method}:{argument.ToLowerInvariant()}";

    static IEnumerable<JsonElement> Messages(IWebSocketFrame frame)
    {
        if (frame.Text is not { Length: > 0 } text) yield break;
        foreach (var record in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            JsonElement message;
            try { message = JsonDocument.Parse(record).RootElement; }
            catch (JsonException) { continue; }
            if (message.ValueKind == JsonValueKind.Object) yield return message;
        }
    }

    static int? Int(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    static string? Str(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
