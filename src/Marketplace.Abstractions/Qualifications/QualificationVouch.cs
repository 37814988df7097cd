namespace Marketplace.Qualifications;

/// <summary>
/// A space's admin checked one of a member firm's qualifications against its document: the SOA attestation of
/// <see cref="Category"/>, or the firm's figures when it is null. <see cref="Digest"/> is the SHA-256 of what was
/// checked (<c>QualificationDigests</c>): the mark shows only while the firm's current content has the same digest, so
/// any edit of it drops the mark without anyone clearing a flag.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.QualificationVouch")]
public sealed record QualificationVouch(string? Category, string Digest, Guid ActorId, DateTimeOffset At);

/// <summary>An admin checks the attestation of <see cref="Category"/> (the figures when null) of the firm's qualifications as read at <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.VouchQualification")]
public sealed record VouchQualification(Guid ActorId, int Version, string? Category);

/// <summary>A member firm's qualifications as its space's admins read them to check them, with the space's checks.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.MemberQualifications")]
public sealed record MemberQualifications(Guid SpaceId, Guid FirmId, FirmQualifications Qualifications, int Version, QualificationVouch[] Vouches);
