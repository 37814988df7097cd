using System.Security.Cryptography;
using Marketplace.Tenders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Data.Audit;

/// <summary>The key that signs checkpoints, kept in a file outside the database (<see cref="AuditOptions.SigningKeyFile"/>).</summary>
public sealed class AuditSigningKey : IDisposable
{
    readonly ECDsa key;

    public AuditSigningKey(IOptions<AuditOptions> options, IHostEnvironment environment)
    {
        key = LoadOrCreate(Path.GetFullPath(options.Value.SigningKeyFile, environment.ContentRootPath));
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The public half (PEM "PUBLIC KEY"), which anyone uses to check a checkpoint.</summary>
    public string PublicKeyPem { get; }

    public string Sign(long number, DateTimeOffset at, int tenders, string root) => AuditCheckpoint.Sign(key, number, at, tenders, root);

    public void Dispose() => key.Dispose();

    static ECDsa LoadOrCreate(string path)
    {
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place, so two servers starting at once on one folder end up with one key.
        var fresh = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(fresh, create)) writer.Write(key.ExportPkcs8PrivateKeyPem());
        try
        {
            File.Move(fresh, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(fresh);
            key.ImportFromPem(File.ReadAllText(path));
        }
        return key;
    }
}
