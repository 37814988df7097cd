using System.Globalization;
using System.Text;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The joint bid package's DGUE files: once the lead has submitted, one per firm whose DGUE was sealed with the bid
/// (<c>dgue/{firm}.txt</c>, in Italian then in English), exactly as sealed: its answers, the attestations and figures
/// its criteria pointed at as then recorded, and when it was confirmed; never the firm's DGUE as it stands now. Each
/// ground is named by its code and its article of D.Lgs. 36/2023, the words of the grounds being the client's.
/// </summary>
internal static class JointBidPackageDgues
{
    sealed record Texts(CultureInfo Culture, string Title, string SealedOn, string ConfirmedOn, string Grounds, string Yes, string No,
        string Criteria, string None, string Class, string Expires, string IssuedBy, string Turnover, string SimilarWork, string Year);

    static readonly Texts Italian = new(CultureInfo.GetCultureInfo("it-IT"), "DGUE di", "sigillato con l'offerta presentata il", "Confermato il",
        "Motivi di esclusione (Parte III)", "Sì", "No", "Criteri di selezione (Parte IV)", "nessuno dichiarato", "classe", "scadenza",
        "rilasciata da", "fatturato globale", "lavori analoghi", "esercizio");
    static readonly Texts English = new(CultureInfo.GetCultureInfo("en-GB"), "DGUE of", "sealed with the bid submitted on", "Confirmed on",
        "Exclusion grounds (Part III)", "Yes", "No", "Selection criteria (Part IV)", "none declared", "class", "expires",
        "issued by", "turnover", "similar work", "year");

    /// <summary>Each sealed DGUE as its file's name and text, the firm named by <paramref name="name"/>.</summary>
    internal static IEnumerable<(string Firm, string Text)> Files(BidDgue[] sealedDgues, DateTimeOffset sealedAt, Func<Guid, string> name) =>
        sealedDgues.Select(d => (name(d.FirmId), Text(Italian, d, sealedAt, name) + "\n\n" + Text(English, d, sealedAt, name)));

    static string Text(Texts x, BidDgue d, DateTimeOffset sealedAt, Func<Guid, string> name)
    {
        string Day(DateOnly day) => day.ToString("d MMMM yyyy", x.Culture);
        string Euros(decimal amount) => $"{amount.ToString("N2", x.Culture)} EUR";
        var s = new StringBuilder();
        s.AppendLine($"{x.Title} {name(d.FirmId)}, {x.SealedOn} {sealedAt.ToString("g", x.Culture)} UTC");
        s.AppendLine($"{x.ConfirmedOn} {Day(QualificationRules.Today(d.ConfirmedAt))}");
        s.AppendLine();
        s.AppendLine($"{x.Grounds}:");
        foreach (var a in d.Answers)
        {
            var source = DgueRules.Grounds.FirstOrDefault(g => g.Code == a.Ground)?.Source;
            s.AppendLine($"- {a.Ground}{(source is null ? "" : $" ({source})")}: {(a.Applies ? x.Yes : x.No)}");
            if (a.Explanation is { } explanation) s.AppendLine($"  {explanation}");
        }
        s.AppendLine();
        s.AppendLine($"{x.Criteria}:");
        foreach (var a in d.Attestations)
            s.AppendLine($"- SOA {a.Category} {x.Class} {SoaClasses.Label(a.Class)}, {x.Expires} {Day(a.Expires)}, {x.IssuedBy} {a.IssuedBy}");
        if (d.Figures is { } f)
            s.AppendLine($"- {x.Turnover} {Euros(f.Turnover)}, {x.SimilarWork} {Euros(f.SimilarWork)} ({x.Year} {f.LastYear.ToString(CultureInfo.InvariantCulture)})");
        if (d.Attestations.Length == 0 && d.Figures is null) s.AppendLine($"- {x.None}");
        return s.ToString();
    }
}
