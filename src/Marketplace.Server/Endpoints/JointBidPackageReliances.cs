using System.Globalization;
using System.Text;
using Marketplace.JointBids;
using Marketplace.Qualifications;

namespace Marketplace.Server.Endpoints;

/// <summary>The joint bid package summary's lines on avvalimento: who lends what to whom, jointly liable, in the summary's language.</summary>
internal static class JointBidPackageReliances
{
    sealed record Texts(string Heading, string LendsTo, string Class, string Turnover, string SimilarWork, string Liable, string Contract,
        string NoContract, string Awaiting, string Committed, string Declined);

    static readonly Texts Italian = new("Avvalimento (imprese ausiliarie)", "presta a", "classe", "fatturato", "lavori analoghi",
        "solidalmente responsabile", "contratto di avvalimento", "contratto di avvalimento non ancora allegato",
        "impegno dell'ausiliaria non ancora firmato", "impegno firmato dall'ausiliaria il", "l'ausiliaria ha rifiutato");
    static readonly Texts English = new("Avvalimento (auxiliary firms)", "lends to", "class", "turnover", "similar work", "jointly liable",
        "avvalimento contract", "avvalimento contract not attached yet", "auxiliary's commitment not signed yet",
        "commitment signed by the auxiliary on", "the auxiliary declined");

    /// <summary>Per reliance: lot, auxiliary, the firm relying on it, what is lent, that the auxiliary is jointly liable, its contract and its commitment.</summary>
    internal static void Append(StringBuilder s, CultureInfo culture, JointBidSnapshot bid, Func<int, string> lotTitle, Func<Guid, string> name)
    {
        if (bid.Reliances is not { Length: > 0 } reliances) return;
        var x = culture.TwoLetterISOLanguageName == "it" ? Italian : English;
        s.AppendLine();
        s.AppendLine($"{x.Heading}:");
        for (var i = 0; i < reliances.Length; i++)
        {
            var r = reliances[i];
            var standing = bid.RelianceStandings?.ElementAtOrDefault(i);
            var lent = r.Kind switch
            {
                RequirementKind.Turnover => $"{x.Turnover} {r.Amount?.ToString("N2", culture)} EUR",
                RequirementKind.SimilarWork => $"{x.SimilarWork} {r.Amount?.ToString("N2", culture)} EUR",
                _ => $"{r.Category} {x.Class} {(r.Class is { } c ? SoaClasses.Label(c) : "")}",
            };
            s.AppendLine($"- {lotTitle(r.Lot)} · {name(r.AuxiliaryId)} {x.LendsTo} {name(r.RelyingFirmId)}: {lent} · {x.Liable}");
            s.AppendLine(standing?.Contract is { } contract ? $"  {x.Contract}: {contract.Name} · SHA-256 {contract.Sha256}" : $"  {x.NoContract}");
            s.AppendLine(standing switch
            {
                { Status: RelianceStatus.Committed, Answer: { } a } => $"  {x.Committed} {a.At.ToString("g", culture)} UTC · {standing.Digest}",
                { Status: RelianceStatus.Declined } => $"  {x.Declined}",
                _ => $"  {x.Awaiting}",
            });
        }
    }
}
