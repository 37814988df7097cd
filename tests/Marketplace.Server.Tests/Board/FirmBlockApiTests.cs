using System.Net;
using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Board;

public sealed class FirmBlockApiTestsOnSqlite(ClockedSqliteHost fixture) : FirmBlockApiTests<ClockedSqliteHost>(fixture);

public sealed class FirmBlockApiTestsOnPostgres(ClockedPostgresHost fixture) : FirmBlockApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A firm's Owners and Managers block another firm's messages: the blocked firm no longer sees the blocking firm's
/// posts nor expresses interest in them, answered as for any post it may not see, and neither firm's inbox of the
/// boards shows the other's posts; unblocking undoes it. Only the firm's Owners and Managers read or change its list.
/// In the tender world: the builder and the IT firm are members of one space.
/// </summary>
public abstract class FirmBlockApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static string Blocks(Guid firmId) => $"/api/businesses/{firmId}/blocks";

    static async Task<FirmBlockDto[]> Block(HttpClient client, Guid firmId, Guid blocked)
    {
        var response = await client.PutAsync($"{Blocks(firmId)}/{blocked}", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Read<FirmBlockDto[]>();
    }

    static async Task<PostDto> Publish(TenderWorld w, HttpClient client, Guid firmId, string title)
    {
        var request = new PublishPostRequest(firmId, PostKind.Offer, title, "Squadre disponibili da marzo.", ["45210000", "72000000"], "037006",
            new MoneyDto(250_000m, "EUR"), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(w.Now, BoardRules.Italy).DateTime).AddDays(10), null);
        var response = await client.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", request, Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<PostDto>();
    }

    static Task<HttpResponseMessage> Interest(HttpClient client, Guid postId, Guid firmId) =>
        client.PostAsJsonAsync($"/api/posts/{postId}/interests", new ExpressInterestRequest(firmId, "Siamo interessati: ci sentiamo?"), Json);

    static async Task<string[]> Board(TenderWorld w, HttpClient client) =>
        [.. (await client.GetFromJsonAsync<BoardDto>($"/api/spaces/{w.SpaceId}/posts", Json))!.Posts.Select(p => p.Title)];

    static async Task<string[]> Inbox(HttpClient client, Guid firmId) =>
        [.. (await client.GetFromJsonAsync<InboxPostDto[]>($"/api/businesses/{firmId}/inbox/posts", Json))!.Select(p => p.Post.Title)];

    [Fact]
    public async Task A_blocked_firm_no_longer_sees_the_blocking_firm_s_posts_nor_writes_to_it_and_hears_the_same_as_for_a_post_that_is_not_there()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var builderPost = await Publish(w, w.Builder, w.BuilderId, "Offriamo squadre per opere murarie");
        var coderPost = await Publish(w, w.Coder, w.CoderId, "Cerchiamo un'impresa edile per il cablaggio");
        (await Board(w, w.Coder)).Should().Contain("Offriamo squadre per opere murarie");

        var list = await Block(w.Builder, w.BuilderId, w.CoderId);
        list.Should().ContainSingle().Which.Should().BeEquivalentTo(new { FirmId = w.CoderId, Name = "Verdi Informatica" }, o => o.ExcludingMissingMembers());
        list[0].At.Should().BeCloseTo(fixture.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1), "PostgreSQL keeps microseconds");
        (await Block(w.Builder, w.BuilderId, w.CoderId)).Should().ContainSingle("blocking twice is one block");

        // To the blocked firm the post is as one that does not exist: its board, the post, an interest.
        (await Board(w, w.Coder)).Should().NotContain("Offriamo squadre per opere murarie").And.Contain("Cerchiamo un'impresa edile per il cablaggio");
        var read = await (await w.Coder.GetAsync($"/api/posts/{builderPost.Post.Id}")).Refusal();
        var none = await (await w.Coder.GetAsync($"/api/posts/{Guid.NewGuid()}")).Refusal();
        read.Should().BeEquivalentTo(none, "a blocked firm hears what it would for a post that is not there");
        var interest = await (await Interest(w.Coder, builderPost.Post.Id, w.CoderId)).Refusal();
        interest.Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "board.notFound" }, o => o.ExcludingMissingMembers());
        // Neither firm's inbox of the boards shows the other's posts; the blocking firm still reads the board itself.
        (await Inbox(w.Coder, w.CoderId)).Should().NotContain("Offriamo squadre per opere murarie");
        (await Inbox(w.Builder, w.BuilderId)).Should().NotContain("Cerchiamo un'impresa edile per il cablaggio");
        (await Board(w, w.Builder)).Should().Contain("Cerchiamo un'impresa edile per il cablaggio");
        (await Board(w, w.Admin)).Should().Contain("Offriamo squadre per opere murarie", "the space's admins see every post");

        var after = await w.Builder.DeleteAsync($"{Blocks(w.BuilderId)}/{w.CoderId}");
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        (await after.Read<FirmBlockDto[]>()).Should().BeEmpty();
        (await Board(w, w.Coder)).Should().Contain("Offriamo squadre per opere murarie");
        (await Interest(w.Coder, builderPost.Post.Id, w.CoderId)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Inbox(w.Builder, w.BuilderId)).Should().Contain("Cerchiamo un'impresa edile per il cablaggio");
        _ = coderPost;
    }

    [Fact]
    public async Task Only_the_firm_s_owners_and_managers_read_and_change_its_blocks_and_a_firm_blocks_only_another_firm()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        var manager = fixture.Host.Browser();
        await w.Builder.Join(w.BuilderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await Block(w.Builder, w.BuilderId, w.CoderId);

        foreach (var (who, client) in new[] { ("viewer", viewer), ("the blocked firm", w.Coder), ("outsider", w.Outsider), ("buyer", w.Buyer), ("space admin", w.Admin) })
        {
            (await (await client.GetAsync(Blocks(w.BuilderId))).Refusal()).Should().BeEquivalentTo(
                new { Status = HttpStatusCode.Forbidden, Code = "business.notAnEditor" }, o => o.ExcludingMissingMembers(), who);
            (await (await client.PutAsync($"{Blocks(w.BuilderId)}/{w.OutsiderId}", null)).Refusal()).Code.Should().Be("business.notAnEditor", who);
            (await (await client.DeleteAsync($"{Blocks(w.BuilderId)}/{w.CoderId}")).Refusal()).Code.Should().Be("business.notAnEditor", who);
        }
        (await w.Anonymous.GetAsync(Blocks(w.BuilderId))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await w.Builder.GetAsync(Blocks(Guid.NewGuid()))).Refusal()).Code.Should().Be("business.notFound");

        (await (await w.Builder.PutAsync($"{Blocks(w.BuilderId)}/{w.BuilderId}", null)).Refusal()).FieldCodes["firmId"].Should().Equal("block.self");
        (await (await w.Builder.PutAsync($"{Blocks(w.BuilderId)}/{w.BuyerId}", null)).Refusal()).FieldCodes["firmId"].Should().Equal("block.notAFirm");
        (await (await w.Builder.PutAsync($"{Blocks(w.BuilderId)}/{Guid.NewGuid()}", null)).Refusal()).FieldCodes["firmId"].Should().Equal("block.notAFirm");

        // A Manager keeps the list as the Owner does; the list is as it was after the refusals.
        (await manager.GetFromJsonAsync<FirmBlockDto[]>(Blocks(w.BuilderId), Json))!.Select(b => b.FirmId).Should().Equal(w.CoderId);
        (await Block(manager, w.BuilderId, w.OutsiderId)).Select(b => b.Name).Should().HaveCount(2);
    }
}
