using System.Linq.Expressions;
using Marketplace.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Marketplace.Data.ReadModels;

public static class FirmBlockQueries
{
    /// <summary>The blocks either way between <paramref name="firm"/> and any other, for <see cref="FirmBlocks.Keeps"/> to judge whom a notice of the firm's reaches.</summary>
    public static Task<List<FirmBlockEntry>> Around(this IQueryable<FirmBlockEntry> blocks, Guid firm, CancellationToken ct = default) =>
        blocks.AsNoTracking().Where(b => b.BlockerId == firm || b.BlockedId == firm).ToListAsync(ct);

    /// <summary>
    /// The rows whose author's words reach the readers by <see cref="FirmBlocks.Rule"/> itself, applied in the database
    /// to each row against the <c>firm_blocks</c> rows, so a list is filtered before it is cut to a page. The readers'
    /// firms are read from a closure, as parameters: one query plan for every viewer.
    /// </summary>
    public static IQueryable<T> ReachingFirms<T>(this IQueryable<T> rows, IQueryable<FirmBlockEntry> blocks, Expression<Func<T, Guid>> author,
        IReadOnlyCollection<Guid> readers, bool unasked) =>
        rows.Reaching(blocks, author, _ => Expression.Property(Expression.Constant(new Readers(readers)), nameof(Readers.Firms)), unasked, null);

    /// <summary>
    /// The same, each row read by the firm it names (<paramref name="reader"/>); the rule applies only to the rows
    /// <paramref name="only"/> picks (an alliance's pending invitations, not the firm's own memberships), when given.
    /// </summary>
    public static IQueryable<T> ReachingFirm<T>(this IQueryable<T> rows, IQueryable<FirmBlockEntry> blocks, Expression<Func<T, Guid>> author,
        Expression<Func<T, Guid>> reader, bool unasked, Expression<Func<T, bool>>? only = null) =>
        rows.Reaching(blocks, author, row => Expression.NewArrayInit(typeof(Guid), Rebind(reader, row)), unasked, only);

    static IQueryable<T> Reaching<T>(this IQueryable<T> rows, IQueryable<FirmBlockEntry> blocks, Expression<Func<T, Guid>> author,
        Func<ParameterExpression, Expression> readers, bool unasked, Expression<Func<T, bool>>? only)
    {
        var rule = FirmBlocks.Rule;
        var row = Expression.Parameter(typeof(T), "row");
        var block = Expression.Parameter(typeof(FirmBlockEntry), "block");
        var keeps = ReplacingExpressionVisitor.Replace(
            [.. rule.Parameters],
            [
                Expression.Property(block, nameof(FirmBlockEntry.BlockerId)), Expression.Property(block, nameof(FirmBlockEntry.BlockedId)),
                Rebind(author, row), readers(row), Expression.Property(Expression.Constant(new Reach(unasked)), nameof(Reach.Unasked)),
            ],
            rule.Body);
        Expression kept = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(FirmBlockEntry)], blocks.Expression,
            Expression.Quote(Expression.Lambda<Func<FirmBlockEntry, bool>>(keeps, block)));
        if (only is not null) kept = Expression.AndAlso(Rebind(only, row), kept);
        return rows.Where(Expression.Lambda<Func<T, bool>>(Expression.Not(kept), row));
    }

    static Expression Rebind<T, TResult>(Expression<Func<T, TResult>> lambda, ParameterExpression row) =>
        ReplacingExpressionVisitor.Replace(lambda.Parameters[0], row, lambda.Body);

    sealed record Readers(IEnumerable<Guid> Firms);

    sealed record Reach(bool Unasked);
}
