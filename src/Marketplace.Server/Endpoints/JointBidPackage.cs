using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marketplace.Alliances;
using Marketplace.Data.Storage;
using Marketplace.JointBids;
using Marketplace.Server.Auth;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The joint bid as one file to take to the buyer's own platform (where an external opportunity's bids go): a ZIP with
/// the exact content the firms sign (<c>offerta-congiunta.json</c>, whose SHA-256 is the digest each sign-off names),
/// a readable summary in Italian and in English, the firms' files, and once submitted each DGUE sealed with the bid
/// (<see cref="JointBidPackageDgues"/>). Whoever may read the joint bid may download
/// it; to anyone else it does not exist, as the joint bid does not.
/// </summary>
internal static class JointBidPackage
{
    internal const string ContentFile = "offerta-congiunta.json";

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, [AsParameters] GrainCall call, [FromServices] StateSealer sealer)
    {
        var outcome = await call.Grains.GetGrain<IJointBidGrain>(id).ReadSigned(call.User.UserId());
        if (outcome.Problem is { } no) return no.ToHttp();
        var (bid, content) = outcome.Value!;
        var alliance = (await call.Grains.GetGrain<IAllianceGrain>(id).Get())!;
        var tender = await call.Grains.Tender(bid.TenderId).Current();
        // Once submitted, the DGUEs sealed with the bid, from the sealed bid itself (not the firms' DGUEs as they stand now).
        var sealedDgues = bid.Receipt is null ? [] : (await call.Grains.Bid(bid.TenderId, id).Read(call.User.UserId())).Value?.Content?.Dgues ?? [];
        // The auxiliaries the bid relies on are named too: they are firms of the space, outside the alliance.
        var names = await call.Cards.Names(alliance.Members.Select(m => m.FirmId).Concat((bid.Reliances ?? []).Select(r => r.AuxiliaryId))
            .Concat(sealedDgues.Select(d => d.FirmId)));
        string Name(Guid firm) => names.GetValueOrDefault(firm, firm.ToString("D"));

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await Add(archive, ContentFile, Encoding.UTF8.GetBytes(content));
            await Add(archive, "riepilogo.txt", Encoding.UTF8.GetBytes(Summary(Texts.Italian, bid, alliance, tender, Name)));
            await Add(archive, "summary.txt", Encoding.UTF8.GetBytes(Summary(Texts.English, bid, alliance, tender, Name)));
            foreach (var (firm, text) in JointBidPackageDgues.Files(sealedDgues, bid.Receipt?.ReceivedAt ?? default, Name))
                await Add(archive, $"dgue/{Safe(firm)}.txt", Encoding.UTF8.GetBytes(text));
            foreach (var document in bid.Documents)
            {
                var file = await DocumentEndpoints.Read(document.Document.Id, call.Db, sealer, call.Ct);
                if (file is not null) await Add(archive, $"documenti/{Safe(Name(document.FirmId))}/{document.Document.Id:N}-{Safe(file.Value.Name)}", file.Value.Bytes);
            }
        }
        return TypedResults.File(zip.ToArray(), "application/zip", $"offerta-congiunta-{Safe(alliance.Name)}.zip");
    }

    static async Task Add(ZipArchive archive, string path, byte[] bytes)
    {
        await using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(bytes);
    }

    /// <summary>A name as a file or folder name: letters, digits, dots, dashes and underscores; the rest become dashes.</summary>
    static string Safe(string name)
    {
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]).Trim('-', '.');
        return safe.Length == 0 ? "file" : safe[..Math.Min(safe.Length, 80)];
    }

    sealed record Texts(
        CultureInfo Culture, string Title, string Tender, string Alliance, string Firms, string Lead, string Member, string Subcontractor,
        string Packages, string Lot, string Prices, string Shares, string Answers, string Criterion, string Documents, string Digest,
        string DigestHow, string SignOffs, string Valid, string Void, string Awaiting, string Submitted, string NotSubmitted,
        string Quotas, string Participation, string Execution)
    {
        public static readonly Texts Italian = new(CultureInfo.GetCultureInfo("it-IT"), "Offerta congiunta", "Gara", "Raggruppamento (RTI)",
            "Imprese", "capofila (mandataria)", "mandante", "subappaltatrice", "Pacchetti di lavoro", "Lotto", "Prezzo per lotto",
            "Quote delle imprese", "Risposte ai criteri", "Criterio", "Documenti", "Codice di controllo dell'offerta",
            "è l'impronta SHA-256 del file " + ContentFile + ": chiunque può ricalcolarla e confrontarla con le approvazioni.",
            "Approvazioni", "valida per questo contenuto", "data per un contenuto precedente", "Approvazioni mancanti",
            "Offerta sigillata presentata dalla capofila il", "Offerta non ancora presentata dalla capofila",
            "Quote di partecipazione e di esecuzione", "partecipazione", "esecuzione");

        public static readonly Texts English = new(CultureInfo.GetCultureInfo("en-GB"), "Joint bid", "Tender", "Alliance (RTI)",
            "Firms", "lead (mandataria)", "member", "subcontractor", "Work packages", "Lot", "Price per lot",
            "Firms' shares", "Answers to the criteria", "Criterion", "Documents", "Check code of the bid",
            "is the SHA-256 digest of the file " + ContentFile + ": anyone can compute it again and compare it with the sign-offs.",
            "Sign-offs", "valid for this content", "given for an earlier content", "Sign-offs missing",
            "Sealed bid submitted by the lead on", "Bid not submitted by the lead yet",
            "Participation and execution quotas", "participation", "execution");
    }

    /// <summary>The joint bid in plain words, in one language: who bids in what role, the work and its prices, and each firm's sign-off.</summary>
    static string Summary(Texts x, JointBidSnapshot bid, AllianceSnapshot alliance, TenderSnapshot? tender, Func<Guid, string> name)
    {
        string Money(Money m) => $"{m.Amount.ToString("N2", x.Culture)} {m.Currency}";
        string When(DateTimeOffset at) => at.ToString("g", x.Culture) + " UTC";
        string LotTitle(int lot) => tender?.Details.Lots.FirstOrDefault(l => l.Number == lot)?.Title is { } title ? $"{x.Lot} {lot} · {title}" : $"{x.Lot} {lot}";
        var s = new StringBuilder();
        s.AppendLine($"{x.Title}: {alliance.Name}");
        s.AppendLine($"{x.Tender}: {tender?.Details.Title ?? bid.TenderId.ToString("D")}");
        if (tender?.External is { } external) s.AppendLine($"ocid: {external.Ocid}{(external.Url is { } url ? $" · {url}" : "")}");
        s.AppendLine();
        s.AppendLine($"{x.Alliance} — {x.Firms}:");
        foreach (var m in alliance.Active)
            s.AppendLine($"- {name(m.FirmId)}: {m.Role switch { AllianceRole.Lead => x.Lead, AllianceRole.Member => x.Member, _ => x.Subcontractor }}");
        s.AppendLine();
        s.AppendLine($"{x.Packages}:");
        foreach (var w in bid.WorkPackages.OrderBy(w => w.Lot).ThenBy(w => w.Title, StringComparer.Ordinal))
            s.AppendLine($"- {LotTitle(w.Lot)} · {w.Title} · {name(w.FirmId)} · {Money(w.Price)}{(w.Description is { Length: > 0 } d ? $"\n  {d}" : "")}");
        s.AppendLine();
        s.AppendLine($"{x.Prices}:");
        foreach (var l in bid.LotPrices) s.AppendLine($"- {LotTitle(l.Lot)}: {Money(l.Price)}");
        s.AppendLine($"{x.Shares}:");
        foreach (var f in bid.Shares) s.AppendLine($"- {name(f.FirmId)}: {Money(f.Amount)} ({f.Percent.ToString("0.##", x.Culture)} %)");
        if (bid.Quotas.Length > 0)
        {
            s.AppendLine();
            s.AppendLine($"{x.Quotas}:");
            foreach (var q in bid.Quotas)
                s.AppendLine($"- {LotTitle(q.Lot)} · {name(q.FirmId)}: {x.Participation} {q.Participation.ToString("0.##", x.Culture)} %, {x.Execution} {q.Execution.ToString("0.##", x.Culture)} %");
        }
        JointBidPackageSubcontracts.Append(s, x.Culture, bid, LotTitle, name);
        JointBidPackageReliances.Append(s, x.Culture, bid, LotTitle, name);
        if (bid.Answers.Length > 0)
        {
            s.AppendLine();
            s.AppendLine($"{x.Answers}:");
            foreach (var a in bid.Answers)
                s.AppendLine($"- {x.Criterion} {a.Criterion}{(tender?.Details.Criteria.FirstOrDefault(c => c.Number == a.Criterion)?.Name is { } c ? $" · {c}" : "")}:\n  {a.Text}");
        }
        if (bid.Documents.Length > 0)
        {
            s.AppendLine();
            s.AppendLine($"{x.Documents}:");
            foreach (var d in bid.Documents) s.AppendLine($"- {d.Document.Name} · {name(d.FirmId)} · SHA-256 {d.Document.Sha256}");
        }
        s.AppendLine();
        s.AppendLine($"{x.Digest}: {bid.Digest}");
        s.AppendLine($"  ({x.DigestHow})");
        s.AppendLine($"{x.SignOffs}:");
        foreach (var o in bid.SignOffs.OrderBy(o => o.At))
            s.AppendLine($"- {name(o.FirmId)} · {When(o.At)} · {o.Digest} · {(o.Digest == bid.Digest ? x.Valid : x.Void)}");
        if (bid.AwaitingSignature.Length > 0) s.AppendLine($"{x.Awaiting}: {string.Join(", ", bid.AwaitingSignature.Select(name))}");
        if (tender?.External is null)
            s.AppendLine(bid.Receipt is { } r ? $"{x.Submitted} {When(r.ReceivedAt)}" : x.NotSubmitted);
        return s.ToString();
    }
}
