namespace Marketplace.Sessions;

/// <summary>Reads a user's current security stamp from where accounts are stored (a port the host implements).</summary>
public interface ISecurityStamps
{
    /// <summary>The stored stamp; null for an account that does not exist (no session of it is live).</summary>
    Task<string?> Of(Guid userId);
}
