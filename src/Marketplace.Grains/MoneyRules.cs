namespace Marketplace;

/// <summary>What a valid amount of money is: positive, at most two decimals, an ISO 4217 currency (EUR when blank).</summary>
public static class MoneyRules
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static readonly Refusal Amount = new("money.amount", "A positive amount with at most two decimals.");
    public static readonly Refusal NonZeroAmount = new("money.nonZeroAmount", "A non-zero positive amount with at most two decimals.");
    public static readonly Refusal Currency = new("money.currency", "A three-letter ISO 4217 currency code, such as EUR.");

    /// <param name="field">The request's name for the money, e.g. <c>value</c>; errors name <c>field.amount</c> or <c>field.currency</c>.</param>
    public static Money Normalize(Money raw, string field, Dictionary<string, FieldProblem[]> errors, bool allowZero = true)
    {
        var currency = string.IsNullOrWhiteSpace(raw.Currency) ? "EUR" : raw.Currency.Trim().ToUpperInvariant();
        if (raw.Amount < 0 || (!allowZero && raw.Amount == 0) || raw.Amount > MaxAmount || decimal.Round(raw.Amount, 2) != raw.Amount)
            errors[$"{field}.amount"] = [FieldProblem.Of(allowZero ? Amount : NonZeroAmount)];
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) errors[$"{field}.currency"] = [FieldProblem.Of(Currency)];
        // Always two decimals (1500.5 is stored as 1500.50), so equal amounts read, print and hash the same.
        return new Money(decimal.Round(raw.Amount, 2) + 0.00m, currency);
    }
}
