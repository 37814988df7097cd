using Marketplace.Businesses;
using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>A buyer, two member firms and a tender with two lots (price 30, quality 70), at every step of its life.</summary>
internal static class TenderSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EnquiryDeadline = Now.AddDays(10);
    public static readonly DateTimeOffset SubmissionDeadline = Now.AddDays(20);
    public static readonly DateTimeOffset OpenedAt = SubmissionDeadline.AddMinutes(1);
    public static readonly TimeSpan MinimumTendering = TimeSpan.FromDays(5);

    public static readonly Guid BuyerOwner = Guid.NewGuid(), AdminUser = Guid.NewGuid(), OtherAdmin = Guid.NewGuid(), Stranger = Guid.NewGuid();
    public static readonly Guid FirmOwner = Guid.NewGuid(), FirmManager = Guid.NewGuid(), FirmViewer = Guid.NewGuid(), RivalOwner = Guid.NewGuid();
    public static readonly Guid Space = Guid.NewGuid(), OtherSpace = Guid.NewGuid();
    public static readonly Guid[] ExistingSpaces = [Space, OtherSpace];

    public static readonly BusinessSnapshot Buyer = Business(BusinessKind.Buyer, BuyerOwner);
    public static readonly BusinessSnapshot Firm = Business(BusinessKind.Firm, FirmOwner, (FirmManager, BusinessRole.Manager), (FirmViewer, BusinessRole.Viewer));
    public static readonly BusinessSnapshot Rival = Business(BusinessKind.Firm, RivalOwner);

    /// <summary>How the buyer stands in the tender's space for one user: approved there unless told otherwise.</summary>
    public static TenderSpaceStanding In(bool admin = false, bool mandated = false, bool revoked = false, bool approved = true, Guid? space = null) =>
        new(space ?? Space, "Spazio Gare", admin, mandated, revoked, approved);

    public static readonly TenderActor BuyerEditor = new(BuyerOwner, true, [In()]);
    /// <summary>Admins of the space holding the buyer's live mandate.</summary>
    public static readonly TenderActor Admin = new(AdminUser, false, [In(admin: true, mandated: true)]);
    public static readonly TenderActor AnotherAdmin = new(OtherAdmin, false, [In(admin: true, mandated: true)]);
    public static readonly TenderActor UnmandatedAdmin = new(AdminUser, false, [In(admin: true)]);
    public static readonly TenderActor RevokedAdmin = new(AdminUser, false, [In(admin: true, revoked: true)]);
    public static readonly TenderActor Outsider = new(Stranger, false, [In()]);

    public static BusinessSnapshot Business(BusinessKind kind, Guid owner, params (Guid User, BusinessRole Role)[] others) => new(
        Guid.NewGuid(), kind, BusinessProfile.Named("Impresa"),
        [new BusinessMember(owner, BusinessRole.Owner), .. others.Select(o => new BusinessMember(o.User, o.Role))], 1, Now, Now, []);

    public static TenderParticipant Member(BusinessSnapshot firm) => new(firm.Id, BusinessCard.Of(firm), true);

    public static TenderParticipant NonMember(BusinessSnapshot firm) => new(firm.Id, BusinessCard.Of(firm), false);

    public static Lot NewLot(string title, params string[] cpv) => new(0, title, null, cpv, null, null);

    /// <summary>Details as a buyer sends them: nothing numbered yet.</summary>
    public static TenderDetails Details(DateTimeOffset? enquiry = null, DateTimeOffset? submission = null) => new(
        "Manutenzione del verde pubblico", "Parchi e giardini comunali",
        [new Lot(0, "Parchi nord", null, ["77313000"], new Money(50_000m, "eur"), "037006"), NewLot("Parchi sud", "77313000-7")],
        ["Iscrizione alla CCIAA"],
        [new AwardCriterion(0, "Prezzo", CriterionKind.Price, 30), new AwardCriterion(0, "Qualità tecnica", CriterionKind.Quality, 70)],
        enquiry ?? EnquiryDeadline, submission ?? SubmissionDeadline, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), false, []);

    public static TenderState Drafted(TenderActor? by = null, TenderDetails? details = null)
    {
        var actor = by ?? BuyerEditor;
        var state = new TenderState();
        var command = new DraftTender(actor.UserId, Buyer.Id, [Space], details ?? Details());
        state.Draft(Guid.NewGuid(), command, state.CheckDraft(command, Buyer, ExistingSpaces, actor).Value!, Now);
        return state;
    }

    public static TenderState Published(TenderDetails? details = null)
    {
        var state = Drafted(details: details);
        state.Publish(Now);
        return state;
    }

    public static TenderState Tendering(TenderDetails? details = null)
    {
        var state = Published(details);
        state.CatchUp(EnquiryDeadline);
        return state;
    }

    public static TenderState Opening()
    {
        var state = Tendering();
        state.CatchUp(SubmissionDeadline);
        return state;
    }

    public static OpenedBid Bid(DateTimeOffset receivedAt, params (int Lot, decimal Amount)[] lots)
    {
        var firm = Guid.NewGuid();
        return new OpenedBid(Guid.NewGuid(), firm, [new Tenderer(firm, TendererRole.Lead)],
            [.. lots.Select(l => new LotPrice(l.Lot, new Money(l.Amount, "EUR")))], new string('a', 64), receivedAt);
    }

    public static TenderState Evaluating(params OpenedBid[] bids)
    {
        var state = Opening();
        state.Open(bids, OpenedAt);
        return state;
    }

    public static TenderState InStatus(TenderStatus status)
    {
        var state = Reach(status);
        state.Status.Should().Be(status);
        return state;
    }

    static TenderState Reach(TenderStatus status)
    {
        switch (status)
        {
            case TenderStatus.Draft: return Drafted();
            case TenderStatus.Enquiries: return Published();
            case TenderStatus.Tendering: return Tendering();
            case TenderStatus.Opening: return Opening();
            case TenderStatus.Evaluation: return Evaluating(Bid(Now.AddDays(11), (1, 40_000m)));
            case TenderStatus.Unsuccessful: return Evaluating();
            case TenderStatus.Awarded or TenderStatus.Complete:
                var bid = Bid(Now.AddDays(11), (1, 40_000m), (2, 30_000m));
                var state = Evaluating(bid);
                state.Score(new ScoreBid(BuyerOwner, bid.BidId, 2, 80m), OpenedAt);
                state.Decide(new DecideLot(BuyerOwner, 1, bid.BidId, null), OpenedAt);
                state.Decide(new DecideLot(BuyerOwner, 2, bid.BidId, null), OpenedAt);
                if (status == TenderStatus.Complete) state.Complete(OpenedAt);
                return state;
            case TenderStatus.Cancelled:
                var cancelled = Published();
                cancelled.Cancel(new CancelTender(BuyerOwner, "Fondi revocati"), Now);
                return cancelled;
            default: throw new ArgumentOutOfRangeException(nameof(status));
        }
    }
}
