using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Marketplace.Businesses;

/// <summary>
/// What a business's logo may be: a PNG, JPEG or WebP image, known by its first bytes (never by its name, and never
/// SVG, which can carry scripts), of at most <see cref="MaxBytes"/> bytes and <see cref="MaxPixels"/> pixels a side,
/// read from the image's header without decoding it.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 256 * 1024, MaxPixels = 1024;

    static readonly Refusal
        Empty = new("logo.empty", "The file is empty."),
        NotAnImage = new("logo.type", "A logo is a PNG, JPEG or WebP image."),
        NameDisagrees = new("logo.name", "The file's name says {extension}, but its content is a {type} image."),
        TooLarge = new("logo.size", "A logo is at most {max} KB."),
        TooManyPixels = new("logo.pixels", "A logo is at most {max}×{max} pixels; this one is {width}×{height}.");

    sealed record Kind(string Name, string ContentType, string[] Extensions, Func<ReadOnlySpan<byte>, (int Width, int Height)?> Size);

    static readonly Kind[] Kinds =
    [
        new("PNG", "image/png", [".png"], PngSize),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], JpegSize),
        new("WebP", "image/webp", [".webp"], WebpSize),
    ];

    /// <summary>The logo these bytes make, or why they do not make one; the field named is the request's (<c>logo</c>, or <c>name</c>).</summary>
    public static Outcome<BusinessLogo> Check(LogoUpload upload)
    {
        var bytes = upload.Content;
        if (bytes.Length == 0) return Problem.Invalid("logo", Empty);
        if (bytes.Length > MaxBytes) return Problem.Invalid("logo", TooLarge, ("max", MaxBytes / 1024));
        if (Kinds.Select(k => (Kind: k, Size: k.Size(bytes))).FirstOrDefault(x => x.Size is not null) is not { Kind: { } kind, Size: var (width, height) })
            return Problem.Invalid("logo", NotAnImage);
        var extension = Path.GetExtension(upload.FileName ?? "");
        if (extension.Length > 0 && !kind.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            return Problem.Invalid("name", NameDisagrees, ("extension", extension), ("type", kind.Name));
        if (width > MaxPixels || height > MaxPixels)
            return Problem.Invalid("logo", TooManyPixels, ("max", MaxPixels), ("width", width), ("height", height));
        return new BusinessLogo(Convert.ToHexStringLower(SHA256.HashData(bytes))[..32], kind.ContentType, width, height);
    }

    /// <summary>PNG: the signature, then the IHDR chunk with width and height as big-endian 32-bit numbers.</summary>
    static (int, int)? PngSize(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b[12..16].SequenceEqual("IHDR"u8)
            ? Dimensions(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]))
            : null;

    /// <summary>JPEG: walks the segments after the start marker to the first frame header (SOFn), which holds height then width.</summary>
    static (int, int)? JpegSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) return null;
        var i = 2;
        while (i + 9 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return Dimensions(BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            if (marker is 0xD9 or 0xDA || length < 2) return null; // end of image or start of scan before any frame
            i += 2 + length;
        }
        return null;
    }

    /// <summary>WebP: a RIFF file of type WEBP whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X).</summary>
    static (int, int)? WebpSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || !b[..4].SequenceEqual("RIFF"u8) || !b[8..12].SequenceEqual("WEBP"u8)) return null;
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
            return Dimensions(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFFu);
        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Dimensions((bits & 0x3FFFu) + 1, ((bits >> 14) & 0x3FFFu) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return Dimensions((b[24] | (uint)b[25] << 8 | (uint)b[26] << 16) + 1, (b[27] | (uint)b[28] << 8 | (uint)b[29] << 16) + 1);
        return null;
    }

    /// <summary>A header's size, or none when it says nothing sensible (zero, or beyond what an int holds).</summary>
    static (int, int)? Dimensions(uint width, uint height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? ((int)width, (int)height) : null;
}
