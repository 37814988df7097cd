using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Marketplace.Server.Hosting;

/// <summary>
/// The web client's files. Its build names every script and style after a hash of its content (assets/), so those
/// are cached for a year and never asked for again; index.html and the other files are revalidated on every visit, so
/// a new release is seen at once. They travel compressed (Brotli, else gzip): the main script is about 570 KB, a
/// fraction of that compressed. API answers and the hub are not compressed here: an answer that holds a secret next to
/// what the caller sent would let its length leak the secret (BREACH). The one exception is an answer the same for
/// everybody, cached with its gzipped form (<see cref="Endpoints.SharedJson"/>).
/// </summary>
internal static class WebClientFiles
{
    const string Forever = "public, max-age=31536000, immutable";

    public static IServiceCollection AddWebClientFiles(this IServiceCollection services) => services
        .Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
        .Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
        .AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // only files that every visitor gets alike pass here
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/javascript", "image/svg+xml"];
        });

    public static WebApplication UseWebClientFiles(this WebApplication app)
    {
        app.UseWhen(context => IsWebClientFile(context.Request.Path), files => files.UseResponseCompression());
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? Forever : "no-cache",
        });
        return app;
    }

    /// <summary>Anything the API, the hub, the health checks and the operators' pages do not answer is a file of the web client.</summary>
    static bool IsWebClientFile(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments(MarketplaceRoutes.HubPath)
        && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/operations") && !path.StartsWithSegments("/openapi");
}
