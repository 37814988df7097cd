using System.Net;
using System.Net.Http.Json;
using Marketplace.Data.ReadModels;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class AllianceDgueStandingApiTestsOnSqlite(ClockedSqliteHost fixture) : AllianceDgueStandingApiTests<ClockedSqliteHost>(fixture);

public sealed class AllianceDgueStandingApiTestsOnPostgres(ClockedPostgresHost fixture) : AllianceDgueStandingApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The alliance's qualification view says, for each of its firms, whether its DGUE is confirmed within the six-month
/// horizon, to be confirmed again, or missing; a firm that kept its DGUE before the rows were kept gets its row from the
/// start-up back-fill, so it is not shown as missing.
/// </summary>
public abstract class AllianceDgueStandingApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<FirmDgueStandingDto[]> Dgues(HttpClient client, Guid alliance) =>
        (await client.GetFromJsonAsync<AllianceQualificationDto>($"/api/alliances/{alliance}/qualification", Json))!.Dgues;

    static DgueStanding StandingOf(FirmDgueStandingDto[] dgues, Guid firm) => dgues.Single(d => d.Firm.Id == firm).Standing;

    [Fact]
    public async Task Each_firm_reads_whether_its_dgue_is_confirmed_to_be_confirmed_again_or_missing()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var alliance = await w.FormRti((await w.Publish()).Id, dgues: false);
        await w.Builder.RecordDgue(w.BuilderId);
        var confirmedOn = QualificationRules.Today(w.Now);

        var dgues = await Dgues(w.Coder, alliance);

        dgues.Should().BeEquivalentTo(new[]
        {
            new FirmDgueStandingDto(new NamedDto(w.BuilderId, "Rossi Costruzioni"), true, false, DgueStanding.Current, confirmedOn),
            new FirmDgueStandingDto(new NamedDto(w.CoderId, "Verdi Informatica"), false, false, DgueStanding.Missing, null),
        }, o => o.WithStrictOrdering(), "the lead first; the IT firm never kept a DGUE");

        w.PassTo(w.Now.AddMonths(DgueRules.MonthsCurrent).AddDays(2));

        var stale = (await Dgues(w.Builder, alliance)).Single(d => d.Firm.Id == w.BuilderId);
        stale.Standing.Should().Be(DgueStanding.Stale, "confirmed more than six months ago");
        stale.ConfirmedOn.Should().Be(confirmedOn);

        await w.Builder.RecordDgue(w.BuilderId);

        StandingOf(await Dgues(w.Coder, alliance), w.BuilderId).Should().Be(DgueStanding.Current, "confirmed again today");
        (await w.Outsider.GetAsync($"/api/alliances/{alliance}/qualification")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an outside firm reads no firm's DGUE");
        (await w.Buyer.GetAsync($"/api/alliances/{alliance}/qualification")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_firm_that_kept_its_dgue_before_the_rows_were_kept_gets_its_row_from_the_back_fill_once()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var alliance = await w.FormRti((await w.Publish()).Id, dgues: false);
        await w.Builder.RecordDgue(w.BuilderId);
        // The builder's row as a server before the rows were kept left it: none.
        await fixture.Host.Query(db => db.BusinessDgues.Where(d => d.BusinessId == w.BuilderId).ExecuteDeleteAsync());
        StandingOf(await Dgues(w.Builder, alliance), w.BuilderId).Should().Be(DgueStanding.Missing, "without the row the view cannot know");

        await fixture.Host.Query(async db => { await QualificationBackfill.RunDgues(db, CancellationToken.None); return true; });

        var row = (await Dgues(w.Builder, alliance)).Single(d => d.Firm.Id == w.BuilderId);
        row.Standing.Should().Be(DgueStanding.Current);
        row.ConfirmedOn.Should().Be(QualificationRules.Today(w.Now));
        StandingOf(await Dgues(w.Builder, alliance), w.CoderId).Should().Be(DgueStanding.Missing, "the IT firm keeps no DGUE, so the back-fill writes it none");

        await fixture.Host.Query(async db => { await QualificationBackfill.RunDgues(db, CancellationToken.None); return true; });

        (await fixture.Host.Query(db => db.BusinessDgues.CountAsync(d => d.BusinessId == w.BuilderId || d.BusinessId == w.CoderId)))
            .Should().Be(1, "a second run writes nothing twice");
    }
}
