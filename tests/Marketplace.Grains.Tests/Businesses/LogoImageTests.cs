using System.Buffers.Binary;
using System.Text;
using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Businesses;

public sealed class LogoImageTests
{
    /// <summary>The signature and the IHDR chunk: all the check reads of a PNG.</summary>
    static byte[] PngHeader(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }.CopyTo(bytes, 0);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    /// <summary>Start of image, an APP0 segment, then a baseline frame header (SOF0) with height and width.</summary>
    static byte[] JpegHeader(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        var sof = new byte[] { 0xFF, 0xC0, 0x00, 0x11, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(7), (ushort)width);
        return [0xFF, 0xD8, .. app0, .. sof, 0xFF, 0xD9];
    }

    /// <summary>An extended WebP (VP8X): the canvas size minus one, in 24 bits each.</summary>
    static byte[] WebpHeader(int width, int height)
    {
        var bytes = new byte[30];
        "RIFF"u8.CopyTo(bytes);
        "WEBPVP8X"u8.CopyTo(bytes.AsSpan(8));
        bytes[16] = 10;
        bytes[24] = (byte)(width - 1); bytes[25] = (byte)((width - 1) >> 8); bytes[26] = (byte)((width - 1) >> 16);
        bytes[27] = (byte)(height - 1); bytes[28] = (byte)((height - 1) >> 8); bytes[29] = (byte)((height - 1) >> 16);
        return bytes;
    }

    static string? Refused(byte[] content, string? name = null, string field = "logo") =>
        LogoImage.Check(new LogoUpload(name, content)).Problem?.Errors?[field].Single().Code;

    [Fact]
    public void A_png_a_jpeg_and_a_webp_are_known_by_their_bytes_with_their_size_in_pixels()
    {
        LogoImage.Check(new LogoUpload("logo.png", PngHeader(640, 200))).Value.Should()
            .BeEquivalentTo(new { ContentType = "image/png", Width = 640, Height = 200 });
        LogoImage.Check(new LogoUpload("logo.JPG", JpegHeader(300, 120))).Value.Should()
            .BeEquivalentTo(new { ContentType = "image/jpeg", Width = 300, Height = 120 });
        LogoImage.Check(new LogoUpload(null, WebpHeader(1024, 768))).Value.Should()
            .BeEquivalentTo(new { ContentType = "image/webp", Width = 1024, Height = 768 });
    }

    [Fact]
    public void The_same_bytes_give_the_same_tag_and_other_bytes_another()
    {
        var tag = LogoImage.Check(new LogoUpload(null, PngHeader(10, 10))).Value!.Tag;

        tag.Should().HaveLength(32).And.Be(LogoImage.Check(new LogoUpload("again.png", PngHeader(10, 10))).Value!.Tag);
        LogoImage.Check(new LogoUpload(null, PngHeader(10, 11))).Value!.Tag.Should().NotBe(tag);
    }

    [Fact]
    public void An_svg_is_refused_whatever_its_name_says() =>
        Refused(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "logo.png")
            .Should().Be("logo.type");

    [Fact]
    public void A_png_named_as_an_svg_is_refused_by_its_name() =>
        Refused(PngHeader(10, 10), "logo.svg", field: "name").Should().Be("logo.name");

    [Fact]
    public void An_image_wider_or_taller_than_the_limit_is_refused_with_its_size()
    {
        var problem = LogoImage.Check(new LogoUpload(null, PngHeader(LogoImage.MaxPixels + 1, 10))).Problem!;

        problem.Errors!["logo"].Single().Should().BeEquivalentTo(new
        {
            Code = "logo.pixels",
            Args = new Dictionary<string, string> { ["max"] = "1024", ["width"] = "1025", ["height"] = "10" },
        });
        Refused(JpegHeader(10, LogoImage.MaxPixels + 1)).Should().Be("logo.pixels");
    }

    [Fact]
    public void A_file_over_the_byte_limit_or_empty_is_refused()
    {
        var large = new byte[LogoImage.MaxBytes + 1];
        PngHeader(10, 10).CopyTo(large, 0);

        Refused(large).Should().Be("logo.size");
        Refused([]).Should().Be("logo.empty");
    }

    [Fact]
    public void A_truncated_header_is_not_an_image() =>
        Refused(PngHeader(10, 10)[..20]).Should().Be("logo.type");
}
