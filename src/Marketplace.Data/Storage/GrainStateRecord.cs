namespace Marketplace.Data.Storage;

/// <summary>One grain's named state as JSON; <see cref="Version"/> is the optimistic-concurrency token (the Orleans ETag).</summary>
public sealed class GrainStateRecord
{
    public required string GrainId { get; set; }
    public required string StateName { get; set; }
    public required string Data { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
