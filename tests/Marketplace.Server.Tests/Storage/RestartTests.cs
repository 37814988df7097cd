using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Storage;

/// <summary>Everything a user did is still there after the whole server (silo included) stops and starts again.</summary>
public sealed class RestartTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Profiles_read_models_and_sign_ins_survive_a_full_restart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        var cookies = new CookieContainer(); // the same browser before and after the restart
        BusinessProfileDto saved;
        await using (var before = new MarketplaceHost(database))
        {
            var owner = before.CreateDefaultClient(new CookieContainerHandler(cookies));
            await owner.SignUp();
            var created = await owner.CreateBusiness("Studio Tecnico Neri");
            saved = await (await owner.EditProfile(created.Id, EditOf(created) with { Capabilities = ["71000000"], ComuneCode = "035033" }))
                .Read<BusinessProfileDto>();
        }

        await using var after = new MarketplaceHost(database);
        var sameBrowser = after.CreateDefaultClient(new CookieContainerHandler(cookies));

        (await sameBrowser.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{saved.Id}", Json)).Should().BeEquivalentTo(saved);
        (await sameBrowser.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().ContainSingle(b => b.Id == saved.Id);
        (await sameBrowser.GetFromJsonAsync<DirectoryPageDto>("/api/businesses?q=neri", Json))!.Items.Should().ContainSingle()
            .Which.ComuneName.Should().Be("Reggio nell'Emilia");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_joint_bid_with_its_files_and_sign_offs_survives_a_full_restart_and_is_submitted_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        JointBidDto signed, seenByLead;
        string leadEmail, memberEmail;
        await using (var before = new MarketplaceHost(database, clock: clock))
        {
            before.StartServer();
            var w = await TenderWorld.Create(before, clock);
            var tender = await w.Publish();
            var allianceId = await w.FormRti(tender.Id);
            w.PassTo(tender.EnquiryDeadline); // bids are taken
            var bid = $"/api/alliances/{allianceId}/bid";
            (await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Cablaggio", 1, null, w.CoderId, new MoneyDto(150_000.25m, "EUR")), Json)).EnsureSuccessStatusCode();
            (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere d'estate"), Json)).EnsureSuccessStatusCode();
            var offer = await (await TenderWorld.Upload(w.Builder, w.BuilderId, "Offerta tecnica.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
            var attached = await (await w.Builder.PostAsJsonAsync($"{bid}/documents", new AttachDocumentsRequest(w.BuilderId, [offer.Id]), Json)).Read<JointBidDto>();
            signed = await (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, attached.Digest), Json)).Read<JointBidDto>();
            seenByLead = (await w.Builder.GetFromJsonAsync<JointBidDto>(bid, Json))!; // a snapshot answers for its viewer
            leadEmail = (await w.Builder.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Email;
            memberEmail = (await w.Coder.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Email;
        }

        await using var after = new MarketplaceHost(database, clock: clock);
        var lead = after.Browser();
        await lead.SignIn(leadEmail);
        var path = $"/api/alliances/{signed.AllianceId}/bid";
        (await lead.GetFromJsonAsync<JointBidDto>(path, Json)).Should().BeEquivalentTo(seenByLead, "the content, its digest, versions and the member's signature are stored");
        (await (await lead.GetAsync($"{path}/documents/{signed.Documents[0].Document.Id}")).Content.ReadAsByteArrayAsync()).Should().Equal(TenderWorld.Pdf);
        var member = after.Browser();
        await member.SignIn(memberEmail);
        (await member.PostAsJsonAsync($"{path}/sign", new SignRequest(signed.WorkPackages[0].Firm.Id, signed.Digest), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "the member already signed this version before the restart");
        (await lead.PostAsJsonAsync($"{path}/sign", new SignRequest(signed.AwaitingSignature.Single().Id, signed.Digest), Json)).EnsureSuccessStatusCode();
        var submit = await lead.PostAsync($"{path}/submit", null);
        submit.EnsureSuccessStatusCode();
        (await submit.Read<JointBidDto>()).Receipt!.ReceivedAt.Should().Be(clock.GetUtcNow());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Bids_sealed_before_a_restart_are_opened_after_it_with_the_same_key_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        TenderDto tender;
        ReceiptDto receipt;
        string buyerEmail;
        Guid builderId;
        await using (var before = new MarketplaceHost(database, clock: clock))
        {
            before.StartServer();
            var w = await TenderWorld.Create(before, clock);
            tender = await w.Publish();
            w.PassTo(tender.EnquiryDeadline);
            receipt = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 543_210.99m)).Read<ReceiptDto>();
            buyerEmail = (await w.Buyer.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Email;
            builderId = w.BuilderId;
        }

        await using var after = new MarketplaceHost(database, clock: clock);
        var buyer = after.Browser();
        await buyer.SignIn(buyerEmail);
        clock.SetUtcNow(tender.SubmissionDeadline + new Marketplace.Tenders.TenderOptions().OpeningGrace + TimeSpan.FromSeconds(1));

        var evaluation = (await buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!;
        evaluation.IntegrityFailures.Should().BeEmpty();
        evaluation.Lots.Single(l => l.Lot == 1).Ranking.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { BidderId = builderId, Price = new MoneyDto(543_210.99m, "EUR"), receipt.Digest });
    }
}
