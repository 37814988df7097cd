using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>An alliance's live group: its active firms only, and a removed firm stops hearing at once.</summary>
public sealed class AllianceHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    async Task<(HttpClient Admin, Guid SpaceId)> Space()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        return (admin, await admin.CreateSpace());
    }

    /// <summary>A firm of a signed-in person with a live connection, admitted to the space.</summary>
    async Task<(HttpClient, HubConnection, Guid)> MemberOf(HttpClient admin, Guid spaceId, string name)
    {
        var (http, hub) = await fixture.Connect(signedIn: true);
        var firm = await http.CreateBusiness(name);
        await admin.Admit(spaceId, http, firm.Id);
        return (http, hub, firm.Id);
    }

    [Fact]
    public async Task Invitees_hear_of_their_invitation_only_members_watch_and_a_removed_member_stops_hearing_at_once()
    {
        var (admin, spaceId) = await Space();
        Task<(HttpClient, HubConnection, Guid)> Member(string name) => MemberOf(admin, spaceId, name);
        var (lead, leadHub, leadId) = await Member("Rossi Costruzioni");
        var (partner, partnerHub, partnerId) = await Member("Bianchi Impianti");
        var alliance = await (await lead.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, null, "Rete Emilia", "Accordo"), Json)).Read<AllianceDto>();

        var invitation = new TaskCompletionSource<AllianceChangedDto>();
        partnerHub.On<AllianceChangedDto>("AllianceChanged", c => invitation.TrySetResult(c));
        await partnerHub.InvokeAsync("WatchBusinessTeam", partnerId);
        var notYet = async () => await partnerHub.InvokeAsync("WatchAlliance", alliance.Id);
        await notYet.Should().ThrowAsync<HubException>("an invited firm is not in the workspace yet");
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partnerId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await invitation.Task.WaitAsync(Patience)).AllianceId.Should().Be(alliance.Id);

        (await partner.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        var heard = new ConcurrentQueue<AllianceChangedDto>();
        partnerHub.Remove("AllianceChanged");
        partnerHub.On<AllianceChangedDto>("AllianceChanged", heard.Enqueue);
        await partnerHub.InvokeAsync("WatchAlliance", alliance.Id); // a member now: allowed
        var leadHeard = new TaskCompletionSource<AllianceChangedDto>();
        leadHub.On<AllianceChangedDto>("AllianceChanged", c => { if (c.Version == 5) leadHeard.TrySetResult(c); });
        await leadHub.InvokeAsync("WatchAlliance", alliance.Id);

        // Versions: 1 formed, 2 invited, 3 joined, 4 removed, 5 new agreement.
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/remove", new ReasonRequest("Fuori dal lotto"), Json)).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/agreement", new TextRequest("Accordo v2"), Json)).EnsureSuccessStatusCode();

        await leadHeard.Task.WaitAsync(Patience);
        // A round trip on the partner's own connection: whatever was sent to it before is delivered first.
        await partnerHub.InvokeAsync("UnwatchTender", Guid.NewGuid());
        heard.Select(c => c.Version).Should().Contain(4, "the firm is told it was removed").And.NotContain(5, "and then hears nothing more of the workspace");
    }

    /// <summary>A lead and a member (each a signed-in person with a live connection) in an alliance formed for a published tender.</summary>
    sealed record TenderAlliance(HttpClient Admin, Guid SpaceId, AllianceDto Alliance,
        HttpClient Lead, HubConnection LeadHub, Guid LeadId, HttpClient Partner, HubConnection PartnerHub, Guid PartnerId);

    async Task<TenderAlliance> ForATender()
    {
        var (admin, spaceId) = await Space();
        var (buyer, _) = await fixture.Connect(signedIn: true);
        var buyerId = (await buyer.CreateBusiness("Comune", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, spaceId, buyerId);
        var (lead, leadHub, leadId) = await MemberOf(admin, spaceId, "Rossi Costruzioni");
        var (partner, partnerHub, partnerId) = await MemberOf(admin, spaceId, "Bianchi Impianti");
        var now = DateTimeOffset.UtcNow;
        var draft = await (await buyer.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyerId, [spaceId], "Scuola", null,
            [new LotRequest(0, "Opere", null, ["45214200"], null, null)], [], [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)],
            now.AddDays(1), now.AddDays(2), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        var alliance = await (await lead.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, draft.Id, "RTI", "Accordo"), Json)).Read<AllianceDto>();
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partnerId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await partner.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        return new(admin, spaceId, alliance, lead, leadHub, leadId, partner, partnerHub, partnerId);
    }

    [Fact]
    public async Task Members_see_who_is_viewing_the_workspace_and_each_other_s_edits_live()
    {
        var (_, _, alliance, lead, leadHub, _, partner, partnerHub, partnerId) = await ForATender();
        var leadMe = (await lead.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!;
        var partnerMe = (await partner.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!;

        var leadSeesTwo = new TaskCompletionSource<PresenceDto>();
        var leadSeesOne = new TaskCompletionSource<PresenceDto>();
        leadHub.On<PresenceDto>("PresenceChanged", p =>
        {
            if (p.Viewers.Length == 2) leadSeesTwo.TrySetResult(p);
            else if (leadSeesTwo.Task.IsCompleted && p.Viewers.Length == 1) leadSeesOne.TrySetResult(p);
        });
        var edited = new TaskCompletionSource<JointBidChangedDto>();
        leadHub.On<JointBidChangedDto>("JointBidChanged", c => edited.TrySetResult(c));
        await leadHub.InvokeAsync("WatchAlliance", alliance.Id);
        await partnerHub.InvokeAsync("WatchAlliance", alliance.Id);

        (await leadSeesTwo.Task.WaitAsync(Patience)).Viewers.Should().BeEquivalentTo(
            [new ViewerDto(leadMe.Id, leadMe.Name), new ViewerDto(partnerMe.Id, partnerMe.Name)],
            "another firm's people are named as they chose, never by their e-mail address");
        var saved = await (await partner.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti", 1, null,
            partnerId, new MoneyDto(90_000m, "EUR")), Json)).Read<JointBidDto>();
        (await edited.Task.WaitAsync(Patience)).Digest.Should().Be(saved.Digest);

        await partnerHub.StopAsync(); // the partner closes the tab
        (await leadSeesOne.Task.WaitAsync(Patience)).Viewers.Should().ContainSingle();
    }

    [Fact]
    public async Task A_person_removed_from_a_firm_stops_hearing_its_alliance_s_workspace_at_once()
    {
        var (_, _, alliance, lead, leadHub, leadId, partner, _, partnerId) = await ForATender();
        var (colleague, _) = await fixture.Connect(signedIn: false);
        var email = await colleague.SignUp("collega");
        await partner.Join(partnerId, colleague, email, BusinessRole.Manager);
        var colleagueHub = await fixture.SignInElsewhere(email);
        var heard = new ConcurrentQueue<object>();
        colleagueHub.On<JointBidChangedDto>("JointBidChanged", heard.Enqueue);
        var leadHeard = new ConcurrentQueue<JointBidActionsDto>();
        leadHub.On<JointBidChangedDto>("JointBidChanged", c => { if (c.ForFirm is { } part) leadHeard.Enqueue(part); });
        await colleagueHub.InvokeAsync("WatchAlliance", alliance.Id);
        await leadHub.InvokeAsync("WatchAlliance", alliance.Id);
        var bid = $"/api/alliances/{alliance.Id}/bid/work-packages";
        var first = await (await lead.PostAsJsonAsync(bid, new SaveWorkPackageRequest(null, 0, "Opere edili", 1, null, leadId, new MoneyDto(210_000m, "EUR")), Json)).Read<JointBidDto>();
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !heard.OfType<JointBidChangedDto>().Any(c => c.Version == first.Version); await Task.Delay(20))
            waited.Elapsed.Should().BeLessThan(Patience, "the partner's Manager hears the workspace");

        var colleagueId = (await colleague.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!.Id;
        (await partner.DeleteAsync($"/api/businesses/{partnerId}/members/{colleagueId}")).EnsureSuccessStatusCode();
        heard.Clear();
        var works = first.WorkPackages.Single();
        var second = await (await lead.PostAsJsonAsync(bid, new SaveWorkPackageRequest(works.Id, works.Version, "Opere edili", 1, null, leadId, new MoneyDto(200_000m, "EUR")), Json)).Read<JointBidDto>();
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !leadHeard.Any(a => a.Version == second.Version); await Task.Delay(20))
            waited.Elapsed.Should().BeLessThan(Patience, "the lead hears the edit");

        heard.Should().BeEmpty("a person who no longer acts for any of the alliance's firms hears nothing more of its bid");
    }

    [Fact]
    public async Task A_package_edit_reaches_members_with_their_own_firm_s_part_and_outsiders_hear_nothing()
    {
        var (admin, spaceId, alliance, lead, leadHub, leadId, partner, partnerHub, partnerId) = await ForATender();
        var (_, outsiderHub, _) = await MemberOf(admin, spaceId, "Verdi Scavi");
        var (reader, _) = await fixture.Connect(signedIn: false);
        var readerEmail = await reader.SignUp("lettore");
        await partner.Join(partnerId, reader, readerEmail, BusinessRole.Viewer);
        var readerHub = await fixture.SignInElsewhere(readerEmail);
        var bid = $"/api/alliances/{alliance.Id}/bid/work-packages";
        var plant = await (await partner.PostAsJsonAsync(bid, new SaveWorkPackageRequest(null, 0, "Impianti", 1, null, partnerId, new MoneyDto(90_000m, "EUR")), Json)).Read<JointBidDto>();

        var heard = new Dictionary<string, ConcurrentQueue<object>> { ["lead"] = new(), ["partner"] = new(), ["reader"] = new(), ["outsider"] = new() };
        foreach (var (who, hub) in new[] { ("lead", leadHub), ("partner", partnerHub), ("reader", readerHub), ("outsider", outsiderHub) })
            hub.On<JointBidChangedDto>("JointBidChanged", c =>
            {
                heard[who].Enqueue(c);
                if (c.ForFirm is { } part) heard[who].Enqueue(part);
            });
        await leadHub.InvokeAsync("WatchAlliance", alliance.Id);
        await partnerHub.InvokeAsync("WatchAlliance", alliance.Id);
        await readerHub.InvokeAsync("WatchAlliance", alliance.Id);
        var refused = async () => await outsiderHub.InvokeAsync("WatchAlliance", alliance.Id);
        await refused.Should().ThrowAsync<HubException>("a firm outside the alliance does not watch its workspace");

        var works = await (await lead.PostAsJsonAsync(bid, new SaveWorkPackageRequest(null, 0, "Opere edili", 1, null, leadId, new MoneyDto(210_000m, "EUR")), Json)).Read<JointBidDto>();
        var worksId = works.WorkPackages.Single(w => w.Title == "Opere edili").Id;
        async Task<List<object>> Until(string who, int version)
        {
            for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < Patience; await Task.Delay(20))
                if (heard[who].OfType<JointBidChangedDto>().Any(c => c.Version == version)) return [.. heard[who]];
            throw new TimeoutException($"{who} did not hear version {version}");
        }
        foreach (var who in new[] { "lead", "partner", "reader" }) await Until(who, works.Version);
        // A later edit is the barrier: each connection hears its messages in the order they were sent. It is saved once
        // the first was heard, so each is told on its own (edits in quick succession may be told as one).
        var last = await (await partner.PostAsJsonAsync(bid, new SaveWorkPackageRequest(plant.WorkPackages[0].Id, 1, "Impianti elettrici", 1, null, partnerId,
            new MoneyDto(95_000m, "EUR")), Json)).Read<JointBidDto>();
        Task<List<object>> UntilLast(string who) => Until(who, last.Version);
        var leadHeard = await UntilLast("lead");
        var partnerHeard = await UntilLast("partner");
        var readerHeard = await UntilLast("reader");

        var change = leadHeard.OfType<JointBidChangedDto>().Single(c => c.Version == works.Version);
        change.Edit.Should().Be(Marketplace.JointBids.JointBidEdit.PackageSaved);
        change.Since.Should().Be(works.Version - 1);
        change.DeletedPackageIds.Should().BeEmpty();
        var package = change.Packages.Should().ContainSingle().Subject;
        package.Title.Should().Be("Opere edili");
        package.Firm.Should().Be(new NamedDto(leadId, "Rossi Costruzioni"));
        change.Digest.Should().Be(works.Digest);
        change.LotPrices.Should().ContainSingle().Which.Price.Amount.Should().Be(300_000m);
        change.Shares.Select(s => (s.Firm.Id, s.Percent)).Should().BeEquivalentTo([(leadId, 70m), (partnerId, 30m)]);
        change.AwaitingSignature.Select(f => f.Id).Should().BeEquivalentTo([leadId, partnerId]);
        change.Actions.Allowed.Should().BeEmpty("the shared part says what a reader may do, not an editor");
        package.Actions.Allowed.Should().BeEmpty();
        partnerHeard.OfType<JointBidChangedDto>().Select(c => c with { ForFirm = null }).Should().ContainEquivalentOf(change with { ForFirm = null });
        readerHeard.OfType<JointBidChangedDto>().Should().ContainEquivalentOf(change with { ForFirm = null },
            "a Viewer edits for no firm: the change reaches them without any firm's part");
        foreach (var (who, got) in new[] { ("lead", leadHeard), ("partner", partnerHeard), ("reader", readerHeard) })
            got.OfType<JointBidChangedDto>().Where(c => c.Version == works.Version).Should().ContainSingle($"the {who} hears each change once");

        var leadPart = leadHeard.OfType<JointBidActionsDto>().Single(a => a.Version == works.Version);
        leadPart.FirmId.Should().Be(leadId);
        leadPart.PackageActions.Should().ContainSingle().Which.WorkPackageId.Should().Be(package.Id);
        leadPart.PackageActions[0].Actions.Allowed.Should().BeEquivalentTo([Marketplace.JointBids.WorkPackageAction.Edit,
            Marketplace.JointBids.WorkPackageAction.Delete, Marketplace.JointBids.WorkPackageAction.Reassign], "the package is the lead's own");
        leadPart.Actions.Allowed.Should().Contain(Marketplace.JointBids.JointBidAction.Edit);
        leadPart.ViewerFirm.FirmId.Should().Be(leadId);
        var partnerPart = partnerHeard.OfType<JointBidActionsDto>().Single(a => a.Version == works.Version);
        partnerPart.PackageActions.Should().ContainSingle().Which.Actions.Allowed.Should().BeEmpty("another firm's package is not the partner's to change or give away");

        leadHeard.OfType<JointBidActionsDto>().Should().OnlyContain(a => a.FirmId == leadId, "another firm's part never reaches the lead");
        partnerHeard.OfType<JointBidActionsDto>().Should().OnlyContain(a => a.FirmId == partnerId, "another firm's part never reaches the partner");
        heard["outsider"].Should().BeEmpty("nothing leaves the alliance's group");
        worksId.Should().Be(package.Id);
    }

    [Fact]
    public async Task Edits_in_quick_succession_reach_a_watcher_as_changes_that_follow_on_and_leave_each_package_as_last_saved()
    {
        var (_, _, alliance, lead, leadHub, leadId, _, partnerHub, _) = await ForATender();
        var bid = $"/api/alliances/{alliance.Id}/bid/work-packages";
        var start = await (await lead.PostAsJsonAsync(bid, new SaveWorkPackageRequest(null, 0, "Opere edili", 1, null, leadId, new MoneyDto(100_000m, "EUR")), Json)).Read<JointBidDto>();
        var heard = new ConcurrentQueue<JointBidChangedDto>();
        partnerHub.On<JointBidChangedDto>("JointBidChanged", heard.Enqueue);
        await partnerHub.InvokeAsync("WatchAlliance", alliance.Id);

        // Ten edits as fast as the lead can make them: the workspace tells them in as many messages as it can send.
        var package = start.WorkPackages.Single();
        var latest = start;
        for (var i = 1; i <= 10; i++)
        {
            latest = await (await lead.PostAsJsonAsync(bid, new SaveWorkPackageRequest(package.Id, package.Version, "Opere edili", 1, $"Revisione {i}", leadId,
                new MoneyDto(100_000m + i, "EUR")), Json)).Read<JointBidDto>();
            package = latest.WorkPackages.Single();
        }
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !heard.Any(c => c.Version == latest.Version); await Task.Delay(20))
            waited.Elapsed.Should().BeLessThan(Patience, "the partner hears the last edit");

        // The first save's own message may or may not reach the partner, who started watching just after it.
        var changes = heard.Where(c => c.Version > start.Version).ToList();
        changes.Select(c => (c.Since, c.Version)).Should().BeInAscendingOrder(c => c.Version);
        for (var i = 1; i < changes.Count; i++)
            changes[i].Since.Should().Be(changes[i - 1].Version, "each message follows on from the one before: nothing is missed or told twice");
        changes[0].Since.Should().Be(start.Version);
        changes[^1].Packages.Should().ContainSingle().Which.Should().Match<WorkPackageDto>(w =>
            w.Description == "Revisione 10" && w.Price.Amount == 100_010m && w.Version == package.Version, "the package as the last edit left it");
        changes[^1].Digest.Should().Be(latest.Digest);
    }
}
