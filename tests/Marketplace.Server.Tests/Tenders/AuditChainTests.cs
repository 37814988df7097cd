using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class AuditChainTestsOnSqlite(ClockedSqliteHost fixture) : AuditChainTests<ClockedSqliteHost>(fixture);

public sealed class AuditChainTestsOnPostgres(ClockedPostgresHost fixture) : AuditChainTests<ClockedPostgresHost>(fixture);

/// <summary>The audit chain verifies, and any change made to it directly in the database is found and pointed at.</summary>
public abstract class AuditChainTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    async Task<(TenderWorld World, TenderDto Tender, AuditDto Audit)> TenderWithBids()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Sopralluogo?"), Json)).EnsureSuccessStatusCode();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 450_000m)).EnsureSuccessStatusCode();
        (await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        var audit = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        return (w, tender, audit);
    }

    [Fact]
    public async Task The_chain_of_a_tender_and_its_bids_verifies()
    {
        var (_, _, audit) = await TenderWithBids();

        audit.Valid.Should().BeTrue();
        audit.FirstBroken.Should().BeNull();
        audit.Shown.Select(l => l.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        audit.Shown.Should().Contain(l => l.Kind == "BidWithdrawn");
        audit.Shown.Zip(audit.Shown.Skip(1)).Should().OnlyContain(p => p.Second.PreviousHash == p.First.Hash);
    }

    [Theory]
    [InlineData("Detail")]
    [InlineData("Kind")]
    [InlineData("At")]
    public async Task Altering_a_stored_link_is_detected_at_that_link(string field)
    {
        var (w, tender, audit) = await TenderWithBids();
        var victim = audit.Shown.Single(l => l.Kind == "BidSubmitted" && l.Sequence == audit.Shown.Where(x => x.Kind == "BidSubmitted").Min(x => x.Sequence));

        await fixture.Host.Query(async db =>
        {
            var row = await db.AuditEntries.SingleAsync(e => e.TenderId == tender.Id && e.Sequence == victim.Sequence);
            switch (field)
            {
                case "Detail": row.Detail += "0"; break;
                case "Kind": row.Kind = "BidWithdrawn"; break;
                default: row.At = row.At.AddSeconds(-1); break;
            }
            return await db.SaveChangesAsync();
        });

        var checkedAgain = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        checkedAgain.Valid.Should().BeFalse();
        checkedAgain.FirstBroken.Should().Be(victim.Sequence);
    }

    [Fact]
    public async Task Removing_the_last_links_is_detected()
    {
        var (w, tender, audit) = await TenderWithBids();
        var last = audit.Shown.Max(l => l.Sequence);

        await fixture.Host.Query(db => db.AuditEntries.Where(e => e.TenderId == tender.Id && e.Sequence == last).ExecuteDeleteAsync());

        var checkedAgain = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        checkedAgain.Valid.Should().BeFalse();
        checkedAgain.FirstBroken.Should().Be(last);
    }
}
