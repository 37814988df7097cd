using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Reports;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>
/// The moderation queue live: a report reaches the space's admins' open page and the reporting firm's people when it
/// is filed and when it is examined; the reported firm hears nothing of it.
/// </summary>
public sealed class ReportHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task A_report_reaches_the_admins_and_the_reporter_live_and_never_the_reported_firm()
    {
        var (admin, adminHub) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        async Task<(HttpClient Http, HubConnection Hub, Guid Id)> Member(string name)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            await admin.Admit(spaceId, http, firm.Id);
            await hub.InvokeAsync("WatchBusinessTeam", firm.Id);
            return (http, hub, firm.Id);
        }
        var reporter = await Member("Verdi Informatica");
        var reported = await Member("Rossi Costruzioni");
        await adminHub.InvokeAsync("WatchSpaceAdmin", spaceId);
        var adminHeard = new ConcurrentQueue<ReportsChangedDto>();
        var adminFirst = new TaskCompletionSource();
        adminHub.On<ReportsChangedDto>("ReportsChanged", c => { adminHeard.Enqueue(c); adminFirst.TrySetResult(); });
        var reporterHeard = new ConcurrentQueue<ReportsChangedDto>();
        var reporterSecond = new TaskCompletionSource();
        reporter.Hub.On<ReportsChangedDto>("ReportsChanged", c => { reporterHeard.Enqueue(c); if (reporterHeard.Count == 2) reporterSecond.TrySetResult(); });
        var reportedHeard = new ConcurrentQueue<ReportsChangedDto>();
        var reportedOwn = new TaskCompletionSource();
        reported.Hub.On<ReportsChangedDto>("ReportsChanged", c => { reportedHeard.Enqueue(c); reportedOwn.TrySetResult(); });

        (await reporter.Http.PostAsJsonAsync("/api/reports", new FileReportRequest(reporter.Id, ReportSubject.Firm, reported.Id, null,
            ReportReason.FalseInformation, "Dichiara lavori mai svolti."), Json)).EnsureSuccessStatusCode();
        await adminFirst.Task.WaitAsync(Patience);
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/reports/decisions", new DecideReportsRequest(ReportSubject.Firm, reported.Id,
            ReportStatus.Dismissed, "Verificato: i lavori risultano svolti."), Json)).EnsureSuccessStatusCode();
        await reporterSecond.Task.WaitAsync(Patience);
        // The reported firm's people hear of their own report, sent after both: had either reached them, it came first.
        (await reported.Http.PostAsJsonAsync("/api/reports", new FileReportRequest(reported.Id, ReportSubject.Firm, reporter.Id, null,
            ReportReason.Other, null), Json)).EnsureSuccessStatusCode();
        await reportedOwn.Task.WaitAsync(Patience);

        adminHeard.Should().AllBeEquivalentTo(new ReportsChangedDto(spaceId));
        reporterHeard.Should().Equal(new ReportsChangedDto(spaceId), new ReportsChangedDto(spaceId));
        reportedHeard.Should().ContainSingle();
    }
}
