using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Alliances;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class SealedStorageTestsOnSqlite(ClockedSqliteHost fixture) : SealedStorageTests<ClockedSqliteHost>(fixture);

public sealed class SealedStorageTestsOnPostgres(ClockedPostgresHost fixture) : SealedStorageTests<ClockedPostgresHost>(fixture);

/// <summary>
/// Findings 1 and 2 of issue #10, against whoever holds the database: before opening it shows no price, answer or
/// document byte of a bid or a joint bid draft; and what the buyer opens is re-verified against the receipts in the
/// audit chain, so changing rows changes no ranking and a tampered bid is shown as such, never ranked.
/// </summary>
public abstract class SealedStorageTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    const decimal BidPrice = 987_654.32m, DraftPrice = 876_543.21m;
    const string BidAnswer = "Risposta riservata ZX-4417", DraftAnswer = "Risposta congiunta riservata QW-9931";
    static readonly byte[] BidFile = [.. "%PDF-1.7\n"u8.ToArray(), .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("SEGRETO-DOC-5521 ", 200)))];
    static readonly byte[] DraftFile = [.. "%PDF-1.7\n"u8.ToArray(), .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("SEGRETO-RTI-7788 ", 200)))];

    [Fact]
    public async Task A_database_dump_before_the_deadline_holds_no_price_answer_or_document_byte()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var alone = await w.Publish();
        var joint = await w.Publish();
        var alliance = await (await w.Coder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.CoderId, w.SpaceId, joint.Id, "RTI Riservata", "Accordo"), Json)).Read<AllianceDto>();
        w.PassTo(alone.EnquiryDeadline);

        var file = await (await TenderWorld.Upload(w.Builder, w.BuilderId, "offerta.pdf", BidFile)).Read<DocumentDto>();
        var receipt = await (await w.Builder.PutAsJsonAsync($"/api/tenders/{alone.Id}/bids/{w.BuilderId}", new SubmitBidRequest(
            [new LotPriceRequest(1, new MoneyDto(BidPrice, "EUR"))], [new AnswerRequest(2, BidAnswer)], [file.Id]), Json)).Read<ReceiptDto>();
        var draft = $"/api/alliances/{alliance.Id}/bid";
        (await w.Coder.PostAsJsonAsync($"{draft}/work-packages", new SaveWorkPackageRequest(null, 0, "Rete", 2, null, w.CoderId, new MoneyDto(DraftPrice, "EUR")), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PutAsJsonAsync($"{draft}/answers/2", new SaveAnswerRequest(0, DraftAnswer), Json)).EnsureSuccessStatusCode();
        var draftFile = await (await TenderWorld.Upload(w.Coder, w.CoderId, "piano.pdf", DraftFile)).Read<DocumentDto>();
        (await w.Coder.PostAsJsonAsync($"{draft}/documents", new AttachDocumentsRequest(w.CoderId, [draftFile.Id]), Json)).EnsureSuccessStatusCode();

        var (text, bytes) = await Dump();

        text.Should().Contain(receipt.Digest).And.Contain(file.Sha256).And.Contain(draftFile.Sha256, "the dump reads the bid's and the files' rows");
        foreach (var price in new[] { BidPrice, DraftPrice })
        {
            text.Should().NotContain(price.ToString(CultureInfo.InvariantCulture)).And.NotContain(price.ToString("0.00", CultureInfo.GetCultureInfo("it-IT")));
            // In cents the price is digits only, which a GUID, a digest or a ciphertext may hold by chance: it counts as a
            // number only when nothing of such a token touches it.
            var cents = (price * 100).ToString("0", CultureInfo.InvariantCulture);
            Regex.IsMatch(text, $@"(?<![0-9A-Za-z+/_-]){cents}(?![0-9A-Za-z+/=_-])").Should().BeFalse($"the price in cents, {cents}, must not be stored");
        }
        text.Should().NotContain(BidAnswer).And.NotContain(DraftAnswer).And.NotContain(receipt.Salt!);
        foreach (var marker in new[] { "SEGRETO-DOC-5521", "SEGRETO-RTI-7788" })
            bytes.Where(b => Contains(b, Encoding.ASCII.GetBytes(marker))).Should().BeEmpty(marker);

        // The bidder still reads its own bid and file, and the alliance its draft.
        (await w.Builder.GetFromJsonAsync<BidDto>($"/api/tenders/{alone.Id}/bids/{w.BuilderId}", Json))!.Lots.Single().Price.Amount.Should().Be(BidPrice);
        (await w.Builder.GetByteArrayAsync($"/api/tenders/{alone.Id}/bids/{w.BuilderId}/documents/{file.Id}")).Should().Equal(BidFile);
        (await w.Coder.GetFromJsonAsync<JointBidDto>(draft, Json))!.Answers.Single().Text.Should().Be(DraftAnswer);
        (await w.Coder.GetByteArrayAsync($"{draft}/documents/{draftFile.Id}")).Should().Equal(DraftFile);
    }

    [Fact]
    public async Task Changing_a_price_in_the_bid_rows_before_the_deadline_changes_no_ranking()
    {
        var (w, tender) = await TwoBids();
        var coderBid = await BidIdOf(tender.Id, w.CoderId);
        await fixture.Host.Query(db => db.BidLots.Where(l => l.BidId == coderBid)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Amount, 1m).SetProperty(l => l.Currency, "EUR")));
        w.PassOpening(tender);

        var evaluation = await Evaluation(w, tender.Id);
        evaluation.IntegrityFailures.Should().BeEmpty();
        evaluation.Lots.Single(l => l.Lot == 1).Ranking.Select(r => (r.BidderId, r.Price.Amount)).Should()
            .Equal((w.BuilderId, 500_000m), (w.CoderId, 600_000m));
        (await fixture.Host.Query(db => db.BidLots.Where(l => l.TenderId == tender.Id).OrderBy(l => l.Amount).Select(l => l.Amount).ToListAsync()))
            .Should().Equal([500_000m, 600_000m], "the rows get the verified prices at opening");
    }

    [Fact]
    public async Task A_sealed_bid_whose_ciphertext_was_altered_is_opened_as_an_integrity_failure_and_never_ranked()
    {
        var (w, tender) = await TwoBids();
        var row = await SealedRowOf(w.CoderId);
        await fixture.Host.Query(db => db.GrainStates.Where(s => s.GrainId == row.GrainId && s.StateName == "bid")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Data, Altered(row.Data))));
        w.PassOpening(tender);

        await ShouldBeUnranked(w, tender.Id, w.CoderId, BidIntegrityFailure.Unreadable);
    }

    [Fact]
    public async Task An_older_sealed_state_put_back_is_opened_as_an_integrity_failure_and_never_ranked()
    {
        var (w, tender) = await TwoBids();
        var older = await SealedRowOf(w.CoderId);
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();
        await fixture.Host.Query(db => db.GrainStates.Where(s => s.GrainId == older.GrainId && s.StateName == "bid")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Data, older.Data)));
        w.PassOpening(tender);

        await ShouldBeUnranked(w, tender.Id, w.CoderId, BidIntegrityFailure.ReceiptMissing);
    }

    [Fact]
    public async Task A_receipt_digest_replaced_in_the_audit_rows_is_shown_as_a_broken_chain_and_nothing_is_ranked_on_it()
    {
        var (w, tender) = await TwoBids();
        var coderBid = (await BidIdOf(tender.Id, w.CoderId)).ToString("N");
        await fixture.Host.Query(db => db.AuditEntries.Where(e => e.TenderId == tender.Id && e.Subject == coderBid && e.Kind == "BidSubmitted")
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, BidSeal.ReceiptDetail(1, new string('0', 64)))));
        w.PassOpening(tender);

        await ShouldBeUnranked(w, tender.Id, w.CoderId, BidIntegrityFailure.ChainBroken);
        (await Evaluation(w, tender.Id)).Lots.Should().AllSatisfy(l => l.Ranking.Should().BeEmpty("a broken chain vouches for no receipt"));
    }

    async Task<(TenderWorld World, TenderDto Tender)> TwoBids()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 600_000m)).EnsureSuccessStatusCode();
        return (w, tender);
    }

    async Task ShouldBeUnranked(TenderWorld w, Guid tenderId, Guid bidderId, BidIntegrityFailure reason)
    {
        var evaluation = await Evaluation(w, tenderId);
        var bidId = await BidIdOf(tenderId, bidderId);
        evaluation.IntegrityFailures.Should().ContainSingle(f => f.BidderId == bidderId)
            .Which.Should().BeEquivalentTo(new { BidId = bidId, BidderName = "Verdi Informatica", Reason = reason });
        evaluation.Lots.SelectMany(l => l.Ranking).Should().NotContain(r => r.BidderId == bidderId);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tenderId}/scores", new ScoreRequest(bidId, 2, 80), Json)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await w.Buyer.GetAsync($"/api/tenders/{tenderId}/bids/{bidderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the buyer reads no tampered content");
        var audit = await w.Buyer.GetFromJsonAsync<AuditDto>($"/api/tenders/{tenderId}/audit", Json);
        audit!.Shown.Should().Contain(l => l.Kind == "BidIntegrityFailed" && l.Detail == $"bid={bidId:N};reason={reason}");
        var result = $"/api/tenders/{tenderId}/bids/{bidderId}/result";
        (await (await w.Coder.GetAsync(result)).Refusal()).Should().BeEquivalentTo(
            new { Status = HttpStatusCode.Conflict, Code = "bid.excluded", Args = new Dictionary<string, string> { ["reason"] = reason.ToString() } },
            "the bidder's people are told their bid was excluded and why, as the buyer is");
        (await w.Builder.GetAsync(result)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another bidder learns nothing of it");
    }

    static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    static async Task<EvaluationDto> Evaluation(TenderWorld w, Guid tenderId) =>
        (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tenderId}/evaluation", Json))!;

    Task<Guid> BidIdOf(Guid tenderId, Guid bidderId) =>
        fixture.Host.Query(db => db.Bids.Where(b => b.TenderId == tenderId && b.BidderId == bidderId).Select(b => b.BidId).SingleAsync());

    Task<Data.Storage.GrainStateRecord> SealedRowOf(Guid bidderId) => fixture.Host.Query(db =>
        db.GrainStates.AsNoTracking().SingleAsync(s => s.StateName == "bid" && s.GrainId.EndsWith(bidderId.ToString("N"))));

    /// <summary>One character of the sealed bytes changed (still valid base64), as an operator editing the row would.</summary>
    static string Altered(string sealedData)
    {
        var at = sealedData.Length - 10;
        return sealedData[..at] + (sealedData[at] == 'A' ? 'B' : 'A') + sealedData[(at + 1)..];
    }

    /// <summary>Every value of every column of every table, read through the provider's own catalog: as text, and raw bytes.</summary>
    async Task<(string Text, List<byte[]> Bytes)> Dump() => await fixture.Host.Query(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var catalog = connection.CreateCommand())
        {
            catalog.CommandText = db.Database.IsNpgsql()
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await catalog.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        tables.Should().Contain(["grain_states", "bid_lots", "documents", "audit_entries"]);
        var text = new StringBuilder();
        var bytes = new List<byte[]>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    if (value is byte[] raw) bytes.Add(raw);
                    text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
                }
        }
        return (text.ToString(), bytes);
    });
}
