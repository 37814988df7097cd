using System.Globalization;
using System.Text;
using Marketplace.JointBids;
using Marketplace.Qualifications;

namespace Marketplace.Server.Endpoints;

/// <summary>The joint bid package summary's lines on avvalimento: who lends what to whom, jointly liable, in the summary's language.</summary>
internal static class JointBidPackageReliances
{
    sealed record Texts(string Heading, string LendsTo, string Class, string Turnover, string SimilarWork, string Liable);

    static readonly Texts Italian = new("Avvalimento (imprese ausiliarie)", "presta a", "classe", "fatturato", "lavori analoghi",
        "solidalmente responsabile");
    static readonly Texts English = new("Avvalimento (auxiliary firms)", "lends to", "class", "turnover", "similar work", "jointly liable");

    /// <summary>One line per reliance: lot, auxiliary, the firm relying on it, what is lent, and that the auxiliary is jointly liable.</summary>
    internal static void Append(StringBuilder s, CultureInfo culture, JointBidSnapshot bid, Func<int, string> lotTitle, Func<Guid, string> name)
    {
        if (bid.Reliances is not { Length: > 0 } reliances) return;
        var x = culture.TwoLetterISOLanguageName == "it" ? Italian : English;
        s.AppendLine();
        s.AppendLine($"{x.Heading}:");
        foreach (var r in reliances)
        {
            var lent = r.Kind switch
            {
                RequirementKind.Turnover => $"{x.Turnover} {r.Amount?.ToString("N2", culture)} EUR",
                RequirementKind.SimilarWork => $"{x.SimilarWork} {r.Amount?.ToString("N2", culture)} EUR",
                _ => $"{r.Category} {x.Class} {(r.Class is { } c ? SoaClasses.Label(c) : "")}",
            };
            s.AppendLine($"- {lotTitle(r.Lot)} · {name(r.AuxiliaryId)} {x.LendsTo} {name(r.RelyingFirmId)}: {lent} · {x.Liable}");
        }
    }
}
