using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Marketplace.Benchmarks;

/// <summary>
/// One watcher of the fan-out benchmark (issue #11): a real WebSocket on the server's SignalR hub, speaking its JSON
/// protocol with the least work a client can do. It negotiates and shakes hands as any client does, watches the
/// alliance's workspace, and of each JointBidChanged it reads the two versions the change carries. The watchers stand
/// in for browsers on other machines: with .NET's full hub client (a JSON object built for every message, handlers
/// found by reflection), a thousand of them spent more of the same 2 cores than the server's own hub code did.
/// </summary>
internal sealed class HubWatcher : IAsyncDisposable
{
    const byte Separator = 0x1e; // ends every message of the protocol
    static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    readonly ClientWebSocket socket;
    readonly Task receiving;

    /// <summary>A change's versions, and its whole message as JSON, told on the thread that read it.</summary>
    public delegate void Heard(int since, int version, ReadOnlySpan<byte> message);

    HubWatcher(ClientWebSocket socket, Heard heard)
    {
        this.socket = socket;
        receiving = Task.Run(() => Receive(heard));
    }

    public static async Task<HubWatcher> Watch(Uri server, string hubPath, CookieContainer cookies, Guid allianceId,
        Heard heard)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server };
        var negotiated = await (await http.PostAsync($"{hubPath}/negotiate?negotiateVersion=1", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var token = negotiated.GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(new Uri(new Uri(server.ToString().Replace("http", "ws", StringComparison.Ordinal)), $"{hubPath}?id={token}"), default);
        await Send(socket, "{\"protocol\":\"json\",\"version\":1}");
        await Expect(socket, "{}"); // the handshake's answer
        await Send(socket, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"WatchAlliance\",\"arguments\":[\"{allianceId}\"]}}");
        string done;
        do done = await Next(socket); // who else is looking may be told first
        while (!done.Contains("\"type\":3", StringComparison.Ordinal));
        if (done.Contains("\"error\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"Watching the alliance was refused: {done}");
        return new HubWatcher(socket, heard);
    }

    /// <summary>The client's side of keeping alive: the server drops a connection it has heard nothing from for 30 s.</summary>
    public Task KeepAlive() => socket.SendAsync(Ping.AsMemory(), WebSocketMessageType.Text, true, default).AsTask();

    async Task Receive(Heard heard)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (socket.State == WebSocketState.Open)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(filled), default);
            }
            catch (WebSocketException) when (socket.State != WebSocketState.Open)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close) return;
            filled += result.Count;
            var start = 0;
            for (int end; (end = Array.IndexOf(buffer, Separator, start, filled - start)) >= 0; start = end + 1)
                if (Change(buffer.AsSpan(start, end - start)) is var (since, version)) heard(since, version, buffer.AsSpan(start, end - start));
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
        }
    }

    /// <summary>The versions of a JointBidChanged invocation (<c>{"type":1,"target":"JointBidChanged","arguments":[{…}]}</c>); null for any other message.</summary>
    static (int Since, int Version)? Change(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        var (isChange, since, version) = (false, -1, -1);
        reader.Read(); // the message's object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("target"))
            {
                reader.Read();
                isChange = reader.ValueTextEquals("JointBidChanged");
            }
            else if (reader.ValueTextEquals("arguments") && isChange)
            {
                reader.Read(); // [
                reader.Read(); // the change's object
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("since")) { reader.Read(); since = reader.GetInt32(); }
                    else if (reader.ValueTextEquals("version")) { reader.Read(); version = reader.GetInt32(); }
                    else { reader.Read(); reader.Skip(); }
                    if (since >= 0 && version >= 0) return (since, version);
                }
                return null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return null;
    }

    static Task Send(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + '\u001e').AsMemory(), WebSocketMessageType.Text, true, default).AsTask();

    static async Task Expect(ClientWebSocket socket, string message)
    {
        var got = await Next(socket);
        if (got != message) throw new InvalidOperationException($"The hub said {got}, not {message}.");
    }

    /// <summary>The next message, while nothing else reads the socket (the handshake and the watch's completion).</summary>
    static async Task<string> Next(ClientWebSocket socket)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var result = await socket.ReceiveAsync(one, default);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The hub closed the connection.");
            if (result.Count == 1 && one[0] == Separator)
            {
                var text = Encoding.UTF8.GetString([.. bytes]);
                if (text.Contains("\"type\":6", StringComparison.Ordinal)) { bytes.Clear(); continue; } // a ping
                return text;
            }
            bytes.AddRange(one.AsSpan(0, result.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        await receiving;
        socket.Dispose();
    }
}
