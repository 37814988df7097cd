using System.Security.Cryptography;
using System.Text;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

public sealed class AuditChainTests
{
    static readonly Guid TenderId = Guid.NewGuid(), BidId = Guid.NewGuid();

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Four links, built one after another: three of the tender's own events and one of a bid.</summary>
    static List<AuditLink> Chain()
    {
        (string Subject, string Kind, string Detail)[] events =
        [
            (AuditChain.TenderSubject, "Drafted", "details=abc"),
            (AuditChain.TenderSubject, "Published", "details=abc"),
            (BidId.ToString("N"), "BidSubmitted", "submission=1;digest=def"),
            (AuditChain.TenderSubject, "EnquiriesClosed", ""),
        ];
        var links = new List<AuditLink>();
        var previous = AuditChain.Genesis;
        for (var i = 0; i < events.Length; i++)
        {
            var link = AuditChain.Link(TenderId, AuditChainKind.Public, i + 1, events[i].Subject, events[i].Kind, events[i].Detail, Now.AddMinutes(i), previous);
            links.Add(link);
            previous = link.Hash;
        }
        return links;
    }

    static AuditLink Tamper(AuditLink link, string field) => field switch
    {
        "kind" => link with { Kind = "Cancelled" },
        "detail" => link with { Detail = link.Detail + ";x=1" },
        "at" => link with { At = link.At.AddTicks(10) },
        "subject" => link with { Subject = Guid.NewGuid().ToString("N") },
        "hash" => link with { Hash = new string('f', 64) },
        "previousHash" => link with { PreviousHash = new string('e', 64) },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static TheoryData<string, int> Tamperings()
    {
        var data = new TheoryData<string, int>();
        foreach (var field in new[] { "kind", "detail", "at", "subject", "hash", "previousHash" })
            foreach (var sequence in new[] { 1, 2, 3, 4 })
                data.Add(field, sequence);
        return data;
    }

    [Fact]
    public void A_chain_built_link_by_link_verifies()
    {
        var links = Chain();

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, links[^1].Hash).Should().BeNull();
    }

    [Fact]
    public void Each_link_points_at_the_hash_of_the_one_before()
    {
        var links = Chain();

        links.Select(l => l.PreviousHash).Should().Equal(AuditChain.Genesis, links[0].Hash, links[1].Hash, links[2].Hash);
    }

    [Fact]
    public void An_empty_chain_with_an_empty_head_verifies() =>
        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, [], 0, AuditChain.Genesis).Should().BeNull();

    [Fact]
    public void A_link_s_hash_covers_the_tender_its_sequence_content_time_and_predecessor()
    {
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var expected = Sha256(string.Join('\n', TenderId.ToString("N"), "public", "1", "tender", "Drafted", "details=abc", at.UtcTicks.ToString(), AuditChain.Genesis));

        AuditChain.Link(TenderId, AuditChainKind.Public, 1, AuditChain.TenderSubject, "Drafted", "details=abc", at, AuditChain.Genesis).Hash.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Changing_any_field_of_any_link_is_detected_at_that_link(string field, int sequence)
    {
        var links = Chain();
        var head = links[^1].Hash;
        links[sequence - 1] = Tamper(links[sequence - 1], field);

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, head).Should().Be(sequence);
    }

    [Fact]
    public void Removing_the_last_link_is_detected_through_the_head()
    {
        var links = Chain();
        var head = links[^1].Hash;

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links[..3], 4, head).Should().Be(4);
    }

    [Fact]
    public void Rewriting_the_last_link_with_a_fresh_hash_is_detected_at_that_link_through_the_head()
    {
        var links = Chain();
        var head = links[^1].Hash;
        links[3] = AuditChain.Link(TenderId, AuditChainKind.Public, 4, AuditChain.TenderSubject, "Cancelled", "", links[3].At, links[2].Hash);

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, head).Should().Be(4);
    }

    [Fact]
    public void A_link_beyond_the_recorded_head_is_detected()
    {
        var links = Chain();
        var head = links[^1].Hash;
        links.Add(AuditChain.Link(TenderId, AuditChainKind.Public, 5, AuditChain.TenderSubject, "Cancelled", "", Now.AddHours(1), head));

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, head).Should().Be(5);
    }

    [Fact]
    public void A_gap_in_the_sequence_is_detected_where_it_starts()
    {
        var links = Chain();
        var head = links[^1].Hash;
        links.RemoveAt(1);

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, head).Should().Be(2);
    }

    [Fact]
    public void A_gap_is_detected_even_when_every_hash_was_recomputed()
    {
        var links = new List<AuditLink>();
        var previous = AuditChain.Genesis;
        foreach (var sequence in new[] { 1, 2, 4, 5 })
        {
            links.Add(AuditChain.Link(TenderId, AuditChainKind.Public, sequence, AuditChain.TenderSubject, "Scored", "", Now, previous));
            previous = links[^1].Hash;
        }

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, previous).Should().Be(3);
    }

    [Fact]
    public void Reordered_links_are_detected()
    {
        var links = Chain();
        var head = links[^1].Hash;
        (links[1], links[2]) = (links[2], links[1]);

        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, links, 4, head).Should().Be(2);
    }

    [Fact]
    public void A_chain_is_verified_only_for_its_own_tender()
    {
        var links = Chain();

        AuditChain.FirstBroken(Guid.NewGuid(), AuditChainKind.Public, links, 4, links[^1].Hash).Should().Be(1);
    }

    [Fact]
    public void A_chain_is_verified_only_as_the_chain_it_was_built_for()
    {
        var links = Chain();

        AuditChain.FirstBroken(TenderId, AuditChainKind.Sealed, links, 4, links[^1].Hash).Should().Be(1, "a public link cannot pass for a sealed one");
    }

    [Fact]
    public void The_opening_s_detail_gives_back_the_sealed_head_it_records()
    {
        var detail = $"bids=2;digests=abc;{AuditChain.SealedHeadDetail(7, new string('c', 64))}";

        AuditChain.SealedHeadIn(detail).Should().Be((7L, new string('c', 64)));
        AuditChain.SealedHeadIn("bids=2;digests=abc").Should().BeNull();
    }

    [Fact]
    public void A_chain_extends_an_earlier_head_only_while_it_still_holds_that_link()
    {
        var links = Chain();

        AuditChain.Extends(links, 2, links[1].Hash).Should().BeTrue();
        AuditChain.Extends(links, 0, AuditChain.Genesis).Should().BeTrue();
        AuditChain.Extends(links, 2, links[2].Hash).Should().BeFalse();
        AuditChain.Extends(links[..1], 2, links[1].Hash).Should().BeFalse("the chain was cut back");
    }

    [Fact]
    public void An_empty_chain_is_broken_when_the_head_says_it_has_links() =>
        AuditChain.FirstBroken(TenderId, AuditChainKind.Public, [], 2, new string('a', 64)).Should().Be(1);

    // Bid seal

    static readonly Guid FixedTender = Guid.Parse("11111111-1111-1111-1111-111111111111");
    static readonly Guid FixedBid = Guid.Parse("22222222-2222-2222-2222-222222222222");
    static readonly Guid FixedFirm = Guid.Parse("33333333-3333-3333-3333-333333333333");
    static readonly DocumentRef Offer = new(Guid.Parse("44444444-4444-4444-4444-444444444444"), "offerta.pdf", "application/pdf", 2048, new string('c', 64));

    static SealedBid Sealed() => new(FixedTender, FixedBid, 1, [new Tenderer(FixedFirm, TendererRole.Lead)],
        [new LotPrice(1, new Money(1500.50m, "EUR"))], [new CriterionAnswer(2, "Squadra di 4 giardinieri")], [Offer], "0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    [Fact]
    public void The_digest_is_the_sha256_of_the_canonical_camel_case_json()
    {
        var json = """
            {"tenderId":"11111111-1111-1111-1111-111111111111","bidId":"22222222-2222-2222-2222-222222222222","submission":1,
            "tenderers":[{"firmId":"33333333-3333-3333-3333-333333333333","role":0}],
            "lots":[{"lot":1,"price":{"amount":1500.50,"currency":"EUR"}}],
            "answers":[{"criterion":2,"text":"Squadra di 4 giardinieri"}],
            "documents":[{"id":"44444444-4444-4444-4444-444444444444","name":"offerta.pdf","contentType":"application/pdf","size":2048,
            "sha256":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"}],"salt":"0f1e2d3c4b5a69788796a5b4c3d2e1f0"}
            """.ReplaceLineEndings("");

        BidSeal.Digest(Sealed()).Should().Be(Sha256(json));
    }

    [Fact]
    public void Equal_content_has_the_same_digest() =>
        BidSeal.Digest(Sealed()).Should().Be(BidSeal.Digest(Sealed()));

    [Theory]
    [InlineData("price")]
    [InlineData("currency")]
    [InlineData("lot")]
    [InlineData("answer")]
    [InlineData("tenderer")]
    [InlineData("role")]
    [InlineData("document")]
    [InlineData("no document")]
    [InlineData("submission")]
    public void Any_change_to_the_content_changes_the_digest(string change)
    {
        var bid = Sealed();
        var changed = change switch
        {
            "price" => bid with { Lots = [new LotPrice(1, new Money(1500.51m, "EUR"))] },
            "currency" => bid with { Lots = [new LotPrice(1, new Money(1500.50m, "CHF"))] },
            "lot" => bid with { Lots = [new LotPrice(2, new Money(1500.50m, "EUR"))] },
            "answer" => bid with { Answers = [new CriterionAnswer(2, "Squadra di 5 giardinieri")] },
            "tenderer" => bid with { Tenderers = [new Tenderer(Guid.NewGuid(), TendererRole.Lead)] },
            "role" => bid with { Tenderers = [new Tenderer(FixedFirm, TendererRole.Member)] },
            "document" => bid with { Documents = [Offer with { Sha256 = new string('d', 64) }] },
            "no document" => bid with { Documents = [] },
            "submission" => bid with { Submission = 2 },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        BidSeal.Digest(changed).Should().NotBe(BidSeal.Digest(bid));
    }

    [Fact]
    public void Tender_details_have_a_digest_that_follows_their_content()
    {
        var details = Details();

        BidSeal.Digest(details).Should().Be(BidSeal.Digest(Details()));
        BidSeal.Digest(details with { Title = "Altro titolo" }).Should().NotBe(BidSeal.Digest(details));
    }

    [Fact]
    public void A_lot_s_requirements_are_part_of_the_digest_and_a_lot_without_any_hashes_as_before_they_existed()
    {
        var details = Details();
        var school = new Marketplace.Qualifications.LotRequirements(new("OG1", 850_000m), [new("OS30", 200_000m)], null, null, 30, false);
        TenderDetails With(Marketplace.Qualifications.LotRequirements r) => details with { Lots = [details.Lots[0] with { Requirements = r }, .. details.Lots[1..]] };

        System.Text.Json.JsonSerializer.Serialize(details, System.Text.Json.JsonSerializerOptions.Web).Should().NotContain("requirements");
        BidSeal.Digest(With(school)).Should().NotBe(BidSeal.Digest(details));
        BidSeal.Digest(With(school with { Separable = [new("OS30", 200_000m, MaySubcontract: false)] })).Should().NotBe(BidSeal.Digest(With(school)));
    }
}
