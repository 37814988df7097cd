using System.Net.Http.Json;
using Marketplace.Data.ReadModels;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class QualificationBackfillTestsOnSqlite(ClockedSqliteHost fixture) : QualificationBackfillTests<ClockedSqliteHost>(fixture);

public sealed class QualificationBackfillTestsOnPostgres(ClockedPostgresHost fixture) : QualificationBackfillTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A firm that recorded its qualifications before the qualification rows were kept had none of them until its next
/// save: the start-up back-fill writes them once from its stored state, and a second start writes nothing twice.
/// </summary>
public abstract class QualificationBackfillTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task Record(HttpClient client, Guid firmId, SoaAttestationRequest[] attestations, FinancialFiguresDto? figures)
    {
        var current = (await client.GetFromJsonAsync<FirmQualificationsDto>($"/api/businesses/{firmId}/qualifications", Json))!;
        (await client.PutAsJsonAsync($"/api/businesses/{firmId}/qualifications", new EditQualificationsRequest(current.Version, attestations, figures), Json))
            .EnsureSuccessStatusCode();
    }

    Task<List<(Guid Firm, string Category, SoaClass Class, DateOnly Expires, string IssuedBy)>> Attestations(params Guid[] firms) =>
        fixture.Host.Query(async db => (await db.BusinessAttestations.AsNoTracking().Where(a => firms.Contains(a.BusinessId)).ToListAsync())
            .Select(a => (a.BusinessId, a.Category, a.Class, a.Expires, a.IssuedBy)).OrderBy(a => a.Category).ToList());

    Task<List<(Guid Firm, int LastYear, decimal Turnover, decimal SimilarWork)>> Figures(params Guid[] firms) =>
        fixture.Host.Query(async db => (await db.BusinessFigures.AsNoTracking().Where(f => firms.Contains(f.BusinessId)).ToListAsync())
            .Select(f => (f.BusinessId, f.LastYear, f.Turnover, f.SimilarWork)).ToList());

    Task Start() => fixture.Host.Query(async db =>
    {
        await QualificationBackfill.Run(db, CancellationToken.None);
        return true;
    });

    [Fact]
    public async Task A_firm_with_qualifications_and_no_rows_gets_them_at_start_up_once_and_a_firm_with_rows_is_left_alone()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var expires = DateOnly.FromDateTime(w.Now.AddYears(2).UtcDateTime);
        await Record(w.Builder, w.BuilderId, [new("OG1", SoaClass.III, expires, "SOA Nord"), new("OS30", SoaClass.I, expires, "SOA Nord")],
            new FinancialFiguresDto(2025, 3_000_000m, 1_200_000m));
        await Record(w.Coder, w.CoderId, [new("OS30", SoaClass.II, expires, "SOA Centro")], null);
        var coderRows = await Attestations(w.CoderId);
        // The builder's rows as a server before they were kept left them: none.
        await fixture.Host.Query(db => db.BusinessAttestations.Where(a => a.BusinessId == w.BuilderId).ExecuteDeleteAsync());
        await fixture.Host.Query(db => db.BusinessFigures.Where(f => f.BusinessId == w.BuilderId).ExecuteDeleteAsync());

        await Start();

        (await Attestations(w.BuilderId)).Should().Equal((w.BuilderId, "OG1", SoaClass.III, expires, "SOA Nord"), (w.BuilderId, "OS30", SoaClass.I, expires, "SOA Nord"));
        (await Figures(w.BuilderId)).Should().Equal((w.BuilderId, 2025, 3_000_000m, 1_200_000m));
        (await Attestations(w.CoderId)).Should().Equal(coderRows, "the IT firm had its rows");

        await Start();

        (await Attestations(w.BuilderId, w.CoderId)).Should().HaveCount(3, "a second start writes nothing twice");
        (await Figures(w.BuilderId, w.CoderId)).Should().ContainSingle();
    }
}
