using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Board;

public sealed class BoardApiTestsOnSqlite(ClockedSqliteHost fixture) : BoardApiTests<ClockedSqliteHost>(fixture);

public sealed class BoardApiTestsOnPostgres(ClockedPostgresHost fixture) : BoardApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The space's notice board: a member firm posts an offer or a request for a partner; the space's members and admins
/// read it, nobody else; another member firm expresses interest; the poster accepts it, which forms an alliance with
/// the interested firm invited; the admins moderate. In the tender world: the builder (CPV 45) and the IT firm (CPV 72)
/// are members, the outsider firm is not.
/// </summary>
public abstract class BoardApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static DateOnly Day(TenderWorld w, int days) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(w.Now, BoardRules.Italy).DateTime).AddDays(days);

    /// <summary>The builder offers masonry in Bologna, for 10 days, answering the IT firm's trade too (72).</summary>
    static PublishPostRequest Offer(TenderWorld w, Guid? firm = null, Guid? tender = null, string title = "Offriamo squadre per opere murarie") =>
        new(firm ?? w.BuilderId, PostKind.Offer, title, "Due squadre disponibili da marzo per scuole e uffici, con SOA OG1.",
            ["45210000", "72000000"], "037006", new MoneyDto(250_000m, "EUR"), Day(w, 10), tender);

    static async Task<PostDto> Publish(TenderWorld w, PublishPostRequest? request = null, HttpClient? client = null)
    {
        var response = await (client ?? w.Builder).PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", request ?? Offer(w), Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<PostDto>();
    }

    static async Task<BoardDto> Board(TenderWorld w, HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<BoardDto>($"/api/spaces/{w.SpaceId}/posts{query}", Json))!;

    static Task<HttpResponseMessage> Interest(HttpClient client, Guid postId, Guid firmId, string message = "Siamo interessati: ci sentiamo?") =>
        client.PostAsJsonAsync($"/api/posts/{postId}/interests", new ExpressInterestRequest(firmId, message), Json);

    static Task<HttpResponseMessage> Moderate(HttpClient client, Guid postId, ModerationAction action, string? reason) =>
        client.PostAsJsonAsync($"/api/posts/{postId}/moderation", new ModeratePostRequest(action, reason), Json);

    [Fact]
    public async Task A_member_firm_s_offer_is_on_the_board_of_the_space_s_members_and_admins_and_nobody_else_s()
    {
        var w = await World();
        var post = await Publish(w);

        post.Post.Should().BeEquivalentTo(new { Kind = PostKind.Offer, Title = "Offriamo squadre per opere murarie", PosterName = "Rossi Costruzioni",
            Status = PostStatus.Open, Mine = true, Interests = 0 }, o => o.ExcludingMissingMembers());
        post.Post.Comune!.Name.Should().Be("Bologna");
        post.Actions.Allowed.Should().BeEquivalentTo([PostAction.Edit, PostAction.Close]);
        var seen = (await Board(w, w.Coder)).Posts.Should().ContainSingle().Subject;
        seen.Should().BeEquivalentTo(new { post.Post.Id, Mine = false, Interests = (int?)null, MyInterest = (InterestStatus?)null },
            o => o.ExcludingMissingMembers());
        (await Board(w, w.Admin)).Posts.Should().ContainSingle(p => p.Id == post.Post.Id && p.Interests == 0);

        foreach (var stranger in new[] { w.Outsider, w.Buyer })
        {
            (await (await stranger.GetAsync($"/api/spaces/{w.SpaceId}/posts")).Refusal())
                .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "board.membersOnly" }, o => o.ExcludingMissingMembers());
            // A post it may not see does not exist for it, as a post that never existed.
            (await (await stranger.GetAsync($"/api/posts/{post.Post.Id}")).Refusal()).Code.Should().Be("board.notFound");
            (await (await stranger.GetAsync($"/api/posts/{Guid.NewGuid()}")).Refusal()).Code.Should().Be("board.notFound");
        }
        (await w.Anonymous.GetAsync($"/api/spaces/{w.SpaceId}/posts")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_every_field_and_nothing_is_posted()
    {
        var w = await World();
        var bad = new PublishPostRequest(w.BuilderId, null, "Ok", "corto", ["99999999"], "000000", new MoneyDto(-5m, "EUR"), Day(w, -1), Guid.NewGuid());

        var refused = await (await w.Builder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", bad, Json)).Refusal();

        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["kind"] = ["board.kind"], ["title"] = ["board.titleLength"], ["text"] = ["board.textLength"], ["cpv[0]"] = ["cpv.unknown"],
            ["comuneCode"] = ["comune.unknown"], ["value.amount"] = ["money.amount"], ["expiresOn"] = ["board.expiry"], ["tenderId"] = ["board.noSuchTender"],
        });
        var tooFar = await (await w.Builder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", Offer(w) with { ExpiresOn = Day(w, BoardRules.MaxDays + 1), Cpv = [] }, Json)).Refusal();
        tooFar.FieldCodes.Keys.Should().BeEquivalentTo("expiresOn", "cpv");
        (await Board(w, w.Builder)).Posts.Should().BeEmpty();
    }

    [Fact]
    public async Task The_wrong_people_are_refused_before_anything_changes()
    {
        var w = await World();
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        var elsewhere = await World(); // a firm of another space

        (await (await viewer.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", Offer(w), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "board.notPosterEditor" }, o => o.ExcludingMissingMembers());
        (await (await w.Outsider.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", Offer(w, w.OutsiderId), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "board.notMember" }, o => o.ExcludingMissingMembers());
        (await (await w.Coder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", Offer(w), Json)).Refusal()).Code.Should().Be("board.notPosterEditor");
        (await Board(w, w.Coder)).Posts.Should().BeEmpty();

        var post = await Publish(w);
        var edit = new EditPostRequest(post.Version, PostKind.Request, "Cerchiamo chi scrive software", "Testo cambiato da chi non può cambiarlo.",
            ["72000000"], "037006", null, Day(w, 5), null);
        (await (await w.Coder.PutAsJsonAsync($"/api/posts/{post.Post.Id}", edit, Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "board.notPosterEditor" }, o => o.ExcludingMissingMembers());
        (await (await viewer.PostAsync($"/api/posts/{post.Post.Id}/close", null)).Refusal()).Code.Should().Be("board.notPosterEditor");
        (await (await Interest(viewer, post.Post.Id, w.BuilderId)).Refusal()).Code.Should().Be("board.notInterestEditor");
        (await (await Interest(w.Coder, post.Post.Id, w.BuilderId)).Refusal()).Code.Should().Be("board.notInterestEditor");
        (await (await Interest(w.Outsider, post.Post.Id, w.OutsiderId)).Refusal()).Code.Should().Be("board.notFound");
        (await (await Interest(elsewhere.Builder, post.Post.Id, elsewhere.BuilderId)).Refusal()).Code.Should().Be("board.notFound");
        (await (await elsewhere.Builder.GetAsync($"/api/spaces/{w.SpaceId}/posts")).Refusal()).Code.Should().Be("board.membersOnly");
        (await (await Moderate(w.Coder, post.Post.Id, ModerationAction.Hide, "Spam")).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "board.notAdmin" }, o => o.ExcludingMissingMembers());
        (await (await Moderate(elsewhere.Admin, post.Post.Id, ModerationAction.Hide, "Spam")).Refusal()).Code.Should().Be("board.notFound");

        (await Interest(w.Coder, post.Post.Id, w.CoderId)).EnsureSuccessStatusCode();
        // Another firm accepting interests on someone else's post, and the interested firm accepting its own.
        (await (await w.Coder.PostAsync($"/api/posts/{post.Post.Id}/interests/{w.CoderId}/accept", null)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "board.notPosterEditor" }, o => o.ExcludingMissingMembers());
        (await (await viewer.PostAsync($"/api/posts/{post.Post.Id}/interests/{w.CoderId}/accept", null)).Refusal()).Code.Should().Be("board.notPosterEditor");

        var current = (await w.Builder.GetFromJsonAsync<PostDto>($"/api/posts/{post.Post.Id}", Json))!;
        current.Should().BeEquivalentTo(new { post.Post.Title, AllianceId = (Guid?)null }, o => o.ExcludingMissingMembers());
        current.InterestsSeen.Should().ContainSingle().Which.Status.Should().Be(InterestStatus.Pending);
    }

    [Fact]
    public async Task The_poster_accepts_an_interest_and_an_rti_for_the_post_s_tender_is_formed_with_the_interested_firm_invited()
    {
        var w = await World();
        var tender = await w.Publish();
        var post = await Publish(w, Offer(w, tender: tender.Id) with { Kind = PostKind.Request, Title = "Cerchiamo un partner per gli impianti" });
        post.Post.TenderTitle.Should().Be(tender.Title);

        (await Interest(w.Coder, post.Post.Id, w.CoderId, "  Facciamo impianti e software, ci conosciamo già.  ")).EnsureSuccessStatusCode();
        (await (await Interest(w.Coder, post.Post.Id, w.CoderId)).Refusal()).Code.Should().Be("board.alreadyInterested");
        (await (await Interest(w.Builder, post.Post.Id, w.BuilderId)).Refusal()).Code.Should().Be("board.ownPost");
        var coderSees = (await Board(w, w.Coder)).Posts.Single();
        coderSees.MyInterest.Should().Be(InterestStatus.Pending);
        var posterSees = (await w.Builder.GetFromJsonAsync<PostDto>($"/api/posts/{post.Post.Id}", Json))!;
        posterSees.InterestsSeen.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            FirmId = w.CoderId, FirmName = "Verdi Informatica", Message = "Facciamo impianti e software, ci conosciamo già.", Status = InterestStatus.Pending,
        }, o => o.ExcludingMissingMembers());
        posterSees.InterestsSeen.Single().Actions.Allowed.Should().Equal(InterestAction.Accept);

        var accepted = await (await w.Builder.PostAsync($"/api/posts/{post.Post.Id}/interests/{w.CoderId}/accept", null)).Read<PostDto>();

        accepted.AllianceId.Should().NotBeNull();
        var alliance = (await w.Coder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{accepted.AllianceId}", Json))!;
        alliance.Should().BeEquivalentTo(new { Name = "Cerchiamo un partner per gli impianti", Tender = new { tender.Id }, Lead = new { Id = w.BuilderId } },
            o => o.ExcludingMissingMembers());
        alliance.Members.Should().ContainSingle(m => m.FirmId == w.CoderId).Which.Standing.Should().Be(AllianceStanding.Invited);
        var coderPost = (await w.Coder.GetFromJsonAsync<PostDto>($"/api/posts/{post.Post.Id}", Json))!;
        coderPost.AllianceId.Should().Be(accepted.AllianceId);
        coderPost.InterestsSeen.Single().Status.Should().Be(InterestStatus.Accepted);
        (await (await w.Builder.PostAsync($"/api/posts/{post.Post.Id}/interests/{w.CoderId}/accept", null)).Refusal()).Code.Should().Be("board.alreadyAccepted");
        // A member firm that expressed no interest sees neither the interests nor the alliance.
        var third = fixture.Host.Browser();
        await third.SignUp("terza");
        var thirdId = (await third.CreateBusiness("Gialli Impianti")).Id;
        await w.Admin.Admit(w.SpaceId, third, thirdId);
        var thirdPost = (await third.GetFromJsonAsync<PostDto>($"/api/posts/{post.Post.Id}", Json))!;
        thirdPost.Should().BeEquivalentTo(new { AllianceId = (Guid?)null, InterestsSeen = Array.Empty<PostInterestDto>() }, o => o.ExcludingMissingMembers());
        thirdPost.Post.Interests.Should().BeNull();
    }

    [Fact]
    public async Task Accepting_an_interest_opens_the_alliance_s_conversation_with_the_interested_firm_s_message()
    {
        var w = await World();
        var post = await Publish(w);
        (await Interest(w.Coder, post.Post.Id, w.CoderId, "Facciamo il software di cantiere: sentiamoci.")).EnsureSuccessStatusCode();
        var accepted = await (await w.Builder.PostAsync($"/api/posts/{post.Post.Id}/interests/{w.CoderId}/accept", null)).Read<PostDto>();
        var messages = $"/api/alliances/{accepted.AllianceId}/messages";

        var first = (await w.Builder.GetFromJsonAsync<ThreadPageDto>(messages, Json))!.Messages.Should().ContainSingle().Subject;
        first.Should().BeEquivalentTo(new { Text = "Facciamo il software di cantiere: sentiamoci.", FirmId = w.CoderId, FirmName = "Verdi Informatica",
            AuthorName = "Persona verdi", PackageId = (Guid?)null }, o => o.ExcludingMissingMembers());
        // The invited firm reads it once it joins, and answers in the same thread.
        (await (await w.Coder.GetAsync(messages)).Refusal()).Code.Should().Be("conversation.notFound");
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{accepted.AllianceId}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync(messages, new PostMessageRequest(null, null, "Eccoci: quando iniziamo?"), Json)).EnsureSuccessStatusCode();
        (await w.Coder.GetFromJsonAsync<ThreadPageDto>(messages, Json))!.Messages.Select(m => m.Text)
            .Should().Equal("Eccoci: quando iniziamo?", "Facciamo il software di cantiere: sentiamoci.");
    }

    [Fact]
    public async Task Without_a_tender_accepting_forms_a_standing_alliance()
    {
        var w = await World();
        var post = await Publish(w);
        (await Interest(w.Coder, post.Post.Id, w.CoderId)).EnsureSuccessStatusCode();

        var accepted = await (await w.Builder.PostAsync($"/api/posts/{post.Post.Id}/interests/{w.CoderId}/accept", null)).Read<PostDto>();

        var alliance = (await w.Builder.GetFromJsonAsync<AllianceDto>($"/api/alliances/{accepted.AllianceId}", Json))!;
        alliance.Tender.Should().BeNull();
        alliance.Agreement.Text.Should().Be(post.Post.Text);
    }

    [Fact]
    public async Task An_expired_post_leaves_the_board_by_its_date_and_refuses_interest_saying_so()
    {
        var w = await World();
        var post = await Publish(w, Offer(w) with { ExpiresOn = Day(w, 1) });
        (await Board(w, w.Coder)).Posts.Should().ContainSingle();

        w.PassTo(post.Post.ExpiresAt);

        (await Board(w, w.Coder)).Posts.Should().BeEmpty();
        (await (await Interest(w.Coder, post.Post.Id, w.CoderId)).Refusal()).Should().BeEquivalentTo(
            new { Status = HttpStatusCode.Conflict, Code = "board.expired", Args = new Dictionary<string, string> { ["day"] = Day(w, 0).AddDays(-1).ToString("yyyy-MM-dd") } },
            o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task Closed_and_hidden_posts_refuse_interest_with_the_true_reason_and_the_poster_reads_the_admins_reason()
    {
        var w = await World();
        var closedByPoster = await Publish(w);
        (await w.Builder.PostAsync($"/api/posts/{closedByPoster.Post.Id}/close", null)).EnsureSuccessStatusCode();
        (await (await Interest(w.Coder, closedByPoster.Post.Id, w.CoderId)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "board.closed" }, o => o.ExcludingMissingMembers());

        var closedByAdmin = await Publish(w, Offer(w, title: "Offriamo ponteggi a noleggio"));
        (await (await Moderate(w.Admin, closedByAdmin.Post.Id, ModerationAction.Close, "  ")).Refusal()).FieldCodes.Keys.Should().Equal("reason");
        (await Moderate(w.Admin, closedByAdmin.Post.Id, ModerationAction.Close, "Annuncio commerciale, non una collaborazione")).EnsureSuccessStatusCode();
        (await (await Interest(w.Coder, closedByAdmin.Post.Id, w.CoderId)).Refusal()).Should().BeEquivalentTo(new
        {
            Status = HttpStatusCode.Conflict, Code = "board.closedByAdmin",
            Args = new Dictionary<string, string> { ["reason"] = "Annuncio commerciale, non una collaborazione" },
        }, o => o.ExcludingMissingMembers());

        var hidden = await Publish(w, Offer(w, title: "Offriamo consulenze varie"));
        (await Moderate(w.Admin, hidden.Post.Id, ModerationAction.Hide, "Contenuto offensivo")).EnsureSuccessStatusCode();
        (await w.Coder.GetAsync($"/api/posts/{hidden.Post.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var posterSees = (await w.Builder.GetFromJsonAsync<PostDto>($"/api/posts/{hidden.Post.Id}", Json))!;
        posterSees.Moderation.Should().BeEquivalentTo(new { Status = PostStatus.Hidden, Reason = "Contenuto offensivo", ByAdmin = true }, o => o.ExcludingMissingMembers());
        posterSees.Actions.Allowed.Should().BeEmpty();
        (await Board(w, w.Builder)).Posts.Should().ContainSingle(p => p.Id == hidden.Post.Id && p.Status == PostStatus.Hidden);
        (await Board(w, w.Coder)).Posts.Should().BeEmpty();
    }

    [Fact]
    public async Task In_a_space_whose_posts_need_approval_a_new_post_waits_in_the_admins_queue_until_approved()
    {
        var w = await World();
        var space = (await w.Admin.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.SpaceId}", Json))!;
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/settings", new EditSpaceSettingsRequest(space.Version, space.Summary.Name, space.Summary.Description,
            space.TerritoryComuni, space.TerritoryProvinces, space.Summary.Visibility, PostsNeedApproval: true), Json)).EnsureSuccessStatusCode();

        var post = await Publish(w);

        post.Post.Status.Should().Be(PostStatus.AwaitingApproval);
        (await Board(w, w.Coder)).Posts.Should().BeEmpty();
        (await w.Coder.GetAsync($"/api/posts/{post.Post.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var queue = await Board(w, w.Admin);
        queue.PostsNeedApproval.Should().BeTrue();
        queue.Posts.Should().ContainSingle(p => p.Status == PostStatus.AwaitingApproval);

        (await Moderate(w.Admin, post.Post.Id, ModerationAction.Approve, null)).EnsureSuccessStatusCode();

        (await Board(w, w.Coder)).Posts.Should().ContainSingle(p => p.Id == post.Post.Id && p.Status == PostStatus.Open);
        (await (await Moderate(w.Admin, post.Post.Id, ModerationAction.Approve, null)).Refusal()).Code.Should().Be("board.notAwaiting");
        (await (await w.Coder.GetAsync($"/api/spaces/{w.SpaceId}/dashboard")).Refusal()).Status.Should().Be(HttpStatusCode.Forbidden);
        await Publish(w, Offer(w, title: "Offriamo ponteggi a noleggio"));
        (await Interest(w.Coder, post.Post.Id, w.CoderId)).EnsureSuccessStatusCode();
        (await w.Admin.GetFromJsonAsync<SpaceDashboardDto>($"/api/spaces/{w.SpaceId}/dashboard", Json))!
            .Should().BeEquivalentTo(new { OpenPosts = 1, PostsAwaitingApproval = 1, PostInterests = 1 }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task A_firm_publishes_a_few_posts_a_day_and_more_the_next_day()
    {
        var w = await World();
        for (var i = 0; i < BoardRules.PostsPerDay; i++) await Publish(w, Offer(w, title: $"Offriamo squadra numero {i + 1}"));

        var refused = await (await w.Builder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", Offer(w, title: "Offriamo una squadra in più"), Json)).Refusal();

        refused.Should().BeEquivalentTo(new { Status = HttpStatusCode.TooManyRequests, Code = "board.tooManyPosts" }, o => o.ExcludingMissingMembers());
        (await Board(w, w.Coder)).Posts.Should().HaveCount(BoardRules.PostsPerDay);
        await Publish(w, Offer(w, w.CoderId, title: "Offriamo sviluppo software") with { Cpv = ["72000000"] }, w.Coder);
        w.PassTo(w.Now.AddDays(1));
        await Publish(w, Offer(w, title: "Offriamo una squadra in più"));
    }

    [Fact]
    public async Task The_board_filters_by_kind_division_and_the_viewer_s_capabilities_newest_first()
    {
        var w = await World();
        var offer = await Publish(w, Offer(w) with { Cpv = ["45210000"] });
        w.PassTo(w.Now.AddMinutes(1));
        var request = await Publish(w, Offer(w, title: "Cerchiamo chi sviluppa un gestionale") with { Kind = PostKind.Request, Cpv = ["72000000"] });

        (await Board(w, w.Coder)).Posts.Select(p => p.Id).Should().Equal(request.Post.Id, offer.Post.Id);
        (await Board(w, w.Coder, "?kind=Offer")).Posts.Select(p => p.Id).Should().Equal(offer.Post.Id);
        (await Board(w, w.Coder, "?division=72")).Posts.Select(p => p.Id).Should().Equal(request.Post.Id);
        (await Board(w, w.Coder, "?matching=true")).Posts.Select(p => p.Id).Should().Equal(request.Post.Id);
        (await (await w.Coder.GetAsync($"/api/spaces/{w.SpaceId}/posts?division=4")).Refusal()).FieldCodes.Keys.Should().Equal("division");
    }

    [Fact]
    public async Task A_firm_s_inbox_lists_the_open_posts_its_capabilities_match_but_its_own_and_only_to_its_people()
    {
        var w = await World();
        var software = await Publish(w, Offer(w, title: "Cerchiamo chi sviluppa un gestionale") with { Kind = PostKind.Request, Cpv = ["72260000"] });
        await Publish(w, Offer(w, title: "Offriamo squadre edili") with { Cpv = ["45210000"] });
        var closed = await Publish(w, Offer(w, title: "Cerchiamo un sistemista") with { Cpv = ["72000000"] });
        (await w.Builder.PostAsync($"/api/posts/{closed.Post.Id}/close", null)).EnsureSuccessStatusCode();

        var coderInbox = (await w.Coder.GetFromJsonAsync<InboxPostDto[]>($"/api/businesses/{w.CoderId}/inbox/posts", Json))!;

        coderInbox.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Post = new { software.Post.Id }, SpaceName = "Spazio Gare" },
            o => o.ExcludingMissingMembers());
        (await w.Builder.GetFromJsonAsync<InboxPostDto[]>($"/api/businesses/{w.BuilderId}/inbox/posts", Json)).Should().BeEmpty();
        (await (await w.Builder.GetAsync($"/api/businesses/{w.CoderId}/inbox/posts")).Refusal()).Code.Should().Be("inbox.notTheFirms");
        (await w.Outsider.GetFromJsonAsync<InboxPostDto[]>($"/api/businesses/{w.OutsiderId}/inbox/posts", Json)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_poster_edits_its_post_with_the_version_it_read()
    {
        var w = await World();
        var post = await Publish(w);
        var edit = new EditPostRequest(post.Version, PostKind.Offer, "Offriamo tre squadre per opere murarie", post.Post.Text, ["45210000"], "037006", null, Day(w, 20), null);

        var edited = await (await w.Builder.PutAsJsonAsync($"/api/posts/{post.Post.Id}", edit, Json)).Read<PostDto>();

        edited.Post.Should().BeEquivalentTo(new { Title = "Offriamo tre squadre per opere murarie", Value = (MoneyDto?)null, ExpiresOn = Day(w, 20) },
            o => o.ExcludingMissingMembers());
        (await (await w.Builder.PutAsJsonAsync($"/api/posts/{post.Post.Id}", edit, Json)).Refusal()).Code.Should().Be("board.changedMeanwhile");
    }
}
