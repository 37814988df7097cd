using Marketplace.Reports;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Data.Reports;

/// <summary>
/// A report as stored, with the association's decision once taken (who, when, why): the record of how the space's
/// admins answered it. Rows, not grain state, so a busy space's reports cost no grain memory.
/// </summary>
public sealed class ReportEntry
{
    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }
    public ReportSubject Subject { get; set; }
    public Guid SubjectId { get; set; }
    public Guid SubjectFirmId { get; set; }
    public Guid ReporterFirmId { get; set; }
    public Guid ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset At { get; set; }
    public ReportStatus Status { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public static ReportEntry From(Report r) => new()
    {
        Id = r.Id, SpaceId = r.SpaceId, Subject = r.Subject, SubjectId = r.SubjectId, SubjectFirmId = r.SubjectFirmId, ReporterFirmId = r.ReporterFirmId,
        ReporterId = r.ReporterId, Reason = r.Reason, Text = r.Text, At = r.At, Status = r.Decision?.Outcome ?? ReportStatus.Open,
        DecisionReason = r.Decision?.Reason, DecidedAt = r.Decision?.At, DecidedBy = r.Decision?.ActorId,
    };

    public Report ToReport() => new(Id, SpaceId, Subject, SubjectId, SubjectFirmId, ReporterFirmId, ReporterId, Reason, Text, At,
        Status == ReportStatus.Open ? null : new ReportDecision(Status, DecidedBy ?? Guid.Empty, DecisionReason ?? "", DecidedAt ?? At));
}

public sealed class EfReports(IServiceScopeFactory scopes) : IReports
{
    async Task<T> With<T>(Func<MarketplaceDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    public Task Add(Report report, CancellationToken ct = default) => With(db =>
    {
        db.Reports.Add(ReportEntry.From(report));
        return db.SaveChangesAsync(ct);
    });

    public Task<bool> HasOpen(Guid reporterFirmId, ReportSubject subject, Guid subjectId, CancellationToken ct = default) => With(db =>
        db.Reports.AnyAsync(r => r.ReporterFirmId == reporterFirmId && r.Subject == subject && r.SubjectId == subjectId && r.Status == ReportStatus.Open, ct));

    public Task<int> FiledSince(Guid reporterId, DateTimeOffset since, CancellationToken ct = default) => With(db =>
        db.Reports.CountAsync(r => r.ReporterId == reporterId && r.At > since, ct));

    public Task<Guid[]> SharedSpaces(Guid firmId, Guid otherFirmId, CancellationToken ct = default) => With(db =>
        db.SpaceMembers.AsNoTracking().Where(m => m.BusinessId == firmId && m.Status == MembershipStatus.Member
                && db.SpaceMembers.Any(o => o.SpaceId == m.SpaceId && o.BusinessId == otherFirmId && o.Status == MembershipStatus.Member))
            .Select(m => m.SpaceId).ToArrayAsync(ct));

    public Task<Report[]> Open(Guid spaceId, ReportSubject subject, Guid subjectId, CancellationToken ct = default) => With(async db =>
        (await db.Reports.AsNoTracking().Where(r => r.SpaceId == spaceId && r.Subject == subject && r.SubjectId == subjectId && r.Status == ReportStatus.Open)
            .ToListAsync(ct)).Select(r => r.ToReport()).ToArray());

    public Task<Report[]> Decide(Guid spaceId, ReportSubject subject, Guid subjectId, ReportDecision decision, CancellationToken ct = default) => With(async db =>
    {
        var open = await db.Reports.Where(r => r.SpaceId == spaceId && r.Subject == subject && r.SubjectId == subjectId && r.Status == ReportStatus.Open)
            .ToListAsync(ct);
        foreach (var row in open)
            (row.Status, row.DecidedBy, row.DecisionReason, row.DecidedAt) = (decision.Outcome, decision.ActorId, decision.Reason, decision.At);
        await db.SaveChangesAsync(ct);
        return open.Select(r => r.ToReport()).ToArray();
    });
}
