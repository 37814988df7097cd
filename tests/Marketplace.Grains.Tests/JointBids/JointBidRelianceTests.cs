using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>The reliances (avvalimento) in the joint bid beyond their declaration: sealed with the bid.</summary>
public sealed partial class JointBidStateTests
{
    static readonly Guid Auxiliary = Guid.NewGuid();

    static Lending Os24Lent() => new(1, Auxiliary, Partner.Id, RequirementKind.Separable, "OS24", SoaClass.I, null);

    [Fact]
    public void A_bid_without_reliances_seals_the_very_content_it_sealed_before_reliances_were_sealed()
    {
        var bid = Ready();
        var command = bid.ToBid(FirmOwner, Alliance, Tender, Open);

        command.Reliances.Should().BeNull();
        var seal = BidState.Seal(command, Tender, Alliance.Id, 1).Value!;
        System.Text.Json.JsonSerializer.Serialize(seal, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            .Should().NotContain("reliances", "the receipts of bids sealed before keep matching");
    }

    [Fact]
    public void The_reliances_the_firms_signed_are_sealed_with_the_bid_and_its_receipt_digest_covers_them()
    {
        var bid = Ready();
        bid.Reliances = [Os24Lent()];

        var seal = BidState.Seal(bid.ToBid(FirmOwner, Alliance, Tender, Open), Tender, Alliance.Id, 1).Value!;

        seal.Reliances.Should().Equal(new BidReliance(1, Auxiliary, Partner.Id, RequirementKind.Separable, "OS24", SoaClass.I, null));
        BidSeal.Digest(seal).Should().NotBe(BidSeal.Digest(seal with { Reliances = null }));
    }

    [Fact]
    public void A_reliance_for_a_firm_that_does_not_bid_or_a_lot_the_tender_lacks_is_not_sealed()
    {
        var bid = Ready();
        bid.Reliances = [Os24Lent() with { RelyingFirmId = Sub.Id }, Os24Lent() with { Lot = 9 }];

        var refused = BidState.Seal(bid.ToBid(FirmOwner, Alliance, Tender, Open), Tender, Alliance.Id, 1);

        refused.Problem!.Errors!.Keys.Should().BeEquivalentTo("reliances[0].relyingFirmId", "reliances[1].lot");
    }
}

/// <summary>The auxiliary's commitment to its reliance: bound to the reliance and its contract, required to submit.</summary>
public sealed partial class JointBidStateTests
{
    /// <summary>A ready bid relying on the auxiliary for the partner's OS24, its contract attached by the partner and linked.</summary>
    static (JointBidState Bid, DocumentRef Contract) Relying()
    {
        var bid = Ready();
        var contract = Document("contratto-avvalimento.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [contract]);
        bid.Reliances = [Os24Lent() with { ContractId = contract.Id }];
        bid.AuxiliaryNames = new() { [Auxiliary] = "Neri Elettrica S.r.l." };
        return (bid, contract);
    }

    static AnswerReliance Commit(JointBidState bid, bool commit = true) => new(Stranger, Auxiliary, bid.Standings().Single().Digest!, commit);

    [Fact]
    public void A_bid_without_reliances_signs_the_very_content_it_signed_before_reliances_existed()
    {
        var bid = Ready();

        bid.SignedContent().Should().NotContain("reliances");
        bid.Standings().Should().BeEmpty();
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Select(p => p.Code).Should().NotContain("avvalimento.uncommitted");
    }

    [Fact]
    public void The_lead_may_not_submit_until_the_auxiliary_commits_to_the_reliance_and_the_refusal_names_it()
    {
        var (bid, _) = Relying();
        SignAll(bid);

        var blocked = bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Should().ContainSingle().Subject;
        blocked.Code.Should().Be("avvalimento.uncommitted");
        blocked.Kind.Should().Be(ProblemKind.Conflict);
        blocked.Args.Should().Contain("auxiliary", "Neri Elettrica S.r.l.").And.Contain("lot", "1");

        bid.CheckAnswer(Commit(bid), [Auxiliary], Tender, Open).Should().BeNull();
        bid.Answer(Commit(bid), Open);

        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Should().BeEmpty();
        bid.SignOffs.Should().HaveCount(2, "the auxiliary's commitment changes nothing the bidding firms signed");
        bid.History[^1].Kind.Should().Be("AuxiliaryCommitted");
        bid.History[^1].Detail.Should().Be($"auxiliary={Auxiliary:N};digest={bid.Standings().Single().Digest}");
    }

    [Fact]
    public void The_commitment_is_sealed_with_the_reliance_and_a_change_of_the_reliance_or_of_its_contract_voids_it()
    {
        var (bid, contract) = Relying();
        bid.Answer(Commit(bid), Open);
        var committed = bid.Standings().Single();

        committed.Status.Should().Be(RelianceStatus.Committed);
        bid.Sealed()!.Single().Commitment.Should().Be(new RelianceCommitment(committed.Digest!, contract, Stranger, Open));

        var other = Document("contratto-avvalimento-v2.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [other]);
        bid.Reliances = [bid.Reliances[0] with { ContractId = other.Id }];
        bid.Standings().Single().Status.Should().Be(RelianceStatus.Awaiting, "the auxiliary signed another contract");
        bid.Sealed()!.Single().Commitment.Should().BeNull();

        bid.Reliances = [bid.Reliances[0] with { ContractId = contract.Id }];
        bid.Standings().Single().Status.Should().Be(RelianceStatus.Committed, "the very reliance and contract it signed");
        bid.Reliances = [bid.Reliances[0] with { Class = SoaClass.II }];
        bid.Standings().Single().Status.Should().Be(RelianceStatus.Awaiting, "it committed to class I, not II");
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Select(p => p.Code).Should().Contain("avvalimento.uncommitted");
    }

    [Fact]
    public void Only_the_auxiliary_s_owners_and_managers_answer_once_what_the_reliance_says_now_and_a_decline_blocks_the_submission()
    {
        var (bid, contract) = Relying();

        bid.CheckAnswer(Commit(bid), [], Tender, Open)!.Code.Should().Be("avvalimento.notTheAuxiliary", "a Viewer of the auxiliary, or anyone else");
        bid.CheckAnswer(Commit(bid) with { Digest = "stale" }, [Auxiliary], Tender, Open)!.Code.Should().Be("avvalimento.commitmentChanged");
        bid.CheckAnswer(Commit(bid), [Auxiliary], Tender, Tender.Details.SubmissionDeadline.AddMinutes(1))!.Code.Should().Be("avvalimento.closed");

        bid.Answer(Commit(bid, commit: false), Open);

        bid.Standings().Single().Status.Should().Be(RelianceStatus.Declined);
        bid.CheckAnswer(Commit(bid), [Auxiliary], Tender, Open)!.Code.Should().Be("avvalimento.alreadyAnswered");
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Select(p => p.Code).Should().Contain("avvalimento.uncommitted");

        bid.Reliances = [bid.Reliances[0] with { ContractId = null }];
        bid.CheckAnswer(new AnswerReliance(Stranger, Auxiliary, "", true), [Auxiliary], Tender, Open)!.Code.Should().Be("avvalimento.noContract");
    }

    [Fact]
    public void The_auxiliary_sees_the_tender_and_its_own_reliances_and_nothing_else_of_the_bid()
    {
        var (bid, contract) = Relying();
        bid.Reliances.Add(new Lending(1, Guid.NewGuid(), Lead.Id, RequirementKind.Separable, "OS24", SoaClass.I, null));

        var view = bid.ViewFor([Auxiliary], [], Tender, Open);

        view.Should().BeEquivalentTo(new { TenderId = Tender.Id, TenderTitle = Tender.Details.Title, Editing = Array.Empty<Guid>(), Open = true });
        view.Lendings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Reliance = bid.Reliances[0], Contract = contract, Status = RelianceStatus.Awaiting });
        view.Lots.Select(l => l.Number).Should().Equal(1);
    }
}
