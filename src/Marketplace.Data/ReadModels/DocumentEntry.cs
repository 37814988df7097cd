namespace Marketplace.Data.ReadModels;

/// <summary>
/// An uploaded file, kept in the database so it is as durable as the tender or bid that refers to it. It belongs to
/// the business that uploaded it; who may download it follows from where it is attached.
/// </summary>
public sealed class DocumentEntry
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>The file's bytes; sealed with the tender's key once attached to a bid (<see cref="SealedFor"/>).</summary>
    public required byte[] Content { get; set; }
    /// <summary>The tender whose key seals <see cref="Content"/>: set when the file goes into a bid or joint bid of it.</summary>
    public Guid? SealedFor { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
