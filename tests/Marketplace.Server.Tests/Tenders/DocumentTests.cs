using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;
using static Marketplace.Server.Tests.Tenders.TenderWorld;

namespace Marketplace.Server.Tests.Tenders;

public sealed class DocumentTestsOnSqlite(ClockedSqliteHost fixture) : DocumentTests<ClockedSqliteHost>(fixture);

public sealed class DocumentTestsOnPostgres(ClockedPostgresHost fixture) : DocumentTests<ClockedPostgresHost>(fixture);

/// <summary>Tender and bid documents: stored whole, typed by their content, downloadable only by those who may see what they are attached to.</summary>
public abstract class DocumentTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    [Fact]
    public async Task A_tender_document_is_stored_whole_and_public_once_published()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var uploaded = await Upload(w.Buyer, w.BuyerId, "Capitolato speciale.pdf", Pdf);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created);
        var document = await uploaded.Read<DocumentDto>();
        document.Should().BeEquivalentTo(new { Name = "Capitolato speciale.pdf", ContentType = "application/pdf", Size = Pdf.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf)) });

        var draft = await w.Draft(request: w.Request() with { Documents = [document.Id] });
        (await w.Anonymous.GetAsync($"/api/tenders/{draft.Id}/documents/{document.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft's files are the buyer's");
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();

        var download = await w.Anonymous.GetAsync($"/api/tenders/{draft.Id}/documents/{document.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
    }

    [Fact]
    public async Task Files_are_refused_for_their_type_size_or_owner()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        (await Upload(w.Buyer, w.BuyerId, "virus.exe", Pdf)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var fake = await Upload(w.Buyer, w.BuyerId, "finto.pdf", "MZ not a pdf"u8.ToArray());
        (await fake.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("body");
        var huge = new byte[DocumentEndpoints.MaxDocumentBytes + 1];
        "%PDF-"u8.CopyTo(huge);
        (await Upload(w.Buyer, w.BuyerId, "enorme.pdf", huge)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Upload(w.Builder, w.BuyerId, "altrui.pdf", Pdf)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var theirs = await (await Upload(w.Builder, w.BuilderId, "offerta.pdf", Pdf)).Read<DocumentDto>();
        var draft = await w.Buyer.PostAsJsonAsync("/api/tenders", w.Request() with { Documents = [theirs.Id] }, Json);
        (await draft.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("documents[0]");
    }

    [Fact]
    public async Task A_bid_document_is_sealed_like_the_bid()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        var offer = await (await Upload(w.Builder, w.BuilderId, "Offerta tecnica.pdf", Pdf)).Read<DocumentDto>();
        (await w.Builder.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", new SubmitBidRequest(
            [new LotPriceRequest(1, new MoneyDto(500_000m, "EUR"))], [new AnswerRequest(2, "Vedi allegato")], [offer.Id]), Json)).EnsureSuccessStatusCode();
        var path = $"/api/tenders/{tender.Id}/bids/{w.BuilderId}/documents/{offer.Id}";

        (await w.Buyer.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Builder.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
        w.PassOpening(tender);
        (await (await w.Buyer.GetAsync(path)).Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        (await w.Coder.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
