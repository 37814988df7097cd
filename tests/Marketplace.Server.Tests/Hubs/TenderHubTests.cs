using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>Tenders live: matching firms hear of a publication, bidders of their receipts; sealed bids make no noise.</summary>
public sealed class TenderHubTests(ClockedHubFixture fixture) : IClassFixture<ClockedHubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    sealed record Scene(HttpClient Buyer, HubConnection BuyerHub, Guid BuyerId, Guid SpaceId,
        HttpClient Builder, HubConnection BuilderHub, Guid BuilderId, HttpClient Coder, HubConnection CoderHub, Guid CoderId);

    async Task<Scene> Setup()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        async Task<(HttpClient, HubConnection, Guid)> Member(string name, string cpv)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            (await http.EditProfile(firm.Id, EditOf(firm) with { Capabilities = [cpv] })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
            await hub.InvokeAsync("WatchBusinessTeam", firm.Id);
            return (http, hub, firm.Id);
        }
        var (builder, builderHub, builderId) = await Member("Rossi Costruzioni", "45210000");
        var (coder, coderHub, coderId) = await Member("Verdi Informatica", "72000000");
        var (buyer, buyerHub) = await fixture.Connect(signedIn: true);
        var buyerId = (await buyer.CreateBusiness("Comune", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, spaceId, buyerId);
        return new Scene(buyer, buyerHub, buyerId, spaceId, builder, builderHub, builderId, coder, coderHub, coderId);
    }

    DraftTenderRequest Request(Scene s) => new(s.BuyerId, [s.SpaceId], "Scuola Rodari", null,
        [new LotRequest(0, "Opere edili", null, ["45214200"], null, null)], [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)],
        fixture.FakeClock.GetUtcNow().AddDays(1), fixture.FakeClock.GetUtcNow().AddDays(2), null, null, false, []);

    async Task<TenderDto> Publish(Scene s)
    {
        var draft = await (await s.Buyer.PostAsJsonAsync("/api/tenders", Request(s), Json)).Read<TenderDto>();
        return await (await s.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).Read<TenderDto>();
    }

    [Fact]
    public async Task A_firm_whose_capabilities_match_is_told_live_when_a_tender_is_published()
    {
        var s = await Setup();
        var matched = new TaskCompletionSource<InboxChangedDto>();
        s.BuilderHub.On<InboxChangedDto>("InboxChanged", m => matched.TrySetResult(m));
        var unrelated = new ConcurrentQueue<InboxChangedDto>();
        s.CoderHub.On<InboxChangedDto>("InboxChanged", unrelated.Enqueue);

        var tender = await Publish(s);

        (await matched.Task.WaitAsync(Patience)).Should().Be(new InboxChangedDto(tender.Id, "Scuola Rodari"));
        // The IT firm is told of a tender that matches it: once that arrives, anything about the first would have too.
        var second = new TaskCompletionSource<InboxChangedDto>();
        s.CoderHub.On<InboxChangedDto>("InboxChanged", m => second.TrySetResult(m));
        var forCoder = await (await s.Buyer.PostAsJsonAsync("/api/tenders", Request(s) with { Title = "Software gestionale", Lots = [new LotRequest(0, "Software", null, ["72260000"], null, null)] }, Json)).Read<TenderDto>();
        (await s.Buyer.PostAsJsonAsync($"/api/tenders/{forCoder.Id}/publish", new VersionRequest(forCoder.Version), Json)).EnsureSuccessStatusCode();
        (await second.Task.WaitAsync(Patience)).TenderId.Should().Be(forCoder.Id);
        unrelated.Should().NotContain(m => m.TenderId == tender.Id);
    }

    [Fact]
    public async Task A_bidder_gets_its_receipt_live_and_the_buyer_hears_nothing_of_a_sealed_bid()
    {
        var s = await Setup();
        var tender = await Publish(s);
        var buyerHeard = new ConcurrentQueue<TenderChangedDto>();
        s.BuyerHub.On<TenderChangedDto>("TenderChanged", buyerHeard.Enqueue);
        await s.BuyerHub.InvokeAsync("WatchTender", tender.Id);
        var receipt = new TaskCompletionSource<BidChangedDto>();
        s.BuilderHub.On<BidChangedDto>("BidChanged", m => receipt.TrySetResult(m));
        fixture.FakeClock.SetUtcNow(tender.EnquiryDeadline.AddTicks(10));
        var tendering = (await s.Buyer.GetFromJsonAsync<TenderDto>($"/api/tenders/{tender.Id}", Json))!;

        var submitted = await (await s.Builder.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{s.BuilderId}",
            new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(90_000m, "EUR"))], [], []), Json)).Read<ReceiptDto>();

        // The receipt's secret salt stays with the request's answer; live notices never carry it.
        (await receipt.Task.WaitAsync(Patience)).Should().BeEquivalentTo(new { TenderId = tender.Id, Status = BidStatus.Submitted, Receipt = submitted with { Salt = null } });
        submitted.Salt.Should().MatchRegex("^[0-9a-f]{32}$");
        // Then the buyer cancels: the first message it hears after the bid is about the cancellation, none about the bid.
        var cancelled = new TaskCompletionSource<TenderChangedDto>();
        s.BuyerHub.On<TenderChangedDto>("TenderChanged", m => { if (m.Status == TenderStatus.Cancelled) cancelled.TrySetResult(m); });
        (await s.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new TextRequest("Prova"), Json)).EnsureSuccessStatusCode();
        await cancelled.Task.WaitAsync(Patience);
        buyerHeard.Should().OnlyContain(m => m.Status == TenderStatus.Tendering && m.Version == tendering.Version || m.Status == TenderStatus.Cancelled)
            .And.NotContain(m => m.Status == TenderStatus.Tendering && m.Version > tendering.Version);
        buyerHeard.Count(m => m.Status == TenderStatus.Tendering).Should().BeLessThanOrEqualTo(1, "only the move to bidding, never a bid");
    }

    [Fact]
    public async Task A_buyer_s_people_hear_that_their_to_do_changed_when_a_firm_asks_a_question()
    {
        var s = await Setup();
        var tender = await Publish(s);
        await s.BuyerHub.InvokeAsync("WatchBusinessTeam", s.BuyerId);
        var buyerHeard = new TaskCompletionSource<ToDoChangedDto>();
        s.BuyerHub.On<ToDoChangedDto>("ToDoChanged", m => buyerHeard.TrySetResult(m));
        var coderHeard = new ConcurrentQueue<ToDoChangedDto>();
        s.CoderHub.On<ToDoChangedDto>("ToDoChanged", coderHeard.Enqueue);

        (await s.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(s.BuilderId, "Sopralluogo?"), Json)).EnsureSuccessStatusCode();

        (await buyerHeard.Task.WaitAsync(Patience)).Should().Be(new ToDoChangedDto(s.BuyerId));
        coderHeard.Should().BeEmpty("another firm has nothing to do about the buyer's questions");
    }

    /// <summary>The builder's RTI with the coder as its partner, on a published tender now taking bids.</summary>
    async Task<AllianceDto> BiddingAlliance(Scene s)
    {
        var tender = await Publish(s);
        var alliance = await (await s.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(s.BuilderId, s.SpaceId, tender.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        (await s.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(s.CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await s.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{s.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        fixture.FakeClock.SetUtcNow(tender.EnquiryDeadline.AddTicks(10));
        return alliance;
    }

    [Fact]
    public async Task A_partner_firm_s_people_hear_that_their_to_do_changed_when_the_joint_bid_changes_without_opening_the_workspace()
    {
        var s = await Setup();
        var alliance = await BiddingAlliance(s);
        var coderHeard = new TaskCompletionSource<ToDoChangedDto>();
        s.CoderHub.On<ToDoChangedDto>("ToDoChanged", m => coderHeard.TrySetResult(m));

        (await s.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/work-packages",
            new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, s.BuilderId, new MoneyDto(90_000m, "EUR")), Json)).EnsureSuccessStatusCode();

        (await coderHeard.Task.WaitAsync(Patience)).Should().Be(new ToDoChangedDto(s.CoderId), "the partner must sign the new version");
    }

    [Fact]
    public async Task Whoever_watches_a_space_hears_of_a_tender_published_in_it_to_list_it_and_nothing_of_the_draft_before()
    {
        var s = await Setup();
        var (_, visitor) = await fixture.Connect(signedIn: false);
        var heard = new ConcurrentQueue<TenderChangedDto>();
        var published = new TaskCompletionSource<TenderChangedDto>();
        visitor.On<TenderChangedDto>("TenderChanged", m =>
        {
            heard.Enqueue(m);
            if (m.Status != TenderStatus.Draft) published.TrySetResult(m);
        });
        await visitor.InvokeAsync("WatchSpace", s.SpaceId);

        var draft = await (await s.Buyer.PostAsJsonAsync("/api/tenders", Request(s), Json)).Read<TenderDto>();
        var tender = await (await s.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).Read<TenderDto>();

        (await published.Task.WaitAsync(Patience)).Should().Be(new TenderChangedDto(tender.Id, tender.Status, tender.Version));
        heard.Should().NotContain(m => m.Status == TenderStatus.Draft, "a draft is in no space's list");
    }

    [Fact]
    public async Task An_edit_that_leaves_the_partner_s_sign_off_to_give_does_not_make_its_people_read_their_to_do_again()
    {
        var s = await Setup();
        var alliance = await BiddingAlliance(s);
        var bid = $"/api/alliances/{alliance.Id}/bid";
        // One connection hears its messages in the order they were sent, and a change's to-do news follows its
        // workspace news: the partner's sequence says which change told its to-do list.
        var heard = new ConcurrentQueue<string>();
        s.CoderHub.On<JointBidChangedDto>("JointBidChanged", m => heard.Enqueue($"change {m.Version}"));
        s.CoderHub.On<ToDoChangedDto>("ToDoChanged", _ => heard.Enqueue("to-do"));
        await s.CoderHub.InvokeAsync("WatchAlliance", alliance.Id);
        // Each change is made once the one before was heard: changes made in quick succession may be told as one.
        async Task Heard(string message)
        {
            for (var waited = System.Diagnostics.Stopwatch.StartNew(); !heard.Contains(message) && waited.Elapsed < Patience; await Task.Delay(20)) { }
        }
        var first = await (await s.Builder.PostAsJsonAsync($"{bid}/work-packages",
            new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, s.BuilderId, new MoneyDto(90_000m, "EUR")), Json)).Read<JointBidDto>();
        await Heard($"change {first.Version}");
        var second = await (await s.Builder.PostAsJsonAsync($"{bid}/work-packages",
            new SaveWorkPackageRequest(null, 0, "Impianti", 1, null, s.BuilderId, new MoneyDto(10_000m, "EUR")), Json)).Read<JointBidDto>();
        await Heard($"change {second.Version}");
        var signed = await (await s.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(s.CoderId, second.Digest), Json)).Read<JointBidDto>();

        // Five messages are due; a sixth (to-do news of the second package) would come before the last two.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (heard.Count < 5 && waited.Elapsed < Patience) await Task.Delay(20);
        heard.Should().Equal([$"change {first.Version}", "to-do", $"change {second.Version}", $"change {signed.Version}", "to-do"],
            "the first package gave the partner a bid to sign and its sign-off took it away; the second package changed neither");
    }

    [Fact]
    public async Task Nobody_watches_a_draft_they_cannot_see()
    {
        var s = await Setup();
        var draft = await (await s.Buyer.PostAsJsonAsync("/api/tenders", Request(s), Json)).Read<TenderDto>();
        var (_, stranger) = await fixture.Connect(signedIn: false);

        var refused = async () => await stranger.InvokeAsync("WatchTender", draft.Id);

        await refused.Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>();
        await s.BuyerHub.InvokeAsync("WatchTender", draft.Id);
    }
}
