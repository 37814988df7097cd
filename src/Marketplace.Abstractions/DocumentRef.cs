namespace Marketplace;

/// <summary>A file stored by the server, as the tender, bid or joint bid that carries it refers to it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.DocumentRef")]
public sealed record DocumentRef(Guid Id, string Name, string ContentType, long Size, string Sha256);
