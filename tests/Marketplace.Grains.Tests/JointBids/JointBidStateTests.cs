using System.Globalization;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.JointBids;
using Marketplace.Showcase;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.JointBids;

public sealed partial class JointBidStateTests
{
    /// <summary>The sample tender, taking bids: lot 1 estimated in EUR, lot 2 without estimate; criterion 1 is the price, 2 and 3 are quality.</summary>
    static readonly TenderSnapshot Tender = Tendering(Details() with
    {
        Criteria = [new(0, "Prezzo", CriterionKind.Price, 40), new(0, "Piano di lavoro", CriterionKind.Quality, 30), new(0, "Personale", CriterionKind.Quality, 30)],
    }).ToSnapshot();

    /// <summary>A moment in the bidding period, when the tender takes bids.</summary>
    static readonly DateTimeOffset Open = EnquiryDeadline.AddDays(2);

    static readonly BusinessSnapshot Former = Business(BusinessKind.Firm, Guid.NewGuid());

    /// <summary>Lead and Partner bid (and sign); Sub works for them as a subcontractor; Rival is only invited; Former was removed.</summary>
    static readonly AllianceSnapshot Alliance = Removed(WithPartners(Tender).Invited(Rival).Joined(Former, AllianceRole.Member), Former).ToSnapshot();

    static readonly JointActor LeadPeople = new(FirmOwner, [Lead.Id], true);
    static readonly JointActor PartnerPeople = new(RivalOwner, [Partner.Id], false);
    static readonly JointActor SubPeople = new(Stranger, [Sub.Id], false);
    /// <summary>Someone who acts for every firm, the lead's among them: the tests of content rules save as them (ownership has its own tests).</summary>
    static readonly JointActor Everyone = new(FirmOwner, [Lead.Id, Partner.Id, Sub.Id, Former.Id], true);

    static AllianceState Removed(AllianceState state, BusinessSnapshot firm)
    {
        var remove = new RemoveFromAlliance(FirmOwner, firm.Id, "Non copre il lotto");
        state.CheckRemove(remove, As(FirmOwner, Lead)).Should().BeNull();
        state.Remove(remove, Now);
        return state;
    }

    static JointBidState Empty() => new() { AllianceId = Alliance.Id, TenderId = Tender.Id };

    static SaveWorkPackage NewPackage(Guid firm, decimal amount, int lot = 1, string title = "Sfalcio dei prati") =>
        new(FirmOwner, null, 0, title, lot, null, firm, new Money(amount, "EUR"));

    static SaveWorkPackage EditOf(WorkPackage package) =>
        new(FirmOwner, package.Id, package.Version, package.Title, package.Lot, package.Description, package.FirmId, package.Price);

    static WorkPackage Save(JointBidState bid, SaveWorkPackage command, DateTimeOffset? at = null)
    {
        var check = bid.CheckSave(command, Everyone, Alliance, Tender);
        check.Problem.Should().BeNull();
        bid.Save(check.Value!, at ?? Now);
        return bid.WorkPackages.Single(w => w.Id == check.Value!.Id);
    }

    static Problem CheckSave(JointBidState bid, SaveWorkPackage command) => bid.CheckSave(command, Everyone, Alliance, Tender).Problem!;

    static void Answer(JointBidState bid, int criterion, string text, DateTimeOffset? at = null)
    {
        var command = new SaveJointAnswer(FirmOwner, criterion, bid.Answers.SingleOrDefault(a => a.Criterion == criterion)?.Version ?? 0, text);
        bid.CheckAnswer(command, Tender).Should().BeNull();
        bid.Answer(command, at ?? Now);
    }

    static DocumentRef Document(string name) => new(Guid.NewGuid(), name, "application/pdf", 2048, AuditChain.Sha256Hex(name + Guid.NewGuid()));

    static DocumentRef[] Documents(int count) => [.. Enumerable.Range(1, count).Select(i => Document($"allegato-{i}.pdf"))];

    static Problem? CheckAttach(JointBidState bid, JointActor actor, Guid firm, params DocumentRef[] documents) =>
        bid.CheckAttach(new AttachJointDocuments(actor.UserId, firm, documents), actor);

    static void Attach(JointBidState bid, JointActor actor, Guid firm, DocumentRef[] documents, DateTimeOffset? at = null)
    {
        CheckAttach(bid, actor, firm, documents).Should().BeNull();
        bid.Attach(new AttachJointDocuments(actor.UserId, firm, documents), at ?? Now);
    }

    static Problem? CheckSign(JointBidState bid, JointActor actor, Guid firm, string? digest = null) =>
        bid.CheckSign(new SignJointBid(actor.UserId, firm, digest ?? bid.Digest), actor, Alliance);

    static void Sign(JointBidState bid, JointActor actor, Guid firm, DateTimeOffset? at = null)
    {
        CheckSign(bid, actor, firm).Should().BeNull();
        bid.Sign(new SignJointBid(actor.UserId, firm, bid.Digest), at ?? Now);
    }

    static void SignAll(JointBidState bid)
    {
        Sign(bid, LeadPeople, Lead.Id);
        Sign(bid, PartnerPeople, Partner.Id);
    }

    /// <summary>Work for the lead and the subcontractor in lot 1 and the partner in lot 2, both quality criteria answered, the partner's work plan attached.</summary>
    static JointBidState Ready()
    {
        var bid = Empty();
        Save(bid, NewPackage(Lead.Id, 30_000m, lot: 1));
        Save(bid, NewPackage(Sub.Id, 5_000m, lot: 1, title: "Potature"));
        Save(bid, NewPackage(Partner.Id, 20_000m, lot: 2));
        Answer(bid, 2, "Interventi settimanali");
        Answer(bid, 3, "Due squadre");
        Attach(bid, PartnerPeople, Partner.Id, [Document("piano.pdf")]);
        return bid;
    }

    static Receipt ReceiptOf(JointBidState bid, Guid? bidId = null) => new(Tender.Id, bidId ?? Alliance.Id, 1, bid.Digest, Now.AddDays(12), "5a17");

    // ---- Shares and lot prices ----

    [Fact]
    public void A_lot_s_price_is_the_exact_sum_of_its_packages_without_float_drift()
    {
        var bid = Empty();
        for (var i = 0; i < 11; i++) Save(bid, NewPackage(Partner.Id, MoneyRules.MaxAmount - 0.01m, lot: 2));
        for (var i = 0; i < 10; i++) Save(bid, NewPackage(Lead.Id, 0.10m, lot: 1));
        Save(bid, NewPackage(Sub.Id, 0.20m, lot: 1));

        // Lot 2 has 16 significant digits: through a double it would come back as 10,999,999,999,999.90.
        bid.LotPrices().Should().Equal(new LotPrice(1, new Money(1.20m, "EUR")), new LotPrice(2, new Money(10_999_999_999_999.89m, "EUR")));
    }

    [Fact]
    public void A_firm_s_share_is_the_sum_of_its_packages_across_lots_and_its_percentage_of_the_total()
    {
        var bid = Empty();
        Save(bid, NewPackage(Lead.Id, 30_000m, lot: 1));
        Save(bid, NewPackage(Partner.Id, 25_000m, lot: 1));
        Save(bid, NewPackage(Lead.Id, 20_000m, lot: 2));
        Save(bid, NewPackage(Sub.Id, 25_000m, lot: 2));

        bid.Shares().Should().Equal(
            new FirmShare(Lead.Id, new Money(50_000m, "EUR"), 50m),
            new FirmShare(Partner.Id, new Money(25_000m, "EUR"), 25m),
            new FirmShare(Sub.Id, new Money(25_000m, "EUR"), 25m));
    }

    public static TheoryData<decimal[], decimal[]> Splits => new()
    {
        { [100m, 100m, 100m], [33.34m, 33.33m, 33.33m] },
        { [0.01m, 0.01m, 0.01m], [33.34m, 33.33m, 33.33m] },
        { [200m, 100m], [66.67m, 33.33m] },
        // The largest remainder takes the cent, not the first firm: 33.333…, 16.666…, 50.
        { [20m, 10m, 30m], [33.33m, 16.67m, 50m] },
        { [12_345.67m, 23_456.78m, 34_567.89m], [17.55m, 33.33m, 49.12m] },
        { [999_999.99m, 0.01m], [100m, 0m] },
        { [0.01m, 999_999.99m], [0m, 100m] },
        { [1m, 1m, 1m, 1m, 1m, 1m, 1m], [14.29m, 14.29m, 14.29m, 14.29m, 14.28m, 14.28m, 14.28m] },
        { [50_000m, 50_000m], [50m, 50m] },
        { [1_000_000m], [100m] },
    };

    [Theory, MemberData(nameof(Splits))]
    public void Percentages_are_rounded_by_largest_remainder_and_add_up_to_exactly_100(decimal[] amounts, decimal[] percents)
    {
        var firms = amounts.Select(_ => Guid.NewGuid()).ToArray();
        var bid = Empty();
        for (var i = 0; i < amounts.Length; i++)
            bid.Save(new WorkPackage(Guid.NewGuid(), "Lavori", 1, null, firms[i], new Money(amounts[i], "EUR"), 1), Now);

        var shares = bid.Shares();

        shares.Select(s => s.FirmId).Should().Equal(firms);
        shares.Select(s => s.Amount.Amount).Should().Equal(amounts);
        shares.Select(s => s.Percent).Should().Equal(percents);
        shares.Sum(s => s.Percent).Should().Be(100m);
    }

    [Fact]
    public void Any_split_s_percentages_add_up_to_exactly_100_each_within_a_cent_of_its_exact_share()
    {
        var random = new Random(20261125);
        for (var round = 0; round < 500; round++)
        {
            var bid = Empty();
            for (var i = random.Next(1, 13); i > 0; i--)
            {
                var cents = random.Next(4) == 0 ? random.Next(1, 100) : random.NextInt64(1, 100_000_000_00);
                bid.Save(new WorkPackage(Guid.NewGuid(), "Lavori", 1, null, Guid.NewGuid(), new Money(cents / 100m, "EUR"), 1), Now);
            }
            var total = bid.WorkPackages.Sum(w => w.Price.Amount);

            var shares = bid.Shares();

            shares.Sum(s => s.Percent).Should().Be(100m, "round {0}", round);
            shares.Should().OnlyContain(s => decimal.Round(s.Percent, 2) == s.Percent && Math.Abs(s.Percent - s.Amount.Amount * 100m / total) < 0.01m);
        }
    }

    [Fact]
    public void A_bid_without_work_packages_has_no_shares_and_no_lot_prices()
    {
        var bid = Empty();
        bid.Shares().Should().BeEmpty();
        bid.LotPrices().Should().BeEmpty();

        var package = Save(bid, NewPackage(Lead.Id, 1_000m));
        bid.Delete(package.Id, Now);

        bid.Shares().Should().BeEmpty();
        bid.LotPrices().Should().BeEmpty();
    }

    // ---- Sign-off ----

    public static TheoryData<string> Edits => new() { "save", "delete", "answer", "attach", "detach" };

    static void Edit(JointBidState bid, string edit)
    {
        switch (edit)
        {
            case "save":
                var lead = bid.WorkPackages.First(w => w.FirmId == Lead.Id);
                Save(bid, EditOf(lead) with { Price = new Money(lead.Price.Amount + 1m, "EUR") });
                break;
            case "delete":
                var partner = bid.WorkPackages.First(w => w.FirmId == Partner.Id);
                bid.CheckDelete(partner.Id, partner.Version, Everyone).Should().BeNull();
                bid.Delete(partner.Id, Now);
                break;
            case "answer":
                Answer(bid, 2, "Interventi ogni tre giorni");
                break;
            case "attach":
                Attach(bid, LeadPeople, Lead.Id, [Document("cronoprogramma.pdf")]);
                break;
            case "detach":
                var document = bid.Documents.First().Document.Id;
                bid.CheckDetach(document, PartnerPeople).Should().BeNull();
                bid.Detach(document, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit));
        }
    }

    [Theory, MemberData(nameof(Edits))]
    public void Any_edit_voids_every_sign_off_and_changes_the_digest(string edit)
    {
        var bid = Ready();
        SignAll(bid);
        bid.SignOffs.Should().HaveCount(2);
        var signed = bid.Digest;

        Edit(bid, edit);

        bid.SignOffs.Should().BeEmpty();
        bid.Digest.Should().NotBe(signed);
        CheckSign(bid, LeadPeople, Lead.Id, signed)!.Kind.Should().Be(ProblemKind.Conflict, "what was signed is no longer the content");
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_sign_off_names_the_firm_the_person_and_the_digest_and_leaves_the_content_and_other_sign_offs_as_they_are()
    {
        var bid = Ready();
        var digest = bid.Digest;

        Sign(bid, LeadPeople, Lead.Id, Now.AddHours(1));
        Sign(bid, PartnerPeople, Partner.Id, Now.AddHours(2));

        bid.Digest.Should().Be(digest);
        bid.SignOffs.Should().Equal(new SignOff(Lead.Id, digest, FirmOwner, Now.AddHours(1)), new SignOff(Partner.Id, digest, RivalOwner, Now.AddHours(2)));
    }

    [Fact]
    public void Signing_a_content_other_than_the_current_one_is_a_conflict()
    {
        var bid = Ready();
        var read = bid.Digest;
        Edit(bid, "answer");

        CheckSign(bid, LeadPeople, Lead.Id, read)!.Kind.Should().Be(ProblemKind.Conflict);
        CheckSign(bid, LeadPeople, Lead.Id).Should().BeNull();
    }

    [Fact]
    public void A_subcontractor_does_not_sign_the_bid() =>
        CheckSign(Ready(), SubPeople, Sub.Id)!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void An_invited_or_removed_firm_does_not_sign_the_bid()
    {
        CheckSign(Ready(), new JointActor(RivalOwner, [Rival.Id], false), Rival.Id)!.Kind.Should().Be(ProblemKind.Forbidden);
        CheckSign(Ready(), new JointActor(Former.Members[0].UserId, [Former.Id], false), Former.Id)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void Nobody_signs_for_a_firm_they_do_not_act_for_not_even_the_lead()
    {
        CheckSign(Ready(), PartnerPeople, Lead.Id)!.Kind.Should().Be(ProblemKind.Forbidden);
        CheckSign(Ready(), LeadPeople, Partner.Id)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_firm_signs_a_version_once()
    {
        var bid = Ready();
        Sign(bid, LeadPeople, Lead.Id);

        CheckSign(bid, LeadPeople, Lead.Id)!.Kind.Should().Be(ProblemKind.Conflict);
        bid.SignOffs.Should().ContainSingle();
    }

    [Fact]
    public void A_bid_without_work_packages_cannot_be_signed()
    {
        var bid = Empty();
        Answer(bid, 2, "Interventi settimanali");

        CheckSign(bid, LeadPeople, Lead.Id)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    // ---- Digest ----

    static readonly Guid PackageId = Guid.NewGuid(), DocumentId = Guid.NewGuid();

    /// <summary>A one-package content, with one of its signed fields changed.</summary>
    static JointBidState Content(string change = "")
    {
        var package = new WorkPackage(PackageId, "Sfalcio", 1, "Due tagli al mese", Lead.Id, new Money(40_000m, "EUR"), 1);
        var answer = new JointAnswer(2, "Interventi settimanali", 1);
        var document = new JointDocument(new DocumentRef(DocumentId, "piano.pdf", "application/pdf", 2048, new string('a', 64)), Partner.Id);
        package = change switch
        {
            "title" => package with { Title = "Potatura" },
            "lot" => package with { Lot = 2 },
            "description" => package with { Description = "Tre tagli al mese" },
            "no description" => package with { Description = null },
            "firm" => package with { FirmId = Partner.Id },
            "price" => package with { Price = new Money(40_000.01m, "EUR") },
            "package id" => package with { Id = Guid.NewGuid() },
            _ => package,
        };
        answer = change switch
        {
            "answer text" => answer with { Text = "Interventi quotidiani" },
            "answer criterion" => answer with { Criterion = 3 },
            _ => answer,
        };
        document = change switch
        {
            "document sha256" => document with { Document = document.Document with { Sha256 = new string('b', 64) } },
            "document id" => document with { Document = document.Document with { Id = Guid.NewGuid() } },
            "document firm" => document with { FirmId = Lead.Id },
            _ => document,
        };
        return new JointBidState { AllianceId = Alliance.Id, TenderId = Tender.Id, WorkPackages = [package], Answers = [answer], Documents = [document] };
    }

    [Theory]
    [InlineData("title")]
    [InlineData("lot")]
    [InlineData("description")]
    [InlineData("no description")]
    [InlineData("firm")]
    [InlineData("price")]
    [InlineData("package id")]
    [InlineData("answer text")]
    [InlineData("answer criterion")]
    [InlineData("document sha256")]
    [InlineData("document id")]
    [InlineData("document firm")]
    public void The_digest_changes_with_every_signed_field(string change) =>
        Content(change).Digest.Should().NotBe(Content().Digest);

    [Fact]
    public void The_digest_is_the_same_for_the_same_content_whatever_the_order_of_editing_or_the_edit_versions()
    {
        var a = new WorkPackage(Guid.NewGuid(), "Sfalcio", 1, null, Lead.Id, new Money(30_000m, "EUR"), 1);
        var b = new WorkPackage(Guid.NewGuid(), "Potature", 2, "Alberi ad alto fusto", Partner.Id, new Money(20_000m, "EUR"), 1);
        var plan = new JointDocument(Document("piano.pdf"), Partner.Id);
        var staff = new JointDocument(Document("personale.pdf"), Lead.Id);
        var first = new JointBidState
        {
            AllianceId = Alliance.Id, TenderId = Tender.Id,
            WorkPackages = [a, b], Answers = [new(2, "Settimanali", 1), new(3, "Due squadre", 1)], Documents = [plan, staff],
        };
        var second = new JointBidState
        {
            AllianceId = Alliance.Id, TenderId = Tender.Id,
            WorkPackages = [b with { Version = 7 }, a with { Version = 3 }], Answers = [new(3, "Due squadre", 4), new(2, "Settimanali", 2)], Documents = [staff, plan],
            SignOffs = [new SignOff(Lead.Id, "x", FirmOwner, Now)], Version = 42, UpdatedAt = Now.AddDays(1),
        };

        second.Digest.Should().Be(first.Digest);
        first.Digest.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void A_price_written_with_fewer_decimals_is_the_same_signed_content()
    {
        var bid = Empty();
        var package = Save(bid, NewPackage(Lead.Id, 1_500.50m));
        var digest = bid.Digest;

        Save(bid, EditOf(package) with { Price = new Money(1_500.5m, " eur ") });

        bid.Digest.Should().Be(digest);
        bid.WorkPackages.Single().Price.Amount.ToString(CultureInfo.InvariantCulture).Should().Be("1500.50");
        bid.WorkPackages.Single().Price.Currency.Should().Be("EUR");
    }

    // ---- Submission ----

    [Fact]
    public void Only_the_lead_submits()
    {
        var bid = Ready();
        SignAll(bid);

        bid.CheckSubmit(PartnerPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Forbidden);
        bid.CheckSubmit(new JointActor(RivalOwner, [Partner.Id, Lead.Id], false), Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Forbidden);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open).Should().BeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_work_or_files_of_a_firm_that_left_are_reassigned_or_removed_before_submission(bool file)
    {
        // While the firm was still a member it took a package or attached a file; then the lead removed it.
        var stillIn = WithPartners(Tender).Joined(Former, AllianceRole.Member).ToSnapshot();
        var bid = Ready();
        var formerPeople = new JointActor(Guid.NewGuid(), [Former.Id], false);
        if (file) bid.Attach(new AttachJointDocuments(formerPeople.UserId, Former.Id, [Document("referenze.pdf")]), Now);
        else bid.Save(bid.CheckSave(NewPackage(Former.Id, 1_000m), Everyone, stillIn, Tender).Value!, Now);
        SignAll(bid);

        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict });
        if (file) bid.Detach(bid.Documents.Single(d => d.FirmId == Former.Id).Document.Id, Now);
        else Save(bid, EditOf(bid.WorkPackages.Single(w => w.FirmId == Former.Id)) with { FirmId = Lead.Id });
        SignAll(bid);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open).Should().BeNull();
    }

    [Fact]
    public void Every_bidding_firm_signs_before_submission_but_not_the_subcontractor()
    {
        var bid = Ready();
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);

        Sign(bid, LeadPeople, Lead.Id);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict, "the member has not signed");

        Sign(bid, PartnerPeople, Partner.Id);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open).Should().BeNull("the subcontractor, with work in the bid, does not sign");
    }

    [Fact]
    public void A_firm_that_joined_after_the_sign_offs_signs_too_before_submission()
    {
        var bid = Ready();
        SignAll(bid);
        var grown = WithPartners(Tender).Joined(Rival, AllianceRole.Member).ToSnapshot() with { Id = Alliance.Id };

        bid.CheckSubmit(LeadPeople, grown, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_sign_off_of_an_earlier_content_does_not_count()
    {
        var bid = Ready();
        SignAll(bid);
        bid.SignOffs[1] = bid.SignOffs[1] with { Digest = new string('0', 64) };

        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Every_quality_criterion_is_answered_before_submission_but_not_the_price()
    {
        var bid = Empty();
        Save(bid, NewPackage(Lead.Id, 30_000m));
        Answer(bid, 2, "Interventi settimanali");
        SignAll(bid);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);

        Answer(bid, 3, "Due squadre");
        SignAll(bid);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open).Should().BeNull("criterion 1 is the price: it is answered by the lot prices");
    }

    [Fact]
    public void The_submitted_bid_carries_the_bidding_firms_the_lot_prices_the_answers_in_criterion_order_and_the_documents()
    {
        var bid = Empty();
        Save(bid, NewPackage(Lead.Id, 30_000m, lot: 1));
        Save(bid, NewPackage(Sub.Id, 5_000.50m, lot: 1));
        Save(bid, NewPackage(Partner.Id, 12_000m, lot: 2));
        Answer(bid, 3, "Due squadre");
        Answer(bid, 2, "Interventi settimanali");
        var plan = Document("piano.pdf");
        var staff = Document("personale.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [plan]);
        Attach(bid, LeadPeople, Lead.Id, [staff]);
        var receivedAt = Now.AddDays(12);

        var submitted = bid.ToBid(FirmOwner, Alliance, Tender, receivedAt);

        submitted.Should().BeEquivalentTo(new SubmitBid(FirmOwner,
            [new Tenderer(Lead.Id, TendererRole.Lead), new Tenderer(Partner.Id, TendererRole.Member)],
            [new LotPrice(1, new Money(35_000.50m, "EUR")), new LotPrice(2, new Money(12_000m, "EUR"))],
            [new CriterionAnswer(2, "Interventi settimanali"), new CriterionAnswer(3, "Due squadre")],
            [plan, staff], receivedAt), o => o.WithStrictOrdering());
        BidState.Seal(submitted, Tender, Alliance.Id, 1).Problem.Should().BeNull("the tender's sealed-bid path accepts what the joint bid submits");
    }

    [Fact]
    public void After_an_amendment_the_answer_to_a_removed_criterion_stays_out_of_the_bid_and_a_removed_lot_s_work_is_moved_first()
    {
        var bid = Ready();
        // The buyer amended the tender: criterion 3 and lot 2 are gone.
        var amended = Tender with
        {
            Details = Tender.Details with
            {
                Lots = [Tender.Details.Lots[0]],
                Criteria = [Tender.Details.Criteria[0] with { Weight = 70 }, Tender.Details.Criteria[1]],
            },
        };
        SignAll(bid);

        bid.CheckSubmit(LeadPeople, Alliance, amended, Open)!.Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict });
        Save(bid, EditOf(bid.WorkPackages.Single(w => w.Lot == 2)) with { Lot = 1 });
        SignAll(bid);
        bid.CheckSubmit(LeadPeople, Alliance, amended, Open).Should().BeNull();
        var submitted = bid.ToBid(FirmOwner, Alliance, amended, Now);
        submitted.Answers.Select(a => a.Criterion).Should().Equal(2);
        BidState.Seal(submitted, amended, Alliance.Id, 1).Problem.Should().BeNull();
    }

    [Fact]
    public void Who_bids_is_part_of_what_the_firms_sign_a_change_of_the_bidding_firms_voids_the_sign_offs()
    {
        var bid = Ready();
        var alliance = WithPartners(Tender);
        bid.SyncBidders(alliance.ToSnapshot(), Now);
        SignAll(bid);
        var signed = bid.Digest;

        bid.SyncBidders(alliance.ToSnapshot(), Now);
        bid.SignOffs.Should().HaveCount(2, "the same firms bid");

        alliance.HandOver(FirmOwner, Partner.Id, Now);
        bid.SyncBidders(alliance.ToSnapshot(), Now);

        bid.SignOffs.Should().BeEmpty();
        bid.Digest.Should().NotBe(signed);
        bid.Bidders.Should().BeEquivalentTo([new Tenderer(Lead.Id, TendererRole.Member), new Tenderer(Partner.Id, TendererRole.Lead)]);
        bid.History[^1].Kind.Should().Be("BiddersChanged");
    }

    [Fact]
    public void A_firm_signs_and_the_lead_submits_only_under_the_agreement_in_force()
    {
        var bid = Ready();
        SignAll(bid);
        // The lead publishes new terms (and so accepts them); the partner has not accepted them yet.
        var alliance = WithPartners(Tender);
        alliance.PublishAgreement(FirmOwner, "Accordo v2: quote riviste", Now);

        bid.CheckSubmit(LeadPeople, alliance.ToSnapshot(), Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);
        var fresh = Ready();
        fresh.CheckSign(new SignJointBid(RivalOwner, Partner.Id, fresh.Digest), PartnerPeople, alliance.ToSnapshot())!.Kind.Should().Be(ProblemKind.Conflict);
        fresh.CheckSign(new SignJointBid(FirmOwner, Lead.Id, fresh.Digest), LeadPeople, alliance.ToSnapshot()).Should().BeNull();

        alliance.AcceptAgreement(new AcceptAllianceAgreement(RivalOwner, Partner.Id, 2), Now);
        bid.CheckSubmit(LeadPeople, alliance.ToSnapshot(), Tender, Open).Should().BeNull();
    }

    [Fact]
    public void A_submission_records_the_receipt_and_who_submitted_and_keeps_the_sign_offs()
    {
        var bid = Ready();
        SignAll(bid);
        var receipt = ReceiptOf(bid);

        bid.Submitted(receipt, FirmOwner, Now.AddDays(12));

        bid.Receipt.Should().Be(receipt);
        bid.SubmittedBy.Should().Be(FirmOwner);
        bid.SignOffs.Should().HaveCount(2);
        bid.History[^1].Should().BeEquivalentTo(new { Kind = "Submitted", Detail = $"digest={receipt.Digest}", At = Now.AddDays(12) });
    }

    [Fact]
    public void A_withdrawn_bid_has_no_receipt_and_is_submitted_again_only_after_every_firm_signs_again()
    {
        var bid = Ready();
        SignAll(bid);
        var digest = bid.Digest;
        bid.Submitted(ReceiptOf(bid), FirmOwner, Now.AddDays(12));

        bid.Withdrawn(Now.AddDays(13));

        bid.Receipt.Should().BeNull();
        bid.SignOffs.Should().BeEmpty();
        bid.Digest.Should().Be(digest, "withdrawing changes nothing of the content");
        bid.History[^1].Kind.Should().Be("Withdrawn");
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Conflict);
        SignAll(bid);
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open).Should().BeNull();
    }

    // ---- Saving work packages and answers ----

    [Fact]
    public void A_new_work_package_is_saved_trimmed_at_version_1()
    {
        var bid = Empty();

        var package = Save(bid, NewPackage(Partner.Id, 12_000m, lot: 2, title: "  Potature  ") with { Description = "  Alberi  " });

        package.Should().BeEquivalentTo(new { Title = "Potature", Lot = 2, Description = "Alberi", FirmId = Partner.Id, Version = 1 });
        package.Price.Should().Be(new Money(12_000m, "EUR"));
    }

    [Fact]
    public void An_edit_at_the_current_version_replaces_the_package_and_takes_the_next_version()
    {
        var bid = Empty();
        var package = Save(bid, NewPackage(Lead.Id, 30_000m));

        var edited = Save(bid, EditOf(package) with { Title = "Sfalcio e raccolta", FirmId = Partner.Id });

        bid.WorkPackages.Should().ContainSingle();
        edited.Should().BeEquivalentTo(new { package.Id, Title = "Sfalcio e raccolta", FirmId = Partner.Id, Version = 2 });
    }

    [Fact]
    public void Saving_over_someone_else_s_newer_version_is_a_conflict_and_keeps_their_work()
    {
        var bid = Empty();
        var read = Save(bid, NewPackage(Lead.Id, 30_000m));
        Save(bid, EditOf(read) with { ActorId = RivalOwner, Price = new Money(31_000m, "EUR") });

        var stale = bid.CheckSave(EditOf(read) with { Price = new Money(29_000m, "EUR") }, Everyone, Alliance, Tender);

        stale.Problem!.Kind.Should().Be(ProblemKind.Conflict);
        stale.Problem.Args.Should().Contain("title", "Sfalcio dei prati").And.Contain("version", "2");
        bid.WorkPackages.Single().Should().BeEquivalentTo(new { Version = 2, Price = new Money(31_000m, "EUR") });
    }

    [Fact]
    public void Editing_an_unknown_work_package_is_not_found()
    {
        var bid = Empty();
        Save(bid, NewPackage(Lead.Id, 30_000m));

        CheckSave(bid, NewPackage(Lead.Id, 30_000m) with { Id = Guid.NewGuid(), ExpectedVersion = 1 }).Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void Deleting_needs_the_current_version_of_a_known_package()
    {
        var bid = Empty();
        var package = Save(bid, NewPackage(Lead.Id, 30_000m));
        var kept = Save(bid, NewPackage(Partner.Id, 20_000m, lot: 2));
        Save(bid, EditOf(package));

        bid.CheckDelete(package.Id, 1, Everyone)!.Kind.Should().Be(ProblemKind.Conflict);
        bid.CheckDelete(Guid.NewGuid(), 1, Everyone)!.Kind.Should().Be(ProblemKind.NotFound);
        bid.CheckDelete(package.Id, 2, Everyone).Should().BeNull();
        bid.Delete(package.Id, Now);
        bid.WorkPackages.Should().Equal(kept);
    }

    [Theory]
    [InlineData("blank title", "title")]
    [InlineData("long title", "title")]
    [InlineData("long description", "description")]
    [InlineData("unknown lot", "lot")]
    [InlineData("firm outside the alliance", "firmId")]
    [InlineData("invited firm", "firmId")]
    [InlineData("removed firm", "firmId")]
    [InlineData("zero price", "price.amount")]
    [InlineData("negative price", "price.amount")]
    [InlineData("price with three decimals", "price.amount")]
    [InlineData("price in another currency than the lot", "price.currency")]
    [InlineData("price in another currency than EUR for a lot without estimate", "price.currency")]
    [InlineData("made-up currency", "price.currency")]
    public void Bad_work_package_input_names_the_field_at_fault(string input, string field)
    {
        var valid = NewPackage(Lead.Id, 1_000m);
        var command = input switch
        {
            "blank title" => valid with { Title = "   " },
            "long title" => valid with { Title = new string('t', JointBidState.MaxTitle + 1) },
            "long description" => valid with { Description = new string('d', JointBidState.MaxDescription + 1) },
            "unknown lot" => valid with { Lot = 3 },
            "firm outside the alliance" => valid with { FirmId = Guid.NewGuid() },
            "invited firm" => valid with { FirmId = Rival.Id },
            "removed firm" => valid with { FirmId = Former.Id },
            "zero price" => valid with { Price = new Money(0m, "EUR") },
            "negative price" => valid with { Price = new Money(-5m, "EUR") },
            "price with three decimals" => valid with { Price = new Money(10.005m, "EUR") },
            "price in another currency than the lot" => valid with { Price = new Money(1_000m, "CHF") },
            "price in another currency than EUR for a lot without estimate" => valid with { Lot = 2, Price = new Money(1_000m, "CHF") },
            "made-up currency" => valid with { Price = new Money(1_000m, "EURO") },
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        var bid = Empty();

        var problem = CheckSave(bid, command);

        problem.Kind.Should().Be(ProblemKind.Invalid);
        problem.Errors!.Keys.Should().Equal(field);
        bid.WorkPackages.Should().BeEmpty();
    }

    [Fact]
    public void Every_bad_field_is_listed_at_once()
    {
        var command = NewPackage(Guid.NewGuid(), 0m, lot: 9, title: "");

        CheckSave(Empty(), command).Errors!.Keys.Should().BeEquivalentTo("title", "lot", "firmId", "price.amount");
    }

    [Fact]
    public void A_subcontractor_is_given_work_packages_like_any_active_firm() =>
        Save(Empty(), NewPackage(Sub.Id, 5_000m)).FirmId.Should().Be(Sub.Id);

    [Fact]
    public void A_new_package_beyond_the_limit_is_refused_but_the_existing_ones_are_still_edited()
    {
        var bid = Empty();
        for (var i = 1; i < JointBidState.MaxPackages; i++)
            bid.Save(new WorkPackage(Guid.NewGuid(), $"Pacchetto {i}", 1, null, Lead.Id, new Money(100m, "EUR"), 1), Now);
        var last = Save(bid, NewPackage(Partner.Id, 100m));
        bid.WorkPackages.Should().HaveCount(JointBidState.MaxPackages);

        CheckSave(bid, NewPackage(Partner.Id, 100m)).Kind.Should().Be(ProblemKind.Invalid);
        Save(bid, EditOf(last) with { Price = new Money(200m, "EUR") }).Version.Should().Be(2);
        bid.WorkPackages.Should().HaveCount(JointBidState.MaxPackages);
    }

    [Fact]
    public void An_answer_is_saved_trimmed_at_its_current_version_only()
    {
        var bid = Empty();
        var first = new SaveJointAnswer(FirmOwner, 2, 0, "  Interventi settimanali ");
        bid.CheckAnswer(first, Tender).Should().BeNull();
        bid.Answer(first, Now);
        bid.Answers.Should().Equal(new JointAnswer(2, "Interventi settimanali", 1));

        bid.CheckAnswer(first with { Text = "Quotidiani" }, Tender)!.Kind.Should().Be(ProblemKind.Conflict, "someone saved version 1 meanwhile");
        var second = first with { ExpectedVersion = 1, Text = "Quotidiani" };
        bid.CheckAnswer(second, Tender).Should().BeNull();
        bid.Answer(second, Now);
        bid.Answers.Should().Equal(new JointAnswer(2, "Quotidiani", 2));
    }

    [Theory]
    [InlineData(1, "Ribasso del 10%", "criterion")]
    [InlineData(4, "Due squadre", "criterion")]
    [InlineData(3, "   ", "text")]
    public void Only_quality_criteria_are_answered_with_some_text(int criterion, string text, string field) =>
        Empty().CheckAnswer(new SaveJointAnswer(FirmOwner, criterion, 0, text), Tender)!.Errors!.Keys.Should().Equal(field);

    [Fact]
    public void An_answer_is_at_most_8000_characters()
    {
        Empty().CheckAnswer(new SaveJointAnswer(FirmOwner, 2, 0, new string('a', JointBidState.MaxAnswer + 1)), Tender)!.Errors!.Keys.Should().Equal("text");
        Empty().CheckAnswer(new SaveJointAnswer(FirmOwner, 2, 0, new string('a', JointBidState.MaxAnswer)), Tender).Should().BeNull();
    }

    // ---- Documents ----

    [Fact]
    public void A_firm_attaches_only_its_own_files_not_even_the_lead_for_another_firm()
    {
        var bid = Ready();

        CheckAttach(bid, PartnerPeople, Lead.Id, Document("offerta.pdf"))!.Kind.Should().Be(ProblemKind.Forbidden);
        CheckAttach(bid, LeadPeople, Partner.Id, Document("offerta.pdf"))!.Kind.Should().Be(ProblemKind.Forbidden);
        CheckAttach(bid, SubPeople, Sub.Id, Document("offerta.pdf")).Should().BeNull();
    }

    [Fact]
    public void An_attached_file_is_attached_once()
    {
        var bid = Empty();
        var plan = Document("piano.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [plan, plan]);

        bid.Documents.Should().Equal(new JointDocument(plan, Partner.Id));
        CheckAttach(bid, PartnerPeople, Partner.Id, Document("cv.pdf"), plan)!.Kind.Should().Be(ProblemKind.Conflict);
        CheckAttach(bid, LeadPeople, Lead.Id, plan)!.Kind.Should().Be(ProblemKind.Conflict, "another firm cannot attach it again either");
    }

    [Fact]
    public void Attaching_no_file_is_invalid() =>
        CheckAttach(Empty(), LeadPeople, Lead.Id)!.Errors!.Keys.Should().Equal("documents");

    [Fact]
    public void A_bid_carries_at_most_20_documents_from_all_its_firms()
    {
        var bid = Empty();
        Attach(bid, PartnerPeople, Partner.Id, Documents(BidState.MaxDocuments - 2));
        Attach(bid, LeadPeople, Lead.Id, Documents(1));

        CheckAttach(bid, LeadPeople, Lead.Id, Documents(2))!.Code.Should().Be(JointBidState.TooManyFiles.Code);
        bid.DocumentsLeft.Should().Be(1);
        var last = Document("ultimo.pdf");
        Attach(bid, SubPeople, Sub.Id, [last, last]);
        bid.Documents.Should().HaveCount(BidState.MaxDocuments);
        CheckAttach(bid, LeadPeople, Lead.Id, Documents(1))!.Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict, JointBidState.TooManyFiles.Code });
        bid.DocumentsLeft.Should().Be(0);
    }

    [Fact]
    public void A_file_is_taken_off_by_the_firm_that_attached_it_or_by_the_lead_only()
    {
        var bid = Empty();
        var plan = Document("piano.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [plan]);

        bid.CheckDetach(plan.Id, SubPeople)!.Kind.Should().Be(ProblemKind.Forbidden);
        bid.CheckDetach(plan.Id, PartnerPeople).Should().BeNull();
        bid.CheckDetach(plan.Id, LeadPeople).Should().BeNull();
        bid.Detach(plan.Id, Now);
        bid.Documents.Should().BeEmpty();
    }

    [Fact]
    public void Taking_off_a_file_that_is_not_attached_is_not_found()
    {
        var bid = Ready();

        bid.CheckDetach(Guid.NewGuid(), LeadPeople)!.Kind.Should().Be(ProblemKind.NotFound);
    }

    // ---- Who edits, and when ----

    [Theory]
    [InlineData(TenderStatus.Enquiries)]
    [InlineData(TenderStatus.Tendering)]
    public void The_bid_is_edited_while_the_tender_takes_bids(TenderStatus status) =>
        Empty().CheckEdit(LeadPeople, Alliance, InStatus(status).ToSnapshot()).Should().BeNull();

    [Theory]
    [InlineData(TenderStatus.Draft)]
    [InlineData(TenderStatus.Opening)]
    [InlineData(TenderStatus.Evaluation)]
    [InlineData(TenderStatus.Unsuccessful)]
    [InlineData(TenderStatus.Awarded)]
    [InlineData(TenderStatus.Complete)]
    [InlineData(TenderStatus.Cancelled)]
    public void The_bid_is_closed_once_the_tender_no_longer_takes_bids(TenderStatus status) =>
        Empty().CheckEdit(LeadPeople, Alliance, InStatus(status).ToSnapshot())!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void People_who_act_for_no_firm_of_the_alliance_do_not_edit() =>
        Empty().CheckEdit(new JointActor(Stranger, [], false), Alliance, Tender)!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void A_bid_of_an_unknown_or_standing_alliance_or_of_an_unknown_tender_is_not_found()
    {
        Empty().CheckEdit(LeadPeople, null, Tender)!.Kind.Should().Be(ProblemKind.NotFound);
        Empty().CheckEdit(LeadPeople, WithPartners().ToSnapshot(), Tender)!.Kind.Should().Be(ProblemKind.NotFound);
        Empty().CheckEdit(LeadPeople, Alliance, null)!.Kind.Should().Be(ProblemKind.NotFound);
    }

    // ---- History ----

    [Fact]
    public void Every_change_appends_the_next_audit_event_and_bumps_the_version()
    {
        var bid = Empty();
        var times = Enumerable.Range(1, 11).Select(i => Now.AddMinutes(i)).ToArray();
        var lead = Save(bid, NewPackage(Lead.Id, 30_000m), times[0]);
        Save(bid, NewPackage(Partner.Id, 20_000m, lot: 2), times[1]);
        Answer(bid, 2, "Interventi settimanali", times[2]);
        Answer(bid, 3, "Due squadre", times[3]);
        var plan = Document("piano.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [plan], times[4]);
        bid.Detach(plan.Id, times[5]);
        bid.Delete(lead.Id, times[6]);
        Sign(bid, LeadPeople, Lead.Id, times[7]);
        Sign(bid, PartnerPeople, Partner.Id, times[8]);
        bid.Submitted(ReceiptOf(bid), FirmOwner, times[9]);
        bid.Withdrawn(times[10]);

        bid.History.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 11));
        bid.History.Select(e => e.Kind).Should().Equal("WorkPackageSaved", "WorkPackageSaved", "AnswerSaved", "AnswerSaved", "DocumentsAttached",
            "DocumentDetached", "WorkPackageDeleted", "SignedOff", "SignedOff", "Submitted", "Withdrawn");
        bid.History.Select(e => e.At).Should().Equal(times);
        bid.Version.Should().Be(11);
        bid.UpdatedAt.Should().Be(times[^1]);
    }

    [Fact]
    public void Once_stored_the_bid_lets_go_of_its_chained_changes_and_the_next_change_follows_them()
    {
        var bid = Ready();
        SignAll(bid);
        var events = bid.History.Count;
        bid.Submitted(ReceiptOf(bid), FirmOwner, Now.AddDays(12));

        bid.Chained();

        bid.History.Should().BeEmpty("the stored changes are in the audit chain");
        bid.LastChained.Should().BeEquivalentTo(new { Sequence = events + 1, Kind = "Submitted" });
        bid.SubmittedAsItIs.Should().BeTrue("the last change, now in the chain, is the submission");
        bid.Withdrawn(Now.AddDays(13));
        bid.History.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Sequence = events + 2, Kind = "Withdrawn" });
        bid.SubmittedAsItIs.Should().BeFalse();
    }

    [Fact]
    public void A_bid_stored_with_its_whole_history_goes_on_from_its_last_change()
    {
        var bid = Ready();
        SignAll(bid);
        bid.Submitted(ReceiptOf(bid), FirmOwner, Now.AddDays(12));
        var events = bid.History.Count;
        // As a bid stored before the chained changes were let go of reads back: every change, and no count of the chained.
        var stored = System.Text.Json.JsonSerializer.Deserialize<JointBidState>(System.Text.Json.JsonSerializer.Serialize(bid))!;
        stored.LastChained = null;

        stored.SubmittedAsItIs.Should().BeTrue();
        stored.Chained();
        stored.SubmittedAsItIs.Should().BeTrue();
        stored.Withdrawn(Now.AddDays(13));
        stored.History.Single().Sequence.Should().Be(events + 1);
    }

    [Fact]
    public void The_audit_trail_names_each_attached_file_by_its_hash_and_each_sign_off_by_the_digest()
    {
        var bid = Empty();
        var package = Save(bid, NewPackage(Lead.Id, 30_000m));
        var plan = Document("piano.pdf");
        var staff = Document("personale.pdf");
        Attach(bid, PartnerPeople, Partner.Id, [plan, staff]);
        Sign(bid, LeadPeople, Lead.Id);

        bid.History[0].Detail.Should().Be($"package={package.Id:N}");
        bid.History[1].Detail.Should().Be($"firm={Partner.Id:N};documents={plan.Id:N}:{plan.Sha256},{staff.Id:N}:{staff.Sha256}");
        bid.History[2].Detail.Should().Be($"firm={Lead.Id:N};digest={bid.Digest}");
    }

    // ---- The won project ----

    static (TenderSnapshot Tender, OpenedBid Bid) Awarded(bool lot2Too = true)
    {
        var opened = Bid(Now.AddDays(11), (1, 40_000m), (2, 30_000m));
        var state = Evaluating(opened);
        state.Score(new ScoreBid(BuyerOwner, opened.BidId, 2, 80m), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, opened.BidId, null), OpenedAt);
        state.Decide(lot2Too ? new DecideLot(BuyerOwner, 2, opened.BidId, null) : new DecideLot(BuyerOwner, 2, null, "Offerta anomala"), OpenedAt);
        return (state.ToSnapshot(), opened);
    }

    [Fact]
    public void A_won_bid_becomes_a_showcase_project_of_the_lots_it_won_with_the_other_bidding_firms_as_partners()
    {
        var (tender, opened) = Awarded(lot2Too: false);
        tender.Status.Should().Be(TenderStatus.Awarded);
        var bid = Ready();
        bid.Submitted(ReceiptOf(bid, opened.BidId), FirmOwner, Now.AddDays(11));

        var project = bid.WonProject(tender, Alliance, "Comune di Pavia");

        project.Should().BeEquivalentTo(new ShowcaseDetails("Manutenzione del verde pubblico", "Parchi nord", "Comune di Pavia", 2026,
            new Money(40_000m, "EUR"), ["77313000-7"], [Partner.Id]));
    }

    [Fact]
    public void Nothing_is_published_before_the_award_nor_for_a_bid_that_lost_or_was_withdrawn()
    {
        var (awarded, opened) = Awarded();
        var bid = Ready();
        bid.Submitted(ReceiptOf(bid, opened.BidId), FirmOwner, Now.AddDays(11));
        bid.WonProject(awarded, Alliance, "Comune di Pavia").Should().BeEquivalentTo(
            new { Description = "Parchi nord; Parchi sud", Value = new Money(70_000m, "EUR"), Cpv = new[] { "77313000-7" } }, "both lots won, each code once");

        bid.WonProject(awarded with { Status = TenderStatus.Evaluation }, Alliance, "Comune di Pavia").Should().BeNull();
        var lost = Ready();
        lost.Submitted(ReceiptOf(lost, Guid.NewGuid()), FirmOwner, Now.AddDays(11));
        lost.WonProject(awarded, Alliance, "Comune di Pavia").Should().BeNull();
        bid.Withdrawn(Now.AddDays(12));
        bid.WonProject(awarded, Alliance, "Comune di Pavia").Should().BeNull();
    }
}
