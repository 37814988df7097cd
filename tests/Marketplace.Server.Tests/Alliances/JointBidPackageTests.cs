using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidPackageTestsOnSqlite(ClockedSqliteHost fixture) : JointBidPackageTests<ClockedSqliteHost>(fixture);

public sealed class JointBidPackageTestsOnPostgres(ClockedPostgresHost fixture) : JointBidPackageTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The joint bid as a package for the buyer's own platform: the exact content the firms signed (its SHA-256 is the digest
/// each sign-off names), a summary in Italian and English, and the firms' files; only for the alliance's people.
/// </summary>
public abstract class JointBidPackageTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<Dictionary<string, byte[]>> Entries(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using var archive = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            entries[entry.FullName] = bytes.ToArray();
        }
        return entries;
    }

    /// <summary>The builder leads an RTI with the IT firm, and the tender takes bids; the joint bid's address.</summary>
    async Task<(TenderWorld World, string Bid)> Formed()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        return (w, $"/api/alliances/{allianceId}/bid");
    }

    [Fact]
    public async Task A_member_downloads_the_signed_bid_whose_content_hashes_to_the_digest_every_firm_signed()
    {
        var (w, bid) = await Formed();
        (await w.Builder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Cablaggio e rete", 2, null, w.CoderId, new MoneyDto(150_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        var certificate = await (await TenderWorld.Upload(w.Coder, w.CoderId, "Certificazione ISO 27001.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        (await w.Coder.PostAsJsonAsync($"{bid}/documents", new AttachDocumentsRequest(w.CoderId, [certificate.Id]), Json)).EnsureSuccessStatusCode();
        var drafted = await (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.BuilderId, drafted.Digest), Json)).EnsureSuccessStatusCode();
        var signed = await (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, drafted.Digest), Json)).Read<JointBidDto>();

        var entries = await Entries(await w.Coder.GetAsync($"{bid}/package"));

        var content = entries[JointBidPackage.ContentFile];
        Convert.ToHexStringLower(SHA256.HashData(content)).Should().Be(signed.Digest, "the file is the very content the firms signed");
        signed.SignOffs.Should().HaveCount(2).And.OnlyContain(s => s.Digest == signed.Digest);
        var italian = Encoding.UTF8.GetString(entries["riepilogo.txt"]);
        italian.Should().Contain("RTI Rodari").And.Contain("Rossi Costruzioni: capofila (mandataria)").And.Contain("Verdi Informatica: mandante")
            .And.Contain("Opere murarie").And.Contain("700.000,00 EUR").And.Contain("Cantiere nei mesi estivi").And.Contain(signed.Digest)
            .And.Contain("valida per questo contenuto").And.NotContain("data per un contenuto precedente");
        Encoding.UTF8.GetString(entries["summary.txt"]).Should().Contain("Verdi Informatica: member").And.Contain("700,000.00 EUR")
            .And.Contain("valid for this content");
        entries.Should().ContainKey($"documenti/Verdi-Informatica/{certificate.Id:N}-Certificazione-ISO-27001.pdf")
            .WhoseValue.Should().Equal(TenderWorld.Pdf, "the firm's file as it uploaded it");
    }

    [Fact]
    public async Task A_sign_off_given_before_a_change_is_shown_as_given_for_an_earlier_content()
    {
        var (w, bid) = await Formed();
        var first = await (await w.Builder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.BuilderId, first.Digest), Json)).EnsureSuccessStatusCode();
        var changed = await (await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Cablaggio", 2, null, w.CoderId, new MoneyDto(1_000m, "EUR")), Json)).Read<JointBidDto>();

        var entries = await Entries(await w.Builder.GetAsync($"{bid}/package"));

        Convert.ToHexStringLower(SHA256.HashData(entries[JointBidPackage.ContentFile])).Should().Be(changed.Digest);
        Encoding.UTF8.GetString(entries["summary.txt"]).Should().NotContain("valid for this content", "the change voided the lead's sign-off")
            .And.Contain("Sign-offs missing: Rossi Costruzioni, Verdi Informatica");
    }

    [Fact]
    public async Task To_anyone_outside_the_alliance_its_package_does_not_exist()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);

        foreach (var client in new[] { w.Buyer, w.Admin, w.Outsider })
        {
            (await client.GetAsync($"/api/alliances/{allianceId}/bid/package")).StatusCode.Should().Be(HttpStatusCode.NotFound, "as for no alliance at all");
            (await client.GetAsync($"/api/alliances/{Guid.NewGuid()}/bid/package")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        (await w.Anonymous.GetAsync($"/api/alliances/{allianceId}/bid/package")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
