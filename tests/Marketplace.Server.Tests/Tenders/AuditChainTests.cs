using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.AuditVerifier;
using Marketplace.Data.Audit;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class AuditChainTestsOnSqlite(ClockedSqliteHost fixture) : AuditChainTests<ClockedSqliteHost>(fixture);

public sealed class AuditChainTestsOnPostgres(ClockedPostgresHost fixture) : AuditChainTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A tender's two audit chains: the public one tells nothing of hidden events and anyone verifies it (online, or
/// downloaded and offline against a signed checkpoint); the sealed one verifies for who may read it; any change made
/// directly in the database is found.
/// </summary>
public abstract class AuditChainTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<AuditCheckpoint> Checkpoint() => fixture.Host.Query(db => fixture.Host.Services.GetRequiredService<AuditChains>().Checkpoint(db, default));

    static async Task<AuditDto> Audit(HttpClient client, Guid tenderId) => (await client.GetFromJsonAsync<AuditDto>($"/api/tenders/{tenderId}/audit", Json))!;

    /// <summary>
    /// A firm bids, withdraws and bids again; an alliance forms, a firm joins, both sign and the lead submits the
    /// joint bid. All of it is hidden activity of a tender that keeps its bid count to itself.
    /// </summary>
    static async Task HiddenActivity(TenderWorld w, TenderDto tender)
    {
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).EnsureSuccessStatusCode();
        (await w.Builder.DeleteAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}")).EnsureSuccessStatusCode();
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 490_000m)).EnsureSuccessStatusCode();
        await w.RecordDgues();
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Impianti", "Accordo"), Json))
            .Read<AllianceDto>();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(w.CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        var bid = $"/api/alliances/{alliance.Id}/bid";
        (await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti", 2, null, w.CoderId, new MoneyDto(190_000m, "EUR")), Json))
            .EnsureSuccessStatusCode();
        var answered = await (await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Squadra mista"), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.BuilderId, answered.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, answered.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();
    }

    /// <summary>A published tender that keeps its bid count to itself, past its enquiries, with <see cref="HiddenActivity"/>.</summary>
    async Task<(TenderWorld World, TenderDto Tender)> TenderWithHiddenActivity()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "Sopralluogo?"), Json)).EnsureSuccessStatusCode();
        w.PassTo(tender.EnquiryDeadline);
        await HiddenActivity(w, tender);
        return (w, tender);
    }

    [Fact]
    public async Task A_tender_that_hides_its_bid_count_shows_everyone_the_same_public_chain_whatever_happened_out_of_sight()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var busy = await w.Publish();
        var quiet = await w.Publish(); // same moment, same terms: only the hidden activity differs
        w.PassTo(busy.EnquiryDeadline);

        await HiddenActivity(w, busy);

        foreach (var reader in new[] { w.Anonymous, w.Outsider })
        {
            var (seen, expected) = (await Audit(reader, busy.Id), await Audit(reader, quiet.Id));
            seen.Valid.Should().BeTrue();
            seen.Sealed.Should().BeNull("an outsider reads nothing of the sealed chain");
            seen.Links.Should().Be(expected.Links);
            seen.Shown.Select(l => (l.Sequence, l.Subject, l.Kind, l.At)).Should().Equal(expected.Shown.Select(l => (l.Sequence, l.Subject, l.Kind, l.At)),
                "the public chain carries no count or timing of bids, withdrawals or alliances");
            seen.Shown.Select(l => l.Sequence).Should().Equal(Enumerable.Range(1, seen.Shown.Length).Select(i => (long)i), "no gap tells of a hidden link");
        }
    }

    [Fact]
    public async Task The_public_chain_never_lists_a_bid_s_digest_even_when_the_tender_discloses_its_bid_count()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish(disclosesBidCount: true);
        w.PassTo(tender.EnquiryDeadline);
        var receipt = await (await w.Bid(w.Builder, tender.Id, w.BuilderId, 500_000m)).Read<ReceiptDto>();

        var audit = await Audit(w.Outsider, tender.Id);

        audit.Shown.Should().OnlyContain(l => l.Subject == AuditChain.TenderSubject);
        audit.Shown.Should().NotContain(l => l.Detail.Contains(receipt.Digest));
    }

    [Fact]
    public async Task The_sealed_chain_verifies_for_who_may_read_it_and_only_they_read_its_links()
    {
        var (w, tender) = await TenderWithHiddenActivity();

        var own = (await Audit(w.Builder, tender.Id)).Sealed!;
        own.Valid.Should().BeTrue();
        own.Shown.Select(l => l.Kind).Should().Equal("BidSubmitted", "BidWithdrawn", "BidSubmitted");
        (await Audit(w.Buyer, tender.Id)).Sealed.Should().BeNull("the buyer reads the bids' links only once they are opened");
        (await Audit(w.Coder, tender.Id)).Sealed.Should().BeNull("the IT firm has no bid of its own");
        var alliance = await fixture.Host.Query(db => db.Alliances.SingleAsync(a => a.TenderId == tender.Id));
        var team = (await w.Coder.GetFromJsonAsync<SealedAuditDto>($"/api/alliances/{alliance.AllianceId}/audit", Json))!;
        team.Valid.Should().BeTrue();
        team.Shown.Select(l => l.Kind).Should().Contain(["Formed", "Invited", "Joined", "SignedOff", "BidSubmitted"]);
        team.Shown.Should().NotContain(l => l.Kind == "BidWithdrawn", "the builder's own bid is not the alliance's");
        (await w.Outsider.GetAsync($"/api/alliances/{alliance.AllianceId}/audit")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        w.PassOpening(tender);

        var buyer = (await Audit(w.Buyer, tender.Id)).Sealed!;
        buyer.Valid.Should().BeTrue();
        buyer.Shown.Count(l => l.Kind == "BidSubmitted").Should().Be(3);
        buyer.Shown.Should().NotContain(l => AuditChain.IsAlliances(l.Subject), "who was invited or signed when stays the alliance's business");
        var opening = (await Audit(w.Anonymous, tender.Id)).Shown.Single(l => l.Kind == "BidsOpened");
        var sealedHead = AuditChain.SealedHeadIn(opening.Detail);
        sealedHead.Should().NotBeNull("the public opening link commits to the sealed chain");
        var sealedChain = await fixture.Host.Query(db => fixture.Host.Services.GetRequiredService<AuditChains>().Sealed(db, tender.Id, default));
        AuditChain.Extends(sealedChain.Links, sealedHead!.Value.Sequence, sealedHead.Value.Hash).Should().BeTrue();
        sealedChain.Links.Where(l => l.Kind == "BidSubmitted").Should().OnlyContain(l => l.Sequence <= sealedHead.Value.Sequence);
    }

    [Fact]
    public async Task A_joint_bid_edited_many_times_shows_its_team_every_change_in_order_and_its_stored_row_does_not_grow()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        var packages = $"/api/alliances/{allianceId}/bid/work-packages";
        var package = (await (await w.Coder.PostAsJsonAsync(packages, new SaveWorkPackageRequest(null, 0, "Cablaggio", 2, null, w.CoderId,
            new MoneyDto(100_000m, "EUR")), Json)).Read<JointBidDto>()).WorkPackages.Single();
        Task<int> StoredSize() => fixture.Host.Query(db => db.GrainStates.Where(s => s.StateName == "jointbid" && s.GrainId.EndsWith(allianceId.ToString("N")))
            .Select(s => s.Data.Length).SingleAsync());
        var afterFirst = await StoredSize();

        const int edits = 30;
        for (var i = 1; i <= edits; i++)
            package = (await (await w.Coder.PostAsJsonAsync(packages, new SaveWorkPackageRequest(package.Id, package.Version, "Cablaggio", 2, null, w.CoderId,
                new MoneyDto(100_000m + i, "EUR")), Json)).Read<JointBidDto>()).WorkPackages.Single();

        var team = (await w.Builder.GetFromJsonAsync<SealedAuditDto>($"/api/alliances/{allianceId}/audit", Json))!;
        team.Valid.Should().BeTrue();
        team.Shown.Where(l => l.Subject == AuditChain.JointBidSubject(allianceId)).Select(l => l.Kind).Should()
            .Equal(["BiddersChanged", .. Enumerable.Repeat("WorkPackageSaved", edits + 1)], "the first save took the alliance's firms, and every save is in the chain, once");
        var sequences = await fixture.Host.Query(db => db.AuditEntries.Where(e => e.TenderId == tender.Id && e.Subject == AuditChain.JointBidSubject(allianceId))
            .OrderBy(e => e.Sequence).Select(e => e.SubjectSequence).ToListAsync());
        sequences.Should().Equal(Enumerable.Range(1, edits + 2));
        // The same content (one package, a price of the same length) is stored at the same size: the earlier changes
        // are in the chain, not written again with every edit (they were: about 150 bytes more with each).
        (await StoredSize()).Should().BeLessThan(afterFirst + 200);
    }

    [Fact]
    public async Task A_signed_checkpoint_includes_the_tender_s_heads_and_the_downloaded_chain_verifies_against_it()
    {
        var (w, tender) = await TenderWithHiddenActivity();

        var checkpoint = await Checkpoint();

        var key = await w.Anonymous.GetStringAsync("/api/audit/public-key");
        var latest = (await w.Anonymous.GetFromJsonAsync<AuditCheckpointDto[]>("/api/audit/checkpoints", Json))!.First();
        latest.Should().BeEquivalentTo(AuditCheckpointDto.Of(checkpoint));
        new AuditCheckpoint(latest.Number, latest.At, latest.Tenders, latest.Root, latest.Signature).SignedBy(key).Should().BeTrue();
        var file = (await w.Anonymous.GetFromJsonAsync<AuditChainFile>($"/api/tenders/{tender.Id}/audit/chain", Json))!;
        file.Checkpoint!.Number.Should().Be(checkpoint.Number);
        file.Inclusion!.PublicSequence.Should().Be(file.HeadSequence);
        AuditChainCheck.Check(file, key).Should().Be(new AuditVerdict(AuditFinding.Holds, null));
        var audit = await Audit(w.Anonymous, tender.Id);
        audit.Finding.Should().Be(AuditFinding.Holds);
        audit.Checkpoint!.Number.Should().Be(checkpoint.Number);
    }

    [Fact]
    public async Task Each_checkpoint_blinds_the_sealed_head_afresh_so_watching_them_tells_nothing()
    {
        var (w, tender) = await TenderWithHiddenActivity();

        await Checkpoint();
        var first = (await w.Anonymous.GetFromJsonAsync<AuditChainFile>($"/api/tenders/{tender.Id}/audit/chain", Json))!.Inclusion!;
        await Checkpoint();
        var second = (await w.Anonymous.GetFromJsonAsync<AuditChainFile>($"/api/tenders/{tender.Id}/audit/chain", Json))!.Inclusion!;

        second.PublicHash.Should().Be(first.PublicHash);
        second.SealedCommitment.Should().NotBe(first.SealedCommitment, "nothing changed, yet the commitment does not repeat");
    }

    [Fact]
    public async Task The_signing_key_is_made_on_first_start_in_a_file_only_its_owner_reads()
    {
        var path = Path.GetFullPath(fixture.Host.Services.GetRequiredService<IOptions<AuditOptions>>().Value.SigningKeyFile,
            fixture.Host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath);

        File.Exists(path).Should().BeTrue();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllTextAsync(path)).Should().StartWith("-----BEGIN PRIVATE KEY-----");
        (await fixture.Host.CreateClient().GetStringAsync("/api/audit/public-key")).Should().StartWith("-----BEGIN PUBLIC KEY-----");
    }

    [Theory]
    [InlineData("Detail")]
    [InlineData("Kind")]
    [InlineData("At")]
    public async Task Altering_a_stored_public_link_is_detected_at_that_link(string field)
    {
        var (w, tender) = await TenderWithHiddenActivity();
        var victim = (await Audit(w.Anonymous, tender.Id)).Shown.Single(l => l.Kind == "QuestionAsked");

        await Alter(tender.Id, AuditChainKind.Public, victim.Sequence, field);

        var checkedAgain = await Audit(w.Anonymous, tender.Id);
        checkedAgain.Should().BeEquivalentTo(new { Valid = false, FirstBroken = victim.Sequence, Finding = AuditFinding.BrokenLink });
    }

    [Theory]
    [InlineData("Detail")]
    [InlineData("Kind")]
    [InlineData("At")]
    public async Task Altering_a_stored_sealed_link_is_detected_at_that_link(string field)
    {
        var (w, tender) = await TenderWithHiddenActivity();
        var victim = (await Audit(w.Builder, tender.Id)).Sealed!.Shown.First(l => l.Kind == "BidSubmitted");

        await Alter(tender.Id, AuditChainKind.Sealed, victim.Sequence, field);

        (await Audit(w.Builder, tender.Id)).Sealed.Should().BeEquivalentTo(new { Valid = false, FirstBroken = victim.Sequence });
        (await Audit(w.Anonymous, tender.Id)).Valid.Should().BeTrue("the public chain is another chain");
    }

    [Fact]
    public async Task Altering_the_recorded_head_is_detected()
    {
        var (w, tender) = await TenderWithHiddenActivity();
        var head = (await Audit(w.Anonymous, tender.Id)).Links;

        await fixture.Host.Query(db => db.Tenders.Where(t => t.TenderId == tender.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.AuditHeadHash, new string('a', 64))));

        (await Audit(w.Anonymous, tender.Id)).Should().BeEquivalentTo(new { Valid = false, FirstBroken = head });
    }

    [Fact]
    public async Task Cutting_a_chain_back_with_its_head_after_a_checkpoint_is_detected_against_the_checkpoint()
    {
        var (w, tender) = await TenderWithHiddenActivity();
        var before = await Audit(w.Anonymous, tender.Id);
        await Checkpoint();

        // An operator who removes the last link of each chain and moves the heads back leaves two chains that hold on their own.
        var last = before.Shown[^1];
        var sealedLength = await fixture.Host.Query(db => db.Tenders.Where(t => t.TenderId == tender.Id).Select(t => t.SealedHeadSequence).SingleAsync());
        var sealedPrevious = await fixture.Host.Query(db => db.AuditEntries.Where(e => e.TenderId == tender.Id && e.Chain == AuditChainKind.Sealed && e.Sequence == sealedLength)
            .Select(e => e.PreviousHash).SingleAsync());
        await fixture.Host.Query(async db =>
        {
            await db.AuditEntries.Where(e => e.TenderId == tender.Id && ((e.Chain == AuditChainKind.Public && e.Sequence == last.Sequence)
                || (e.Chain == AuditChainKind.Sealed && e.Sequence == sealedLength))).ExecuteDeleteAsync();
            return await db.Tenders.Where(t => t.TenderId == tender.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.AuditHeadSequence, last.Sequence - 1).SetProperty(t => t.AuditHeadHash, last.PreviousHash)
                .SetProperty(t => t.SealedHeadSequence, sealedLength - 1).SetProperty(t => t.SealedHeadHash, sealedPrevious));
        });

        (await Audit(w.Anonymous, tender.Id)).Should().BeEquivalentTo(new { Valid = false, FirstBroken = last.Sequence, Finding = AuditFinding.Rewritten });
        (await Audit(w.Builder, tender.Id)).Sealed.Should().BeEquivalentTo(new { Valid = false, FirstBroken = sealedLength });
    }

    [Fact]
    public async Task The_offline_verifier_checks_a_downloaded_chain_and_names_the_first_broken_link_of_a_tampered_one()
    {
        var (w, tender) = await TenderWithHiddenActivity();
        await Checkpoint();
        var folder = Directory.CreateTempSubdirectory("audit-download-").FullName;
        try
        {
            var (chain, key) = (Path.Combine(folder, "chain.json"), Path.Combine(folder, "public-key.pem"));
            await File.WriteAllTextAsync(key, await w.Anonymous.GetStringAsync("/api/audit/public-key"));
            await File.WriteAllBytesAsync(chain, await w.Anonymous.GetByteArrayAsync($"/api/tenders/{tender.Id}/audit/chain"));
            var output = new StringWriter();

            (await Verifier.Run([chain, key], output)).Should().Be(Verifier.Holds);
            output.ToString().Should().StartWith("OK:");

            var victim = (await Audit(w.Anonymous, tender.Id)).Shown.Single(l => l.Kind == "Published");
            await Alter(tender.Id, AuditChainKind.Public, victim.Sequence, "Detail");
            await File.WriteAllBytesAsync(chain, await w.Anonymous.GetByteArrayAsync($"/api/tenders/{tender.Id}/audit/chain"));
            output = new StringWriter();

            (await Verifier.Run([chain, key], output)).Should().Be(Verifier.Fails);
            output.ToString().Should().StartWith($"BROKEN at link {victim.Sequence}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    Task Alter(Guid tenderId, AuditChainKind chain, long sequence, string field) => fixture.Host.Query(async db =>
    {
        var row = await db.AuditEntries.SingleAsync(e => e.TenderId == tenderId && e.Chain == chain && e.Sequence == sequence);
        switch (field)
        {
            case "Detail": row.Detail += "0"; break;
            case "Kind": row.Kind = "Cancelled"; break;
            default: row.At = row.At.AddSeconds(-1); break;
        }
        return await db.SaveChangesAsync();
    });
}
