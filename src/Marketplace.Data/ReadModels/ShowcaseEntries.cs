using Marketplace.Showcase;
using Microsoft.EntityFrameworkCore;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>A showcase project as lists show it (a firm's projects, a space's showcase).</summary>
public sealed class ShowcaseEntry
{
    public Guid ProjectId { get; set; }
    public Guid PublisherId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Client { get; set; }
    public int Year { get; set; }
    public decimal? ValueAmount { get; set; }
    public string? ValueCurrency { get; set; }
    /// <summary>CPV codes, space-separated.</summary>
    public required string Cpv { get; set; }
    public bool Verified { get; set; }
    /// <summary>What verified it (an award or the association), the buyer or association that did, and when.</summary>
    public ShowcaseVerifier? VerifiedBy { get; set; }
    public Guid? VerifierId { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>
    /// The project as far as lists and its rules read it, from this row and its <paramref name="participants"/>, so
    /// that a list judges what its viewer may do with each project by the commands' own rules without waking a grain
    /// per row. The rows are written in the grain's own transaction, so they say what the grain says; what they do not
    /// keep (when the project or a partner's answer last changed, which tender or space verified it and who) no rule reads.
    /// </summary>
    public ShowcaseSnapshot ToSnapshot(IEnumerable<ShowcaseParticipantEntry> participants)
    {
        var partners = participants.Where(p => p.ProjectId == ProjectId && !p.IsPublisher).ToList();
        var details = new ShowcaseDetails(Title, Description, Client, Year,
            ValueAmount is { } amount ? new Money(amount, ValueCurrency ?? "EUR") : null,
            Cpv.Split(' ', StringSplitOptions.RemoveEmptyEntries), [.. partners.Select(p => p.FirmId)]);
        var verification = this is { VerifiedBy: { } by, VerifierId: { } verifier, VerifiedAt: { } at }
            ? new ShowcaseVerification(by, Guid.Empty, verifier, Guid.Empty, at) : null;
        return new ShowcaseSnapshot(ProjectId, PublisherId, details,
            [.. partners.Select(p => new ShowcasePartner(p.FirmId, p.Confirmation, p.Reason, PublishedAt))],
            Version, PublishedAt, PublishedAt, verification);
    }
}

/// <summary>A firm taking part in a showcase project: the publisher, or a named partner with its answer.</summary>
public sealed class ShowcaseParticipantEntry
{
    public Guid ProjectId { get; set; }
    public Guid FirmId { get; set; }
    public bool IsPublisher { get; set; }
    public PartnerConfirmation Confirmation { get; set; }
    public string? Reason { get; set; }
}

public sealed class EndorsementEntry
{
    public Guid EndorserId { get; set; }
    public Guid EndorsedId { get; set; }
    public Guid ProjectId { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The endorsement's state as far as its rules read it; who gave it is not kept here, and no rule reads it.</summary>
    public EndorsementState ToState() => new() { Current = new EndorsementSnapshot(EndorserId, EndorsedId, ProjectId, Text, Guid.Empty, At) };
}

/// <summary>Keeps a project's list row and participant rows equal to its grain state.</summary>
public sealed class ShowcaseProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(ShowcaseState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        var id = grainId.GetGuidKey();
        await db.ShowcaseProjects.Where(x => x.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ShowcaseParticipants.Where(x => x.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        if (state is not ShowcaseState { Exists: true } project) return;
        var snapshot = project.ToSnapshot();
        var details = snapshot.Details;
        db.ShowcaseProjects.Add(new ShowcaseEntry
        {
            ProjectId = id, PublisherId = snapshot.PublisherId, Title = details.Title, Description = details.Description,
            Client = details.Client, Year = details.Year, ValueAmount = details.Value?.Amount, ValueCurrency = details.Value?.Currency,
            Cpv = string.Join(' ', details.Cpv), Verified = snapshot.Verified, VerifiedBy = snapshot.Verification?.By,
            VerifierId = snapshot.Verification?.VerifierId, VerifiedAt = snapshot.Verification?.At, Version = snapshot.Version, PublishedAt = snapshot.PublishedAt,
        });
        db.ShowcaseParticipants.Add(new ShowcaseParticipantEntry
        {
            ProjectId = id, FirmId = snapshot.PublisherId, IsPublisher = true, Confirmation = PartnerConfirmation.Confirmed,
        });
        db.ShowcaseParticipants.AddRange(snapshot.Partners.Select(p => new ShowcaseParticipantEntry
        {
            ProjectId = id, FirmId = p.FirmId, Confirmation = p.Confirmation, Reason = p.Reason,
        }));
    }
}

/// <summary>Keeps the endorsement row of a (endorser, endorsed) pair equal to its grain state.</summary>
public sealed class EndorsementProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(EndorsementState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken)
    {
        if (!grainId.TryGetGuidKey(out var endorserId, out var endorsedKey) || endorsedKey is null)
            throw new InvalidOperationException($"{grainId} is not an endorsement key.");
        var endorsedId = Guid.Parse(endorsedKey);
        await db.Endorsements.Where(x => x.EndorserId == endorserId && x.EndorsedId == endorsedId).ExecuteDeleteAsync(cancellationToken);
        if (state is not EndorsementState { Current: { } e }) return;
        db.Endorsements.Add(new EndorsementEntry { EndorserId = e.EndorserId, EndorsedId = e.EndorsedId, ProjectId = e.ProjectId, Text = e.Text, At = e.At });
    }
}
