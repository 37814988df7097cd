using Marketplace.Reference;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>Where a published tender is, in the words of a firm looking for work.</summary>
public enum TenderPhase
{
    /// <summary>Taking questions or bids.</summary>
    Open,
    /// <summary>No longer taking bids, and not awarded: being opened or evaluated, gone without a winner, or cancelled.</summary>
    Closed,
    /// <summary>At least one lot awarded.</summary>
    Awarded,
}

/// <summary>What a firm asks of the tenders across its spaces. Every part is optional; all given parts must hold.</summary>
/// <param name="Phrase">The search box, read as the directory reads it (<see cref="SearchPhrase"/>).</param>
/// <param name="MinValue">The least estimated value of a lot that matches, in the lot's currency.</param>
/// <param name="ClosingBy">Open tenders whose bids close by then.</param>
public sealed record TenderCriteria(SearchPhrase Phrase, TenderPhase? Phase = null, decimal? MinValue = null, decimal? MaxValue = null,
    DateTimeOffset? ClosingBy = null)
{
    /// <summary>Whether a lot must match (the words, codes, trade, place or value), not only the tender.</summary>
    public bool AsksOfLots => Phrase.Words.Length > 0 || Phrase.CpvPrefixes.Length > 0 || Phrase.TradeCodes.Length > 0 || Phrase.Place is not null
        || MinValue is not null || MaxValue is not null;
}

/// <summary>
/// The published tenders across spaces, found by what a lot of theirs has: words (in the tender's or the lot's text
/// and its codes' labels), CPV codes and their first digits, a trade (its codes and all below, or its words), a place
/// (the lot's comune, its province or region, or the place's name in the text) and an estimated value. One lot must
/// meet all of them, so "idraulico a Modena" finds the tender with plumbing in Modena, not one with plumbing in
/// Bologna and painting in Modena.
/// </summary>
public static class TenderSearch
{
    public const int MaxClosingWithinDays = 366;

    static readonly Refusal
        ValueRange = new("tenderSearch.valueRange", "The least value is at most the greatest, and neither is below zero."),
        ClosingDays = new("tenderSearch.closingDays", "Closing within 1 to {max} days.");

    /// <summary>The value range and the days to the deadline, as a person may ask them; null when they are fine.</summary>
    public static Problem? Check(decimal? minValue, decimal? maxValue, int? closingWithinDays)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        if (minValue < 0 || maxValue < 0 || minValue > maxValue) errors[minValue < 0 || minValue > maxValue ? "minValue" : "maxValue"] = [FieldProblem.Of(ValueRange)];
        if (closingWithinDays is { } days && days is < 1 or > MaxClosingWithinDays)
            errors["closingWithinDays"] = [FieldProblem.Of(ClosingDays, ("max", MaxClosingWithinDays))];
        return errors.Count > 0 ? Problem.Invalid(errors) : null;
    }

    public static readonly TenderStatus[] OpenStatuses = [TenderStatus.Enquiries, TenderStatus.Tendering];
    static readonly TenderStatus[] AwardedStatuses = [TenderStatus.Awarded, TenderStatus.Complete];

    /// <summary>The published tenders of <paramref name="spaces"/> that meet <paramref name="criteria"/>; never a draft.</summary>
    public static IQueryable<TenderEntry> Matching(MarketplaceDbContext db, IQueryable<Guid> spaces, TenderCriteria criteria)
    {
        var tenders = db.Tenders.AsNoTracking()
            .Where(t => t.Status != TenderStatus.Draft && db.TenderSpaces.Any(s => s.TenderId == t.TenderId && spaces.Contains(s.SpaceId)));
        tenders = criteria.Phase switch
        {
            TenderPhase.Open => tenders.Where(t => OpenStatuses.Contains(t.Status)),
            TenderPhase.Awarded => tenders.Where(t => AwardedStatuses.Contains(t.Status)),
            TenderPhase.Closed => tenders.Where(t => !OpenStatuses.Contains(t.Status) && !AwardedStatuses.Contains(t.Status)),
            _ => tenders,
        };
        if (criteria.ClosingBy is { } by) tenders = tenders.Where(t => OpenStatuses.Contains(t.Status) && t.SubmissionDeadline <= by);
        if (criteria.AsksOfLots)
        {
            var lots = Lots(db, criteria);
            tenders = tenders.Where(t => lots.Any(l => l.TenderId == t.TenderId));
        }
        return tenders;
    }

    /// <summary>The lots that meet the criteria's lot parts (of any tender: the caller narrows the tenders).</summary>
    public static IQueryable<TenderLotEntry> Lots(MarketplaceDbContext db, TenderCriteria criteria)
    {
        var phrase = criteria.Phrase;
        var lots = db.TenderLots.AsNoTracking();
        foreach (var word in phrase.Words) lots = lots.Where(l => l.SearchText.Contains(word));
        foreach (var prefix in phrase.CpvPrefixes)
        {
            // Digits sort as text, so "every code under 45" is the range ["45", "45~").
            var upper = prefix + "~";
            lots = lots.Where(l => db.TenderLotCpvs.Any(c => c.TenderId == l.TenderId && c.Lot == l.Lot
                && string.Compare(c.CpvDigits, prefix) >= 0 && string.Compare(c.CpvDigits, upper) < 0));
        }
        // A trade or a place is met by the lot's codes or place, or by the text naming them, a word at a time (as in
        // the directory, BusinessDirectory.Matching; PlaceSearch).
        if (phrase.TradeCodes.Length > 0)
        {
            var digits = phrase.TradeDigits();
            foreach (var stem in phrase.TradeWords.Select(TextSearch.Stem))
                lots = lots.Where(l => l.SearchText.Contains(stem) || db.TenderLotCpvs.Any(c => c.TenderId == l.TenderId && c.Lot == l.Lot && digits.Contains(c.CpvDigits)));
        }
        lots = lots.InPlace(phrase);
        if (criteria.MinValue is { } min) lots = lots.Where(l => l.EstimatedValue >= min);
        if (criteria.MaxValue is { } max) lots = lots.Where(l => l.EstimatedValue <= max);
        return lots;
    }

    /// <summary>
    /// The spaces whose tenders a viewer finds here: those that show themselves to everyone (<see cref="DirectoryVisibility.Public"/>),
    /// and for a signed-in user those they are inside of: where a firm they act for is a current member, which a
    /// business of theirs hosts, or where a buyer of theirs is approved. A firm outside a members-only space, and a
    /// visitor, find none of its tenders.
    /// </summary>
    public static IQueryable<Guid> SpacesOf(MarketplaceDbContext db, Guid? viewer)
    {
        var open = db.Spaces.Where(s => s.Visibility == DirectoryVisibility.Public).Select(s => s.SpaceId);
        if (viewer is not { } me) return open;
        var mine = db.ActingFor(me).Select(m => m.BusinessId);
        return open
            .Union(db.SpaceMembers.Where(m => m.Status == MembershipStatus.Member && mine.Contains(m.BusinessId)).Select(m => m.SpaceId))
            .Union(db.Spaces.Where(s => mine.Contains(s.HostId)).Select(s => s.SpaceId))
            .Union(db.SpaceBuyers.Where(b => b.Approval == BuyerApproval.Approved && mine.Contains(b.BuyerId)).Select(b => b.SpaceId));
    }
}
