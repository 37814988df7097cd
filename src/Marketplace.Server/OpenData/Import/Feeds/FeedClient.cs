using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.OpenData.Import.Feeds;

/// <summary>Why a feed's address is refused or its fetch failed, as a refusal the admin reads.</summary>
internal sealed class FeedRefused(Refusal refusal, params (string Name, object? Value)[] args) : Exception(refusal.Text)
{
    public Refusal Refusal { get; } = refusal;
    public (string Name, object? Value)[] Args { get; } = args;
}

/// <summary>
/// Fetches feeds from the public Internet only (see <see cref="FeedAddresses"/>): the host is resolved once per
/// connection and the socket connects to one of the addresses just checked (<see cref="SocketsHttpHandler.ConnectCallback"/>),
/// so a name whose DNS answer changes between a check and the connection (DNS rebinding) cannot lead the server
/// elsewhere; redirects are followed here, a few at most, each new address checked the same way; no proxy is used (it
/// would connect in our stead, unchecked). The package is read as it arrives, bounded in size and time.
/// </summary>
public sealed class FeedClient : IDisposable
{
    public static readonly Refusal
        Address = new("feed.url", "Give the address of an OCDS release package: an absolute http or https address."),
        Credentials = new("feed.credentials", "An address with a user name or password is not accepted: the space's admins would all read it."),
        NotPublic = new("feed.notPublic", "{host} is not on the public Internet ({address}): feeds are fetched from public addresses only."),
        Unresolvable = new("feed.unresolvable", "No address is known for {host}."),
        Status = new("feed.status", "The address answered HTTP {status} instead of the package."),
        TooLarge = new("feed.tooLarge", "The package is larger than {max} bytes."),
        Timeout = new("feed.timeout", "The package did not arrive within {seconds} seconds."),
        Unreachable = new("feed.unreachable", "The address could not be reached: {reason}."),
        TooManyRedirects = new("feed.tooManyRedirects", "The address redirects more than {max} times.");

    /// <summary>Redirects followed, at most: a feed that moved, then maybe to a CDN.</summary>
    public const int MaxRedirects = 5;

    readonly HttpClient http;
    readonly FeedOptions options;

    public FeedClient(IOptions<FeedOptions> options)
    {
        this.options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            ConnectCallback = Connect,
        };
        http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Marketplace-OCDS-import", "1.0"));
        // Publishers serve packages as JSON, text or a download; any type is read as JSON, which the import checks.
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json, */*;q=0.5");
    }

    /// <summary>The address, when it is one the server would fetch: http(s), without credentials, to public addresses only.</summary>
    public async Task<Uri> Check(string url, CancellationToken ct)
    {
        var uri = Parse(url);
        await Resolve(uri.IdnHost, ct);
        return uri;
    }

    static Uri Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FeedRefused(Address);
        if (uri.UserInfo.Length > 0) throw new FeedRefused(Credentials);
        return uri;
    }

    /// <summary>The host's addresses, every one of them allowed; refused if any is not (a name must not point inside at all).</summary>
    async Task<IPAddress[]> Resolve(string host, CancellationToken ct)
    {
        host = host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(host, ct); }
            catch (SocketException) { throw new FeedRefused(Unresolvable, ("host", host)); }
        }
        if (addresses.Length == 0) throw new FeedRefused(Unresolvable, ("host", host));
        if (addresses.FirstOrDefault(a => !options.Allows(a)) is { } inside) throw new FeedRefused(NotPublic, ("host", host), ("address", inside));
        return addresses;
    }

    async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Resolve(context.DnsEndPoint.Host, ct);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                if (e is OperationCanceledException) throw;
                last = e;
            }
        }
        throw last!;
    }

    /// <summary>
    /// The package at <paramref name="url"/> as a stream to read (at most <paramref name="maxBytes"/>), after following
    /// redirects; <see cref="FeedRefused"/> when the address or the answer is not one to import. Dispose the answer.
    /// </summary>
    public async Task<Stream> Open(string url, long maxBytes, CancellationToken ct)
    {
        var uri = Parse(url);
        for (var redirects = 0; ; redirects++)
        {
            var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseHeadersRead, ct);
            try
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects) throw new FeedRefused(TooManyRedirects, ("max", MaxRedirects));
                    uri = Parse(new Uri(uri, location).AbsoluteUri);
                    response.Dispose();
                    continue;
                }
                if (!response.IsSuccessStatusCode) throw new FeedRefused(Status, ("status", (int)response.StatusCode));
                if (response.Content.Headers.ContentLength > maxBytes) throw new FeedRefused(TooLarge, ("max", maxBytes));
                return new Bounded(await response.Content.ReadAsStreamAsync(ct), response, maxBytes);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>The answer's body, refused past <c>max</c> bytes (a declared length can be absent or false; a compressed body grows).</summary>
    sealed class Bounded(Stream inner, HttpResponseMessage response, long max) : Stream
    {
        long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        int Count(int n)
        {
            read += n;
            if (read > max) throw new FeedRefused(TooLarge, ("max", max));
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
