using System.Globalization;
using System.Text;
using Marketplace.JointBids;
using Marketplace.Qualifications;

namespace Marketplace.Server.Endpoints;

/// <summary>The joint bid package summary's lines on subcontracting (subappalto), in the summary's language.</summary>
internal static class JointBidPackageSubcontracts
{
    sealed record Texts(string Heading, string Of, string ToBeNamed, string Subcontractor);

    static readonly Texts Italian = new("Subappalto dichiarato", "del lotto", "subappaltatore da indicare", "subappaltatore");
    static readonly Texts English = new("Declared subcontracting", "of the lot", "subcontractor to be named", "subcontractor");

    /// <summary>One line per declared part: lot, work, share, and who carries it out (or that it is still to be named).</summary>
    internal static void Append(StringBuilder s, CultureInfo culture, JointBidSnapshot bid, Func<int, string> lotTitle, Func<Guid, string> name)
    {
        if (bid.Subcontracts.Length == 0) return;
        var x = culture.TwoLetterISOLanguageName == "it" ? Italian : English;
        s.AppendLine();
        s.AppendLine($"{x.Heading}:");
        foreach (var d in bid.Subcontracts)
        {
            var work = d.Category is { } code
                ? $"{code} {(SoaCategories.Find(code) is { } c ? (x == Italian ? c.LabelIt : c.LabelEn) : "")}".TrimEnd()
                : bid.WorkPackages.FirstOrDefault(w => w.Id == d.PackageId)?.Title ?? "";
            var by = d.FirmId is { } firm ? name(firm) : d.Name ?? x.ToBeNamed;
            s.AppendLine($"- {lotTitle(d.Lot)} · {work}: {d.Percent.ToString("0.##", culture)} % {x.Of} · {x.Subcontractor}: {by}");
        }
    }
}
