using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Data.Storage;

/// <summary>Where the sealing master key is kept: a file outside the database (<c>Sealing:KeyFile</c>, relative to the content root).</summary>
public sealed class SealingOptions
{
    public string KeyFile { get; set; } = Path.Combine("data", "sealing.key");
}

/// <summary>
/// Encrypts bid content at rest (AES-256-GCM). Each tender has its own data key, stored in <c>tender_keys</c> wrapped by
/// a master key that is never in the database: a key file, created (mode 0600) on first start. Whoever reads the
/// database alone sees no price, answer or document of a sealed bid. Losing the key file means sealed bids can no
/// longer be opened.
/// </summary>
public sealed class StateSealer
{
    const string Prefix = "sealed:";
    const int KeySize = 32, NonceSize = 12, TagSize = 16;

    readonly byte[] master;
    readonly IServiceScopeFactory scopes;
    readonly MarketplaceClock clock;
    readonly ConcurrentDictionary<Guid, byte[]> keys = new();
    readonly ConcurrentDictionary<Guid, Lazy<Task<byte[]>>> loads = new();

    public StateSealer(IOptions<SealingOptions> options, IHostEnvironment environment, IServiceScopeFactory scopes, MarketplaceClock clock,
        ILogger<StateSealer> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        master = LoadOrCreate(Path.Combine(environment.ContentRootPath, options.Value.KeyFile), logger);
    }

    /// <summary>The state's JSON, sealed with its tender's key when it is an <see cref="ISealedState"/> of a tender; else as it is.</summary>
    public async Task<string> Seal(object? state, string context, string json)
    {
        if (state is not ISealedState { TenderId: var tenderId } || tenderId == Guid.Empty) return json;
        var sealedBytes = Encrypt(await KeyOf(tenderId), Encoding.UTF8.GetBytes(json), context);
        return $"{EnvelopePrefix(tenderId)}{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The stored data as JSON: opened when sealed. Throws <see cref="CryptographicException"/> when it was altered.</summary>
    public async Task<string> Unseal(string data, string context)
    {
        if (!data.StartsWith(Prefix, StringComparison.Ordinal)) return data;
        var tenderId = Guid.ParseExact(data.AsSpan(Prefix.Length, 32), "N");
        var sealedBytes = Convert.FromBase64String(data[(Prefix.Length + 33)..]);
        return Encoding.UTF8.GetString(Decrypt(await KeyOf(tenderId), sealedBytes, context));
    }

    /// <summary>How every state sealed for <paramref name="tenderId"/> starts, so its rows can be found.</summary>
    public static string EnvelopePrefix(Guid tenderId) => $"{Prefix}{tenderId:N}:";

    /// <summary>A document's bytes sealed with the tender's key (bound to the document's id).</summary>
    public async Task<byte[]> SealBytes(Guid tenderId, Guid documentId, byte[] plain) =>
        Encrypt(await KeyOf(tenderId), plain, documentId.ToString("N"));

    public async Task<byte[]> UnsealBytes(Guid tenderId, Guid documentId, byte[] sealedBytes) =>
        Decrypt(await KeyOf(tenderId), sealedBytes, documentId.ToString("N"));

    /// <summary>
    /// Seals the files a bid or joint bid of the tender carries, each once, inside the transaction that stores that
    /// bid. A file is sealed for one tender only (the endpoints refuse a file already sealed for another).
    /// </summary>
    public async Task SealDocuments(MarketplaceDbContext db, Guid tenderId, IEnumerable<Guid> documentIds, CancellationToken ct)
    {
        var ids = documentIds.ToList();
        if (ids.Count == 0) return;
        foreach (var document in await db.Documents.Where(d => ids.Contains(d.Id) && (d.SealedFor == null || d.SealedFor != tenderId)).ToListAsync(ct))
        {
            if (document.SealedFor is not null) throw new InvalidOperationException($"Document {document.Id} is sealed in a bid for another tender.");
            document.Content = await SealBytes(tenderId, document.Id, document.Content);
            document.SealedFor = tenderId;
        }
    }

    /// <summary>
    /// Loads the tender's key, so that a later failure to unseal its data means the data was altered, not that the key
    /// file is wrong (that throws here).
    /// </summary>
    public Task LoadKey(Guid tenderId) => KeyOf(tenderId);

    /// <summary>
    /// The tender's data key: made and stored (wrapped) on first use, then kept in memory. The bids of a burst all ask
    /// for it at once: one of them loads or makes it and the others wait for that, instead of each racing to insert it
    /// (every loser of the race paid a failed insert, an exception and an error log). A failed load is forgotten, so
    /// the next caller tries again.
    /// </summary>
    async Task<byte[]> KeyOf(Guid tenderId)
    {
        if (keys.TryGetValue(tenderId, out var known)) return known;
        var loading = loads.GetOrAdd(tenderId, id => new Lazy<Task<byte[]>>(() => LoadOrMake(id)));
        try
        {
            return keys.GetOrAdd(tenderId, await loading.Value);
        }
        finally
        {
            loads.TryRemove(new KeyValuePair<Guid, Lazy<Task<byte[]>>>(tenderId, loading));
        }
    }

    async Task<byte[]> LoadOrMake(Guid tenderId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var row = await db.TenderKeys.AsNoTracking().SingleOrDefaultAsync(k => k.TenderId == tenderId);
        if (row is null)
        {
            var fresh = RandomNumberGenerator.GetBytes(KeySize);
            db.TenderKeys.Add(new TenderKeyEntry { TenderId = tenderId, WrappedKey = Encrypt(master, fresh, tenderId.ToString("N")), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
                return fresh;
            }
            catch (DbUpdateException)
            {
                // Another server of the cluster made the tender's key first: use that one.
                db.ChangeTracker.Clear();
                row = await db.TenderKeys.AsNoTracking().SingleAsync(k => k.TenderId == tenderId);
            }
        }
        return Decrypt(master, row.WrappedKey, tenderId.ToString("N"));
    }

    /// <summary>nonce ‖ ciphertext ‖ tag; the context (what the bytes are) is authenticated, so sealed data cannot be moved to another row.</summary>
    static byte[] Encrypt(byte[] key, byte[] plain, string context)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(context));
        return output;
    }

    static byte[] Decrypt(byte[] key, byte[] sealedBytes, string context)
    {
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("The sealed data is truncated.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain,
            Encoding.UTF8.GetBytes(context));
        return plain;
    }

    static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            var stored = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return stored.Length == KeySize ? stored
                : throw new InvalidOperationException($"The sealing key file {path} does not hold a {KeySize * 8}-bit key.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, Encoding.ASCII, file)) writer.WriteLine(Convert.ToBase64String(key));
        logger.LogWarning("Created the sealing key {KeyFile}: it opens every sealed bid. Keep it out of the database and back it up; "
            + "without it sealed bids cannot be opened.", path);
        return key;
    }
}

/// <summary>A tender's data key, wrapped (AES-256-GCM) by the master key of the key file.</summary>
public sealed class TenderKeyEntry
{
    public Guid TenderId { get; set; }
    public required byte[] WrappedKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
