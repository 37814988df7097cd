using Marketplace.Reference;

namespace Marketplace.Server.Endpoints;

// Wire shapes every feature's DTOs share; a feature's own DTOs stay in its *Dtos.cs file.

/// <summary>Money on the wire: the amount and its ISO 4217 currency.</summary>
public sealed record MoneyDto(decimal Amount, string Currency)
{
    public static MoneyDto From(Money m) => new(m.Amount, m.Currency);

    /// <summary>The amount as sent; <see cref="MoneyRules.Normalize"/> decides whether it is valid.</summary>
    public Money ToMoney() => new(Amount, Currency);
}

/// <summary>Something the viewer sees by name: a firm, a space, a tender.</summary>
public sealed record NamedDto(Guid Id, string Name);

public sealed record DocumentDto(Guid Id, string Name, string ContentType, long Size, string Sha256)
{
    public static DocumentDto From(DocumentRef d) => new(d.Id, d.Name, d.ContentType, d.Size, d.Sha256);
}

/// <summary>A CPV code with its labels in both UI languages (a capability, or a search result).</summary>
public sealed record CapabilityDto(string Code, string LabelIt, string LabelEn)
{
    public static CapabilityDto From(CpvEntry e) => new(e.Code, e.LabelIt, e.LabelEn);
}

/// <summary>The version the user saw, for a step that must not overwrite a newer one.</summary>
public sealed record VersionRequest(int Version);

public sealed record TextRequest([LongText] string? Text);

public sealed record ReasonRequest([LongText] string? Reason);

public sealed record FirmRequest(Guid FirmId);
