using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class InvitationSendAgainTestsOnSqlite(ClockedSqliteHost fixture) : InvitationSendAgainTests<ClockedSqliteHost>(fixture);

public sealed class InvitationSendAgainTestsOnPostgres(ClockedPostgresHost fixture) : InvitationSendAgainTests<ClockedPostgresHost>(fixture);

/// <summary>Inviting an address again sends its e-mail again ("it went to spam"), at most once per ten minutes.</summary>
public abstract class InvitationSendAgainTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    readonly MarketplaceHost host = fixture.Host;

    static Task<HttpResponseMessage> Invite(HttpClient client, Guid business, string email, BusinessRole role) =>
        client.PostAsJsonAsync($"/api/businesses/{business}/invitations", new InviteMemberRequest(email, role), Json);

    Task<int> Outboxed(string to) => host.Query(db => db.OutboxMessages.CountAsync(m => m.To == to));

    [Fact]
    public async Task Inviting_again_within_ten_minutes_is_refused_with_429_and_sends_nothing_and_later_sends_again_with_the_role_now_chosen()
    {
        var owner = host.Browser();
        await owner.SignUp("titolare");
        var business = await owner.CreateBusiness("Impianti Verdi S.r.l.");
        var email = $"collega-{Guid.NewGuid():N}@example.it";
        var first = await (await Invite(owner, business.Id, email, BusinessRole.Manager)).Read<BusinessInvitationDto>();

        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        var soon = await Invite(owner, business.Id, email.ToUpperInvariant(), BusinessRole.Viewer);
        var countAfterSoon = await Outboxed(email);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await Invite(owner, business.Id, email, BusinessRole.Viewer);

        soon.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var refusal = await soon.Refusal();
        refusal.Code.Should().Be("business.invitationSentRecently");
        refusal.Args.Should().Contain("minutes", "10");
        countAfterSoon.Should().Be(1, "a refused sending writes no e-mail");
        later.StatusCode.Should().Be(HttpStatusCode.Created);
        (await later.Read<BusinessInvitationDto>()).Should().BeEquivalentTo(new { first.Id, Email = email, Role = BusinessRole.Viewer });
        (await Outboxed(email)).Should().Be(2);
        (await owner.GetFromJsonAsync<BusinessInvitationDto[]>($"/api/businesses/{business.Id}/invitations", Json)).Should().ContainSingle("it is the same invitation, sent again");
    }

    [Fact]
    public async Task Someone_who_may_not_invite_cannot_have_an_invitation_sent_again()
    {
        var owner = host.Browser();
        await owner.SignUp("titolare");
        var business = await owner.CreateBusiness("Impianti Verdi S.r.l.");
        var email = $"collega-{Guid.NewGuid():N}@example.it";
        (await Invite(owner, business.Id, email, BusinessRole.Viewer)).EnsureSuccessStatusCode();
        var stranger = host.Browser();
        await stranger.SignUp("estraneo");
        fixture.Clock.Advance(TimeSpan.FromMinutes(11));

        (await Invite(stranger, business.Id, email, BusinessRole.Viewer)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Outboxed(email)).Should().Be(1);
    }
}
