namespace Marketplace.Data.ReadModels;

/// <summary>Reads an audit event's detail (<c>key=value;…</c>) for the notices its event causes.</summary>
internal static class NoticeDetails
{
    /// <summary>The number under <paramref name="key"/> (<c>lot=2</c>, <c>number=3</c>), if the detail has one.</summary>
    public static int? Number(string detail, string key) =>
        detail.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == key) is [_, var value]
            && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
