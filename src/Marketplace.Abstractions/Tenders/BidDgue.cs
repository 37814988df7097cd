using Marketplace.Qualifications;

namespace Marketplace.Tenders;

/// <summary>
/// A firm's DGUE as sealed with a joint bid (each bidding firm's and each auxiliary's that has one): its answers, the
/// attestations and figures its criteria pointed at as the firm recorded them at the submission (copied here, so the
/// sealed bid keeps saying what was declared whatever the firm records later), and when it was last confirmed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BidDgue")]
public sealed record BidDgue(Guid FirmId, DgueAnswer[] Answers, SoaAttestation[] Attestations, FinancialFigures? Figures, DateTimeOffset ConfirmedAt);
