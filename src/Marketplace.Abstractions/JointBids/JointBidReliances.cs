using Marketplace.Qualifications;

namespace Marketplace.JointBids;

/// <summary>
/// Replaces the joint bid's declared reliances (avvalimento: an auxiliary firm of the space lending a bidding firm a
/// requirement for a lot, <see cref="Lending"/>) as a whole, from the version of them the editor read.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SaveJointReliances")]
public sealed record SaveJointReliances(Guid ActorId, int ExpectedVersion, Lending[] Reliances);

/// <summary>
/// An auxiliary firm as the reliance rules judge it: whether it is a member firm of the alliance's space, and what its
/// page records of its qualifications now.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AuxiliaryFirm")]
public sealed record AuxiliaryFirm(Guid FirmId, bool SpaceFirm, FirmQualifications Holds);
