using Orleans.Concurrency;

namespace Marketplace.Showcase;

/// <summary>
/// One showcase project: published by a firm, confirmed or declined by each partner it names, and verified by an
/// award on the platform or by the hosting association.
/// </summary>
[Alias("Marketplace.IShowcaseGrain")]
public interface IShowcaseGrain : IGrainWithGuidKey
{
    [Alias("Publish")] Task<Outcome<ShowcaseSnapshot>> Publish(PublishShowcase command);

    [Alias("Get"), ReadOnly] Task<ShowcaseSnapshot?> Get();

    /// <summary>The publisher edits; every partner must confirm the new version.</summary>
    [Alias("Edit")] Task<Outcome<ShowcaseSnapshot>> Edit(EditShowcase command);

    [Alias("Answer")] Task<Outcome<ShowcaseSnapshot>> Answer(AnswerShowcase command);

    /// <summary>
    /// An admin of a space that every firm of the project belongs to verifies its current version, once every
    /// partner has confirmed it.
    /// </summary>
    [Alias("Verify")] Task<Outcome<ShowcaseSnapshot>> Verify(VerifyShowcase command);
}

/// <summary>
/// The endorsement of one firm by another, keyed by (endorser, endorsed) so a pair endorses at most once.
/// Allowed only between firms that share a verified showcase project (from an award or confirmed by the association).
/// </summary>
[Alias("Marketplace.IEndorsementGrain")]
public interface IEndorsementGrain : IGrainWithGuidCompoundKey
{
    [Alias("Endorse")] Task<Outcome<EndorsementSnapshot>> Endorse(Endorse command);

    [Alias("Get"), ReadOnly] Task<EndorsementSnapshot?> Get();

    [Alias("Withdraw")] Task<Outcome<EndorsementSnapshot>> Withdraw(Guid actorId);
}

public static class EndorsementKeys
{
    public static IEndorsementGrain Endorsement(this IGrainFactory grains, Guid endorserId, Guid endorsedId) =>
        grains.GetGrain<IEndorsementGrain>(endorserId, endorsedId.ToString("N"));
}
