using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>
/// The notice board live: the member firms a new post matches are told (never its poster, never a firm outside the
/// space), and a poster hears of an interest in its post.
/// </summary>
public sealed class BoardHubTests(ClockedHubFixture fixture) : IClassFixture<ClockedHubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    sealed record Firm(HttpClient Http, HubConnection Hub, Guid Id);

    sealed record Scene(Guid SpaceId, HttpClient Admin, Firm Builder, Firm Coder, Firm Outsider);

    async Task<Scene> Setup()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        async Task<Firm> Member(string name, string cpv, bool join = true)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            (await http.EditProfile(firm.Id, EditOf(firm) with { Capabilities = [cpv] })).EnsureSuccessStatusCode();
            if (join) await admin.Admit(spaceId, http, firm.Id);
            await hub.InvokeAsync("WatchBusinessTeam", firm.Id);
            return new Firm(http, hub, firm.Id);
        }
        return new Scene(spaceId, admin, await Member("Rossi Costruzioni", "45210000"), await Member("Verdi Informatica", "72000000"),
            await Member("Neri Edilizia", "45210000", join: false));
    }

    PublishPostRequest Post(Guid firmId, string title, params string[] cpv) => new(firmId, PostKind.Offer, title, "Squadre disponibili da marzo.", cpv,
        "037006", null, DateOnly.FromDateTime(fixture.FakeClock.GetUtcNow().UtcDateTime.AddDays(10)), null);

    [Fact]
    public async Task The_member_firms_a_new_post_matches_are_told_and_neither_its_poster_nor_a_firm_outside_the_space_is()
    {
        var s = await Setup();
        var coderTold = new TaskCompletionSource<PostNoticeDto>();
        s.Coder.Hub.On<PostNoticeDto>("PostNotice", n => coderTold.TrySetResult(n));
        var builderNotices = new ConcurrentQueue<PostNoticeDto>();
        var builderToldOfCoder = new TaskCompletionSource<PostNoticeDto>();
        s.Builder.Hub.On<PostNoticeDto>("PostNotice", n => { builderNotices.Enqueue(n); if (n.Title.StartsWith("Offriamo software", StringComparison.Ordinal)) builderToldOfCoder.TrySetResult(n); });
        var outsiderHeard = new ConcurrentQueue<object>();
        s.Outsider.Hub.On<PostNoticeDto>("PostNotice", outsiderHeard.Enqueue);
        s.Outsider.Hub.On<BoardChangedDto>("BoardChanged", outsiderHeard.Enqueue);

        // Building work and software: it matches the builder (its poster) and the IT firm, and the outsider's trade.
        var first = await (await s.Builder.Http.PostAsJsonAsync($"/api/spaces/{s.SpaceId}/posts",
            Post(s.Builder.Id, "Offriamo un cantiere digitale", "45214200", "72260000"), Json)).Read<PostDto>();

        (await coderTold.Task.WaitAsync(Patience)).Should().Be(new PostNoticeDto(s.SpaceId, first.Post.Id, PostKind.Offer, "Offriamo un cantiere digitale"));
        // The builder is told of the IT firm's post that matches it: once that arrives, one about its own would have too.
        (await s.Coder.Http.PostAsJsonAsync($"/api/spaces/{s.SpaceId}/posts", Post(s.Coder.Id, "Offriamo software di cantiere", "45214200"), Json))
            .EnsureSuccessStatusCode();
        await builderToldOfCoder.Task.WaitAsync(Patience);
        builderNotices.Should().NotContain(n => n.PostId == first.Post.Id);
        outsiderHeard.Should().BeEmpty();
    }

    /// <summary>
    /// A firm that blocked the poster is not told of its post (FirmBlocks), though its codes match. The IT firm's post
    /// that matches it is told after the builder's was worked out: once that arrives, the builder's would have too.
    /// </summary>
    [Fact]
    public async Task A_firm_that_blocked_the_poster_is_not_told_of_its_post()
    {
        var s = await Setup();
        var (http, hub) = await fixture.Connect(signedIn: true);
        var blocker = await http.CreateBusiness("Bianchi Edilizia");
        (await http.EditProfile(blocker.Id, EditOf(blocker) with { Capabilities = ["45210000", "72000000"] })).EnsureSuccessStatusCode();
        await hub.InvokeAsync("WatchBusinessTeam", blocker.Id);
        (await http.PutAsync($"/api/businesses/{blocker.Id}/blocks/{s.Builder.Id}", null)).EnsureSuccessStatusCode();
        var heard = new ConcurrentQueue<PostNoticeDto>();
        var toldOfCoder = new TaskCompletionSource();
        hub.On<PostNoticeDto>("PostNotice", n => { heard.Enqueue(n); if (n.Title == "Offriamo software di cantiere") toldOfCoder.TrySetResult(); });
        var coderTold = new TaskCompletionSource();
        s.Coder.Hub.On<PostNoticeDto>("PostNotice", n => { if (n.Title == "Offriamo un cantiere digitale") coderTold.TrySetResult(); });
        await s.Admin.Admit(s.SpaceId, http, blocker.Id);

        (await s.Builder.Http.PostAsJsonAsync($"/api/spaces/{s.SpaceId}/posts", Post(s.Builder.Id, "Offriamo un cantiere digitale", "45214200", "72260000"), Json))
            .EnsureSuccessStatusCode();
        await coderTold.Task.WaitAsync(Patience);
        (await s.Coder.Http.PostAsJsonAsync($"/api/spaces/{s.SpaceId}/posts", Post(s.Coder.Id, "Offriamo software di cantiere", "72260000"), Json))
            .EnsureSuccessStatusCode();

        await toldOfCoder.Task.WaitAsync(Patience);
        heard.Select(n => n.Title).Should().Equal("Offriamo software di cantiere");
    }

    [Fact]
    public async Task A_poster_hears_of_an_interest_in_its_post()
    {
        var s = await Setup();
        var post = await (await s.Builder.Http.PostAsJsonAsync($"/api/spaces/{s.SpaceId}/posts", Post(s.Builder.Id, "Offriamo squadre edili", "45210000"), Json))
            .Read<PostDto>();
        var heard = new TaskCompletionSource<BoardChangedDto>();
        s.Builder.Hub.On<BoardChangedDto>("BoardChanged", c => { if (c.PostId == post.Post.Id) heard.TrySetResult(c); });

        (await s.Coder.Http.PostAsJsonAsync($"/api/posts/{post.Post.Id}/interests", new ExpressInterestRequest(s.Coder.Id, "Ci interessa"), Json))
            .EnsureSuccessStatusCode();

        (await heard.Task.WaitAsync(Patience)).Should().Be(new BoardChangedDto(s.SpaceId, post.Post.Id));
        var seen = (await s.Builder.Http.GetFromJsonAsync<PostDto>($"/api/posts/{post.Post.Id}", Json))!;
        seen.InterestsSeen.Should().ContainSingle(i => i.FirmId == s.Coder.Id && i.Message == "Ci interessa");
    }
}
