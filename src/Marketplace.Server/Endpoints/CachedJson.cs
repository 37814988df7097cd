using System.IO.Compression;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Orleans.Concurrency;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A cached answer that is the same for everybody allowed to see it (<see cref="SpaceReads"/>: a space's tender list,
/// its directory's first page), as JSON and, when that is worth it, gzipped once when it was cached: a browser then
/// gets about a tenth of the bytes and the server does no work per request (a space's 200 tenders are about 80 KB of JSON,
/// issue #11). Why this may travel compressed when other API answers may not (<see cref="Hosting.WebClientFiles"/>):
/// it holds nothing the caller sent, nor anything about the caller, so its length tells nothing the answer itself
/// does not (no BREACH).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SharedJson")]
public sealed record SharedJson(byte[] Plain, byte[]? Gzip)
{
    /// <summary>Below a packet's worth, compression saves no round trip.</summary>
    const int LeastCompressed = 1400;

    public static SharedJson Of(byte[] json)
    {
        if (json.Length < LeastCompressed) return new(json, null);
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(json);
        return new(json, packed.Length < json.Length ? packed.ToArray() : null);
    }
}

/// <summary>A 200 answer whose JSON body was serialised before; documented as an answer of <typeparamref name="T"/>.</summary>
public sealed class CachedJson<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    readonly byte[] body;
    readonly byte[]? gzip;

    /// <summary>An answer for one viewer (or one firm's people): sent as it is, never compressed.</summary>
    public CachedJson(byte[] body) => this.body = body;

    /// <summary>An answer the same for all who may see it: gzipped to a client that takes it.</summary>
    public CachedJson(SharedJson shared) => (body, gzip) = (shared.Plain, shared.Gzip);

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var sent = body;
        if (gzip is not null)
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding; // a cache between keeps both forms apart
            if (TakesGzip(httpContext.Request))
            {
                response.Headers.ContentEncoding = "gzip";
                sent = gzip;
            }
        }
        response.ContentLength = sent.Length;
        return response.Body.WriteAsync(sent).AsTask();
    }

    /// <summary>Whether the client's Accept-Encoding takes gzip (by name or by "*"), with a quality above 0.</summary>
    static bool TakesGzip(HttpRequest request)
    {
        if (request.Headers.AcceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings)) return false;
        double? named = null, any = null;
        foreach (var coding in codings)
        {
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase)) named = coding.Quality ?? 1;
            else if (coding.Value.Equals("*", StringComparison.Ordinal)) any = coding.Quality ?? 1;
        }
        return (named ?? any ?? 0) > 0;
    }

    /// <summary>The same answer as <see cref="Microsoft.AspNetCore.Http.HttpResults.Ok{TValue}"/> documents, once even beside it.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        if (!builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status200OK && m.Type == typeof(T)))
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
