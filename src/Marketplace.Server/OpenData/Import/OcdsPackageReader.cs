using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Server.OpenData.Import;

/// <summary>
/// Reads an OCDS release package from a stream as it arrives: the package's own fields, and each release on its own,
/// handed over as soon as its last byte is read. Only one release (and the part of the stream not read yet) is held at a
/// time, never the whole file, so a package of tens of megabytes costs the memory of its largest release.
/// </summary>
internal sealed class OcdsPackageReader(int maxDepth, int maxReleaseBytes)
{
    /// <summary>Why the stream is not a readable package, with the JSON path it stopped at.</summary>
    public sealed class Unreadable(string path, Refusal refusal, params (string Name, object? Value)[] args) : Exception(refusal.Text)
    {
        public string Path { get; } = path;
        public Refusal Refusal { get; } = refusal;
        public (string Name, object? Value)[] Args { get; } = args;
    }

    public static readonly Refusal
        NotJson = new("import.notJson", "The file is not valid JSON (line {line}, byte {position})."),
        NotPackage = new("import.notPackage", "A release package is a JSON object with a \"releases\" array."),
        TooDeep = new("import.tooDeep", "The JSON nests deeper than {max} levels."),
        ReleaseTooLarge = new("import.releaseTooLarge", "A release is at most {max} bytes.");

    enum Place { Start, Package, Value, Releases, Done }

    /// <summary>The package's fields other than its releases (each release went to <c>release</c> as it came).</summary>
    public async Task<JsonObject> Read(Stream stream, Action<int, ReadOnlyMemory<byte>> release, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var (filled, final) = (0, false);
        var cursor = new Cursor();
        while (true)
        {
            if (!final && filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
                if (read == 0) final = true;
                filled += read;
            }
            var used = Advance(buffer.AsSpan(0, filled), final, cursor, release, buffer);
            if (cursor.Place == Place.Done) return cursor.Envelope;
            if (final && used == 0) throw new Unreadable("$", NotPackage);
            // What was read is dropped; an unfinished release keeps its bytes, in a larger buffer when it fills this one.
            Buffer.BlockCopy(buffer, used, buffer, 0, filled - used);
            filled -= used;
            if (used == 0 && filled == buffer.Length)
            {
                if (buffer.Length >= maxReleaseBytes) throw new Unreadable($"$.releases[{cursor.Index}]", ReleaseTooLarge, ("max", maxReleaseBytes));
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxReleaseBytes));
            }
        }
    }

    sealed class Cursor
    {
        public Place Place = Place.Start;
        public JsonReaderState State;
        public string Name = "";
        public int Index;
        public readonly JsonObject Envelope = [];
    }

    /// <summary>Reads what <paramref name="data"/> holds completely; returns how many bytes were used.</summary>
    int Advance(ReadOnlySpan<byte> data, bool final, Cursor at, Action<int, ReadOnlyMemory<byte>> release, byte[] owner)
    {
        if (at.Place == Place.Start) at.State = new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth });
        var reader = new Utf8JsonReader(data, final, at.State);
        var used = 0;
        try
        {
            while (at.Place != Place.Done)
            {
                var before = reader;
                if (!reader.Read()) return used;
                switch (at.Place)
                {
                    case Place.Start:
                        if (reader.TokenType != JsonTokenType.StartObject) throw new Unreadable("$", NotPackage);
                        at.Place = Place.Package;
                        break;
                    case Place.Package when reader.TokenType == JsonTokenType.EndObject:
                        at.Place = Place.Done;
                        break;
                    case Place.Package:
                        at.Name = reader.GetString()!;
                        at.Place = Place.Value;
                        break;
                    case Place.Value when at.Name == "releases" && reader.TokenType == JsonTokenType.StartArray:
                        at.Place = Place.Releases;
                        break;
                    case Place.Value:
                    {
                        var start = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip()) { reader = before; return used; }
                        at.Envelope[at.Name] = JsonNode.Parse(data[start..(int)reader.BytesConsumed]);
                        at.Place = Place.Package;
                        break;
                    }
                    case Place.Releases when reader.TokenType == JsonTokenType.EndArray:
                        at.Place = Place.Package;
                        break;
                    case Place.Releases:
                    {
                        var start = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip()) { reader = before; return used; }
                        release(at.Index++, owner.AsMemory(start, (int)reader.BytesConsumed - start));
                        break;
                    }
                }
                used = (int)reader.BytesConsumed;
                at.State = reader.CurrentState;
            }
            return used;
        }
        catch (JsonException e) when (e is not null)
        {
            var path = at.Place is Place.Releases ? $"$.releases[{at.Index}]" : at.Place is Place.Value ? $"$.{at.Name}" : "$";
            throw e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? new Unreadable(path, TooDeep, ("max", maxDepth))
                : new Unreadable(path, NotJson, ("line", (e.LineNumber ?? 0) + 1), ("position", (e.BytePositionInLine ?? 0) + 1));
        }
    }
}
