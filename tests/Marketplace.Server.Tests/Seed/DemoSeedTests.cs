using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Seed;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Seed;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task The_demo_is_seeded_once_however_often_the_server_starts()
    {
        await using var database = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using (var first = new MarketplaceHost(database, seed: true))
        {
            first.StartServer();
        }

        await using var second = new MarketplaceHost(database, seed: true);
        var directory = await second.CreateClient().GetFromJsonAsync<DirectoryPageDto>("/api/businesses", Json);

        directory!.Total.Should().Be(7);
        directory.Items.Select(b => b.Name).Should().Contain(["Edilizia Rossi S.r.l.", "Associazione Imprese Emilia"]);
        (await second.Query(db => db.Users.CountAsync())).Should().Be(7);
        var spaces = await second.CreateClient().GetFromJsonAsync<SpaceSummaryDto[]>("/api/spaces", Json);
        spaces.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "Spazio Imprese Emilia", MemberCount = 3, PolicyVersion = 1 });
        var owner = second.Browser();
        await owner.SignIn("titolare@edilizia-rossi.demo", DemoSeeder.Password);
        var mine = (await owner.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json))!;
        mine.Should().ContainSingle().Which.Name.Should().Be("Edilizia Rossi S.r.l.");
        var tenders = await second.CreateClient().GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{spaces!.Single().Id}/tenders", Json);
        tenders.Should().ContainSingle().Which.Status.Should().Be(Marketplace.Tenders.TenderStatus.Enquiries);
        var secretary = second.Browser();
        await secretary.SignIn("segreteria@associazione-imprese.demo", DemoSeeder.Password);
        (await secretary.GetFromJsonAsync<SpaceBuyerDto[]>($"/api/spaces/{spaces!.Single().Id}/buyers", Json)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Buyer = new { Name = "Comune di Casalecchio di Reno (demo)" }, Approval = Marketplace.Spaces.BuyerApproval.Approved, Mandated = false },
                "the README says the association approved the Comune, which gave no mandate");
        (await owner.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{mine.Single().Id}/inbox", Json)).Should().ContainSingle(
            "the builder's capabilities match the works lot");
        var alliances = (await owner.GetFromJsonAsync<AllianceSummaryDto[]>($"/api/businesses/{mine.Single().Id}/alliances", Json))!;
        alliances.Should().ContainSingle().Which.Name.Should().Be("RTI Scuola Rodari");
        var bid = (await owner.GetFromJsonAsync<JointBidDto>($"/api/alliances/{alliances.Single().Id}/bid", Json))!;
        // 540,000 and 248,500 of 788,500: 68.484… and 31.515… %; the cent left goes to the larger remainder.
        bid.Shares.Select(s => (s.Firm.Name, s.Percent)).Should().Equal(("Edilizia Rossi S.r.l.", 68.48m), ("Impianti Bianchi S.n.c.", 31.52m));
        bid.AwaitingSignature.Should().HaveCount(2, "the demo users sign it themselves");
    }

    [Fact]
    public async Task With_seeding_off_a_new_install_is_empty()
    {
        await using var database = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = new MarketplaceHost(database, seed: false);

        (await host.CreateClient().GetFromJsonAsync<DirectoryPageDto>("/api/businesses", Json))!.Total.Should().Be(0);
        (await host.Query(db => db.Users.CountAsync())).Should().Be(0);
    }
}
