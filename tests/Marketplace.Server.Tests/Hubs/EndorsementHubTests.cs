using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>
/// Endorsements live: whoever has the endorsed firm's page open hears that it was endorsed and that the endorsement was
/// withdrawn, as for every other change of the page.
/// </summary>
public sealed class EndorsementHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task The_watchers_of_the_endorsed_firm_s_page_hear_an_endorsement_given_and_withdrawn()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione Imprese", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regole", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        var (publisher, _) = await fixture.Connect(signedIn: true);
        var publisherId = (await publisher.CreateBusiness("Rossi Edilizia")).Id;
        var (partner, _) = await fixture.Connect(signedIn: true);
        var partnerId = (await partner.CreateBusiness("Bianchi Impianti")).Id;
        await admin.Admit(spaceId, publisher, publisherId);
        await admin.Admit(spaceId, partner, partnerId);
        var project = await (await publisher.PostAsJsonAsync("/api/showcase", new PublishShowcaseRequest(publisherId, "Scuola primaria Rodari",
            "Ristrutturazione e impianti", "Comune di Bologna", 2024, new MoneyDto(1_250_000m, "EUR"), ["45210000"], [partnerId]), Json)).Read<ShowcaseDto>();
        (await partner.PostAsJsonAsync($"/api/showcase/{project.Id}/answers", new AnswerShowcaseRequest(partnerId, true, project.Version, null), Json))
            .EnsureSuccessStatusCode();
        var confirmed = (await publisher.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!;
        (await admin.PostAsJsonAsync($"/api/showcase/{project.Id}/verification", new VerifyShowcaseRequest(spaceId, confirmed.Version), Json))
            .EnsureSuccessStatusCode();

        // A visitor who is nobody's colleague has the publisher's public page open.
        var (_, visitor) = await fixture.Connect(signedIn: false);
        await visitor.InvokeAsync("WatchBusiness", publisherId);
        var heard = new List<EndorsementChangedDto>();
        var given = new TaskCompletionSource();
        var withdrawn = new TaskCompletionSource();
        visitor.On<EndorsementChangedDto>("EndorsementChanged", change =>
        {
            lock (heard) heard.Add(change);
            (heard.Count == 1 ? given : withdrawn).TrySetResult();
        });

        (await partner.PostAsJsonAsync($"/api/businesses/{publisherId}/endorsements", new EndorseRequest(partnerId, project.Id, "Puntuali."), Json))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await given.Task.WaitAsync(Patience);
        (await partner.DeleteAsync($"/api/businesses/{publisherId}/endorsements/{partnerId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await withdrawn.Task.WaitAsync(Patience);

        heard.Should().Equal(new EndorsementChangedDto(publisherId, partnerId), new EndorsementChangedDto(publisherId, partnerId));
    }
}
