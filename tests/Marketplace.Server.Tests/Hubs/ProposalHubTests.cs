using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.OpenData.Import.Proposals;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;
using static Marketplace.Server.Tests.OpenData.TestPackages;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>
/// A proposal of tenders found elsewhere reaches the space's open admin area as the firm sends it, and the admins'
/// answer reaches the proposing firm's open page; another member firm hears neither.
/// </summary>
public sealed class ProposalHubTests(ClockedHubFixture fixture) : IClassFixture<ClockedHubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task The_admins_hear_of_a_proposal_and_the_proposing_firm_of_their_answer_and_no_other_firm_of_either()
    {
        var (admin, adminHub, spaceId) = await fixture.Space();
        await adminHub.InvokeAsync("WatchSpaceAdmin", spaceId);
        var proposer = await fixture.Firm(admin, spaceId, "Rossi Costruzioni");
        var other = await fixture.Firm(admin, spaceId, "Verdi Impianti");
        var adminHeard = new TaskCompletionSource<ProposalChangedDto>();
        adminHub.On<ProposalChangedDto>("ProposalChanged", c => adminHeard.TrySetResult(c));
        var otherHeard = new ConcurrentQueue<ProposalChangedDto>();
        other.Hub.On<ProposalChangedDto>("ProposalChanged", otherHeard.Enqueue);

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Only(r => (string?)r["ocid"] == "ocds-x7k2p9-prov-2026-0007").ToJsonString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var proposal = await (await proposer.Http.PostAsync($"/api/spaces/{spaceId}{OpportunityProposalEndpoints.Path}",
            new MultipartFormDataContent { { new StringContent(proposer.Id.ToString()), "firmId" }, { file, "file", "strada.json" } })).Read<OpportunityProposalDto>();

        (await adminHeard.Task.WaitAsync(Patience)).Should().Be(new ProposalChangedDto(spaceId, proposal.Id));

        var proposerHeard = new TaskCompletionSource<ProposalChangedDto>();
        proposer.Hub.On<ProposalChangedDto>("ProposalChanged", c => proposerHeard.TrySetResult(c));
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}{OpportunityProposalEndpoints.Path}/{proposal.Id}/decline",
            new DeclineProposalRequest("La gara è già pubblicata nello spazio"), Json)).EnsureSuccessStatusCode();

        (await proposerHeard.Task.WaitAsync(Patience)).Should().Be(new ProposalChangedDto(spaceId, proposal.Id));
        otherHeard.Should().BeEmpty("another member firm's people have no part in this proposal");
    }
}
