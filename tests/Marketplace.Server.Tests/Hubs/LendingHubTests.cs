using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Alliances;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>
/// An auxiliary firm's lending page is live: its people hear, on their own firm's team group and by ids only, each
/// change of what the page shows (the reliance asked under its contract, their answer, the submission), and nothing of
/// the bid's other changes; the alliance's own groups stay closed to them.
/// </summary>
public sealed class LendingHubTests(ClockedHubFixture fixture) : IClassFixture<ClockedHubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task The_auxiliarys_people_hear_each_change_of_their_lending_by_ids_only_and_none_of_the_bids_other_changes()
    {
        var t = await RelianceArrangement.Arrange(fixture.Host, fixture.FakeClock);
        var email = (await t.AuxiliaryPerson.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Email;
        var hub = await fixture.SignInElsewhere(email);
        await hub.InvokeAsync("WatchBusinessTeam", t.Auxiliary);
        var heard = new ConcurrentQueue<LendingChangedDto>();
        hub.On<LendingChangedDto>("LendingChanged", heard.Enqueue);
        // Each change of the lending is made once the one before was heard: changes made in quick succession may be
        // told as one message.
        async Task Heard(int count)
        {
            for (var waited = System.Diagnostics.Stopwatch.StartNew(); heard.Count < count; await Task.Delay(20))
                if (waited.Elapsed > Patience) throw new TimeoutException($"The auxiliary heard {heard.Count} changes of its lending, not {count}.");
        }
        var jointBid = new ConcurrentQueue<object>();
        hub.On<object>("JointBidChanged", jointBid.Enqueue);
        var watching = async () => await hub.InvokeAsync("WatchAlliance", t.AllianceId);
        await watching.Should().ThrowAsync<HubException>("the auxiliary reads only its lending, not the workspace");

        // Work packages, an answer and a file before the reliance, the reliance under its contract (1), the firms'
        // sign-offs, the auxiliary's commitment (2) and the submission (3): only those three reach the auxiliary.
        var (bid, _) = await RelianceArrangement.UnderContract(t);
        await RelianceArrangement.SignAll(t, bid);
        await Heard(1);
        var digest = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().Digest;
        (await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, true), Json)).EnsureSuccessStatusCode();
        await Heard(2);
        (await t.World.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();

        await Heard(3);
        // One alliance's sends go out in the order of its changes: a fourth would have come before the submission's.
        heard.Should().HaveCount(3).And.AllBeEquivalentTo(new LendingChangedDto(t.AllianceId, t.Auxiliary));
        (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Submitted.Should().BeTrue("what the third message told");
        jointBid.Should().BeEmpty("the bid's own changes go to the alliance's groups, which the auxiliary is not in");
    }
}
