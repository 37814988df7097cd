namespace Marketplace.Businesses;

[GenerateSerializer, Alias("Marketplace.BusinessKind")]
public enum BusinessKind
{
    Firm,
    Association,
    Buyer,
}

/// <summary>What a user may do for a business: Owners and Managers edit, Viewers only read.</summary>
[GenerateSerializer, Alias("Marketplace.BusinessRole")]
public enum BusinessRole
{
    Owner,
    Manager,
    Viewer,
}

/// <summary>Size class as in EU Recommendation 2003/361 (micro, small, medium, large).</summary>
[GenerateSerializer, Alias("Marketplace.FirmSize")]
public enum FirmSize
{
    Micro,
    Small,
    Medium,
    Large,
}

public static class BusinessRoles
{
    /// <summary>The one rule of who acts for a business: its Owners and Managers; Viewers only read.</summary>
    public static bool CanEdit(this BusinessRole? role) => role is BusinessRole.Owner or BusinessRole.Manager;
}
