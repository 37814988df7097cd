using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Tenders;

namespace Marketplace.AuditVerifier.Tests;

/// <summary>The offline verifier on chain files built with the canonical form, as the server builds its downloads.</summary>
public sealed class VerifierTests : IDisposable
{
    static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string folder = Directory.CreateTempSubdirectory("audit-verifier-").FullName;
    readonly ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    readonly Guid tenderId = Guid.NewGuid();

    public void Dispose()
    {
        serverKey.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    static AuditLink[] Links(Guid tenderId, params string[] kinds)
    {
        var links = new List<AuditLink>();
        foreach (var kind in kinds)
            links.Add(AuditChain.Link(tenderId, AuditChainKind.Public, links.Count + 1, AuditChain.TenderSubject, kind, "", Now.AddHours(links.Count),
                links.Count == 0 ? AuditChain.Genesis : links[^1].Hash));
        return [.. links];
    }

    /// <summary>A checkpoint over this tender (with <paramref name="links"/> as its public chain) and two others, signed by the server's key.</summary>
    AuditChainFile Checkpointed(AuditLink[] links)
    {
        var heads = new[] { (Id: Guid.NewGuid(), Links: Links(Guid.NewGuid(), "Drafted")), (Id: tenderId, Links: links), (Id: Guid.NewGuid(), Links: Links(Guid.NewGuid(), "Drafted", "Published")) };
        var commitments = heads.Select(h => AuditMerkle.SealedCommitment(h.Id, 0, AuditChain.Genesis, RandomNumberGenerator.GetHexString(64, true))).ToArray();
        var leaves = heads.Select((h, i) => AuditMerkle.Leaf(h.Id, h.Links.Length, h.Links[^1].Hash, commitments[i])).ToArray();
        var root = AuditMerkle.Root(leaves);
        var checkpoint = new AuditCheckpoint(7, Now.AddDays(1), 3, root, AuditCheckpoint.Sign(serverKey, 7, Now.AddDays(1), 3, root));
        return new AuditChainFile(tenderId, links, links.Length, links[^1].Hash, checkpoint,
            new AuditInclusion(1, links.Length, links[^1].Hash, commitments[1], AuditMerkle.Proof(leaves, 1)));
    }

    async Task<(int Code, string Output)> Verify(AuditChainFile file, ECDsa? key = null)
    {
        var chain = Path.Combine(folder, "chain.json");
        var pem = Path.Combine(folder, "public-key.pem");
        await File.WriteAllTextAsync(chain, JsonSerializer.Serialize(file, Json));
        await File.WriteAllTextAsync(pem, (key ?? serverKey).ExportSubjectPublicKeyInfoPem());
        var output = new StringWriter();
        var code = await Verifier.Run([chain, pem], output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task A_downloaded_chain_whose_head_is_in_a_signed_checkpoint_is_OK()
    {
        var (code, output) = await Verify(Checkpointed(Links(tenderId, "Drafted", "Published", "QuestionAsked", "EnquiriesClosed")));

        code.Should().Be(Verifier.Holds);
        output.Should().StartWith("OK:").And.Contain("4 links").And.Contain("checkpoint #7");
    }

    [Fact]
    public async Task A_chain_that_grew_after_the_checkpoint_is_OK()
    {
        var file = Checkpointed(Links(tenderId, "Drafted", "Published"));
        var longer = Links(tenderId, "Drafted", "Published", "EnquiriesClosed");

        var (code, _) = await Verify(file with { Links = longer, HeadSequence = 3, HeadHash = longer[^1].Hash });

        code.Should().Be(Verifier.Holds);
    }

    [Theory]
    [InlineData("Detail")]
    [InlineData("Kind")]
    [InlineData("At")]
    public async Task A_tampered_link_is_reported_as_the_first_broken_one(string field)
    {
        var file = Checkpointed(Links(tenderId, "Drafted", "Published", "QuestionAsked", "EnquiriesClosed"));
        var links = file.Links.ToArray();
        links[2] = field switch
        {
            "Detail" => links[2] with { Detail = "question=1" },
            "Kind" => links[2] with { Kind = "Cancelled" },
            _ => links[2] with { At = links[2].At.AddSeconds(-1) },
        };

        var (code, output) = await Verify(file with { Links = links });

        code.Should().Be(Verifier.Fails);
        output.Should().StartWith("BROKEN at link 3");
    }

    [Fact]
    public async Task A_chain_cut_back_and_rehashed_after_the_checkpoint_is_reported_as_rewritten()
    {
        var file = Checkpointed(Links(tenderId, "Drafted", "Published", "QuestionAsked"));
        var rewritten = Links(tenderId, "Drafted", "Published");

        var (code, output) = await Verify(file with { Links = rewritten, HeadSequence = 2, HeadHash = rewritten[^1].Hash });

        code.Should().Be(Verifier.Fails);
        output.Should().StartWith("REWRITTEN at link 3");
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (code, output) = await Verify(Checkpointed(Links(tenderId, "Drafted", "Published")), other);

        code.Should().Be(Verifier.Fails);
        output.Should().StartWith("BAD SIGNATURE");
    }

    [Fact]
    public async Task Another_tender_s_proof_does_not_include_this_tender()
    {
        var file = Checkpointed(Links(tenderId, "Drafted", "Published"));

        var otherId = Guid.NewGuid();
        var links = Links(otherId, "Drafted", "Published");

        var (code, output) = await Verify(file with { TenderId = otherId, Links = links, HeadHash = links[^1].Hash });

        code.Should().Be(Verifier.Fails);
        output.Should().StartWith("NOT INCLUDED");
    }

    [Fact]
    public async Task A_chain_no_checkpoint_covers_yet_holds_but_is_not_anchored()
    {
        var links = Links(tenderId, "Drafted", "Published");

        var (code, output) = await Verify(new AuditChainFile(tenderId, links, 2, links[^1].Hash, null, null));

        code.Should().Be(Verifier.Fails);
        output.Should().StartWith("NOT ANCHORED");
    }

    [Fact]
    public async Task Without_two_arguments_it_says_how_to_use_it()
    {
        var output = new StringWriter();

        (await Verifier.Run(["chain.json"], output)).Should().Be(Verifier.Usage);
        output.ToString().Should().Contain("/api/tenders/{id}/audit/chain");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    public void Every_leaf_s_proof_leads_to_the_root(int count)
    {
        var leaves = Enumerable.Range(0, count).Select(i => AuditChain.Sha256Hex($"leaf {i}")).ToArray();
        var root = AuditMerkle.Root(leaves);

        for (var i = 0; i < count; i++) AuditMerkle.RootFrom(leaves[i], AuditMerkle.Proof(leaves, i)).Should().Be(root);
        AuditMerkle.RootFrom(AuditChain.Sha256Hex("another"), AuditMerkle.Proof(leaves, 0)).Should().NotBe(root);
    }
}
