namespace Marketplace;

/// <summary>Money as an amount in a currency (ISO 4217); never floating point.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Money")]
public sealed record Money(decimal Amount, string Currency);
