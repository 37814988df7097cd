namespace Marketplace.Qualifications;

/// <summary>
/// A firm's answer to one exclusion ground of its DGUE (<c>DgueRules.Grounds</c> names them by <see cref="Ground"/>):
/// whether the ground applies to it, and when it does, what the firm explains (measures taken, a rehabilitation) for
/// the buyer to judge.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.DgueAnswer")]
public sealed record DgueAnswer(string Ground, bool Applies, string? Explanation);

/// <summary>
/// The selection criteria a firm's DGUE declares met (its Part IV), by pointing at what the firm already recorded on its
/// profile: the SOA categories of its attestations and, when <see cref="Figures"/>, its turnover and similar work. The
/// attestations and figures themselves stay where they are kept (<see cref="FirmQualifications"/>), never copied here.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.DgueSelection")]
public sealed record DgueSelection(string[] Categories, bool Figures);

/// <summary>
/// A firm's DGUE (Documento di Gara Unico Europeo, the Italian ESPD), kept once per firm and reused across bids: an
/// answer to every exclusion ground, the selection criteria declared met, and who confirmed it last and when (each
/// save confirms it as it then stands).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FirmDgue")]
public sealed record FirmDgue(DgueAnswer[] Answers, DgueSelection Selection, DateTimeOffset ConfirmedAt, Guid ConfirmedBy);
