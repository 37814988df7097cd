using Marketplace.Reference;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>The lot rows of a tender (<see cref="TenderLotEntry"/>, <see cref="TenderLotCpvEntry"/>), written with its tender's row.</summary>
public static class TenderLots
{
    /// <summary>Replaces the tender's lot rows by what its state says now (a draft's edit or an amendment changes lots).</summary>
    public static async Task Replace(MarketplaceDbContext db, TenderState tender, CancellationToken ct)
    {
        await db.TenderLots.Where(l => l.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        await db.TenderLotCpvs.Where(l => l.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        Add(db, tender);
    }

    internal static void Add(MarketplaceDbContext db, TenderState tender)
    {
        var details = tender.Details!;
        foreach (var lot in details.Lots)
        {
            var comune = lot.ComuneCode is { } code ? ComuneCatalog.Shared.Find(code) : null;
            var labels = lot.Cpv.Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(c => $"{c.LabelIt} {c.LabelEn}");
            db.TenderLots.Add(new TenderLotEntry
            {
                TenderId = tender.Id, Lot = lot.Number, Title = lot.Title,
                SearchText = TextSearch.Fold(string.Join(' ', [details.Title, details.Description ?? "", lot.Title, lot.Description ?? "", .. labels])),
                EstimatedValue = lot.EstimatedValue?.Amount, Currency = lot.EstimatedValue?.Currency,
                ComuneCode = comune?.Code, ProvinceSigla = comune?.ProvinceSigla, RegionName = comune?.RegionName,
            });
            db.TenderLotCpvs.AddRange(lot.Cpv.Select(c => c[..8]).Distinct().Select(digits => new TenderLotCpvEntry { TenderId = tender.Id, Lot = lot.Number, CpvDigits = digits }));
        }
    }
}
