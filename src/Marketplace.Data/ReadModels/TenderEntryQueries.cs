using System.Linq.Expressions;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore.Query;

namespace Marketplace.Data.ReadModels;

public static class TenderEntryQueries
{
    /// <summary>
    /// The rows the viewer sees by <see cref="TenderVisibility.Rule"/> itself, applied in the database to each row's
    /// status and author, so a list is filtered before it is cut to a page. The viewer's facts are read from a closure,
    /// as parameters: one query plan for every viewer.
    /// </summary>
    public static IQueryable<TenderEntry> SeenBy(this IQueryable<TenderEntry> tenders, Guid? viewer, bool actsForBuyer)
    {
        var rule = TenderVisibility.Rule;
        var row = Expression.Parameter(typeof(TenderEntry), "t");
        var facts = Expression.Constant(new ViewerFacts(viewer, actsForBuyer));
        var body = ReplacingExpressionVisitor.Replace(
            [.. rule.Parameters],
            [
                Expression.Property(row, nameof(TenderEntry.Status)), Expression.Property(row, nameof(TenderEntry.CreatedBy)),
                Expression.Property(facts, nameof(ViewerFacts.Viewer)), Expression.Property(facts, nameof(ViewerFacts.ActsForBuyer)),
            ],
            rule.Body);
        return tenders.Where(Expression.Lambda<Func<TenderEntry, bool>>(body, row));
    }

    sealed record ViewerFacts(Guid? Viewer, bool ActsForBuyer);
}
