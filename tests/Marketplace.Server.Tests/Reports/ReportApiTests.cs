using System.Net;
using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Reports;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Reports;

public sealed class ReportApiTestsOnSqlite(ClockedSqliteHost fixture) : ReportApiTests<ClockedSqliteHost>(fixture);

public sealed class ReportApiTestsOnPostgres(ClockedPostgresHost fixture) : ReportApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// Reports to the association: the IT firm (a member) reports the builder's post, project or firm to the space's
/// association; its admins read the queue and hide or dismiss with a reason the IT firm reads; the builder never learns
/// who reported it, and nobody but the space's admins sees the queue.
/// </summary>
public abstract class ReportApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static async Task<Guid> Post(TenderWorld w)
    {
        var response = await w.Builder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", new PublishPostRequest(w.BuilderId, PostKind.Offer,
            "Offriamo squadre per opere murarie", "Due squadre disponibili da marzo per scuole e uffici.", ["45210000"], "037006", null,
            DateOnly.FromDateTime(w.Now.UtcDateTime.AddDays(10)), null), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Read<PostDto>()).Post.Id;
    }

    static Task<HttpResponseMessage> Report(HttpClient client, Guid firmId, ReportSubject subject, Guid subjectId, Guid? spaceId = null,
        ReportReason reason = ReportReason.Spam, string? text = "Lo stesso annuncio ogni giorno.") =>
        client.PostAsJsonAsync("/api/reports", new FileReportRequest(firmId, subject, subjectId, spaceId, reason, text), Json);

    static Task<HttpResponseMessage> Decide(HttpClient client, Guid spaceId, ReportSubject subject, Guid subjectId, ReportStatus outcome, string? reason) =>
        client.PostAsJsonAsync($"/api/spaces/{spaceId}/reports/decisions", new DecideReportsRequest(subject, subjectId, outcome, reason), Json);

    static async Task<ReportQueueDto> Queue(HttpClient admin, Guid spaceId) => (await admin.GetFromJsonAsync<ReportQueueDto>($"/api/spaces/{spaceId}/reports", Json))!;

    static async Task<MyReportDto[]> Mine(HttpClient client, Guid firmId) => (await client.GetFromJsonAsync<MyReportDto[]>($"/api/businesses/{firmId}/reports", Json))!;

    /// <summary>Another association's space, with its own admin, that the builder and the IT firm also joined.</summary>
    static async Task<(HttpClient Admin, Guid SpaceId)> SecondSpace(TenderWorld w)
    {
        var admin = w.Host.Browser();
        await admin.SignUp("altra");
        var association = await admin.CreateBusiness("Confartigianato Prova", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Artigiani", null, [], [],
            DirectoryVisibility.MembersOnly, "Regole", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        await admin.Admit(spaceId, w.Builder, w.BuilderId);
        await admin.Admit(spaceId, w.Coder, w.CoderId);
        return (admin, spaceId);
    }

    [Fact]
    public async Task A_member_reports_a_post_which_its_association_reads_in_its_queue_and_the_reported_firm_learns_nothing_of()
    {
        var w = await World();
        var postId = await Post(w);

        var filed = await Report(w.Coder, w.CoderId, ReportSubject.Post, postId);

        filed.StatusCode.Should().Be(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        (await filed.Read<MyReportDto>()).Should().BeEquivalentTo(new
        {
            SpaceId = w.SpaceId, SpaceName = "Spazio Gare", Reason = ReportReason.Spam, Text = "Lo stesso annuncio ogni giorno.", Status = ReportStatus.Open,
            Subject = new ReportSubjectDto(ReportSubject.Post, postId, "Offriamo squadre per opere murarie", w.BuilderId, "Rossi Costruzioni"),
        }, o => o.ExcludingMissingMembers());
        var queue = await Queue(w.Admin, w.SpaceId);
        queue.Open.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Subject = new { Kind = ReportSubject.Post, Id = postId, Title = "Offriamo squadre per opere murarie" }, Firms = 1,
            Reports = new[] { new { ReporterFirmName = "Verdi Informatica", Reason = ReportReason.Spam, Text = "Lo stesso annuncio ogni giorno." } },
        }, o => o.ExcludingMissingMembers());

        (await (await Report(w.Coder, w.CoderId, ReportSubject.Post, postId, reason: ReportReason.Offensive)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "report.alreadyOpen" }, o => o.ExcludingMissingMembers());
        // The reported firm reads its post as before and nobody's reports but its own (none).
        (await Mine(w.Builder, w.BuilderId)).Should().BeEmpty();
        (await w.Builder.GetFromJsonAsync<PostDto>($"/api/posts/{postId}", Json))!.Post.Status.Should().Be(PostStatus.Open);
        (await (await w.Builder.GetAsync($"/api/businesses/{w.CoderId}/reports")).Refusal()).Code.Should().Be("report.notYourFirm");
    }

    [Fact]
    public async Task Only_the_space_s_admins_read_its_queue_and_decide_on_it()
    {
        var w = await World();
        var postId = await Post(w);
        (await Report(w.Coder, w.CoderId, ReportSubject.Post, postId)).EnsureSuccessStatusCode();
        var (otherAdmin, _) = await SecondSpace(w);

        foreach (var (who, client) in new[] { ("a member firm", w.Coder), ("the reported firm", w.Builder), ("another space's admin", otherAdmin),
            ("a firm outside the space", w.Outsider), ("the space's buyer", w.Buyer) })
        {
            (await (await client.GetAsync($"/api/spaces/{w.SpaceId}/reports")).Refusal()).Status.Should().Be(HttpStatusCode.Forbidden, who);
            (await (await Decide(client, w.SpaceId, ReportSubject.Post, postId, ReportStatus.Hidden, "Annuncio ripetuto")).Refusal())
                .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "report.notAdmin" }, o => o.ExcludingMissingMembers(), who);
        }
        (await w.Anonymous.GetAsync($"/api/spaces/{w.SpaceId}/reports")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await w.Admin.GetAsync($"/api/spaces/{Guid.NewGuid()}/reports")).Refusal()).Status.Should().Be(HttpStatusCode.NotFound);
        (await Queue(w.Admin, w.SpaceId)).Open.Should().ContainSingle("nobody's refused decision closed the report");
        (await w.Builder.GetFromJsonAsync<PostDto>($"/api/posts/{postId}", Json))!.Post.Status.Should().Be(PostStatus.Open);
    }

    [Fact]
    public async Task The_admin_hides_a_reported_post_with_a_reason_the_reporter_reads_and_the_decision_is_recorded()
    {
        var w = await World();
        var postId = await Post(w);
        (await Report(w.Coder, w.CoderId, ReportSubject.Post, postId)).EnsureSuccessStatusCode();

        (await Decide(w.Admin, w.SpaceId, ReportSubject.Post, postId, ReportStatus.Hidden, "Annuncio ripetuto più volte"))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        var mine = (await Mine(w.Coder, w.CoderId)).Should().ContainSingle().Subject;
        (mine.Status, mine.DecisionReason).Should().Be((ReportStatus.Hidden, "Annuncio ripetuto più volte"));
        mine.DecidedAt.Should().BeCloseTo(w.Now, TimeSpan.FromMilliseconds(1));
        var post = (await w.Builder.GetFromJsonAsync<PostDto>($"/api/posts/{postId}", Json))!;
        post.Post.Status.Should().Be(PostStatus.Hidden);
        post.Moderation!.Reason.Should().Be("Annuncio ripetuto più volte");
        var queue = await Queue(w.Admin, w.SpaceId);
        queue.Open.Should().BeEmpty();
        var decided = queue.Decided.Should().ContainSingle().Subject;
        (decided.Outcome, decided.Reason, decided.Reports).Should().Be((ReportStatus.Hidden, "Annuncio ripetuto più volte", 1));
        decided.DecidedBy.Should().Be(DisplayNameOf("admin"), "the admin who decided is recorded by name");
        decided.DecidedAt.Should().BeCloseTo(w.Now, TimeSpan.FromMilliseconds(1));
        (await (await Decide(w.Admin, w.SpaceId, ReportSubject.Post, postId, ReportStatus.Dismissed, "Di nuovo")).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "report.nothingOpen" }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task A_project_hidden_on_a_report_leaves_the_space_s_showcase_and_a_firm_s_report_is_dismissed_not_hidden()
    {
        var w = await World();
        await w.Admin.Admit(w.SpaceId, w.Outsider, w.OutsiderId);
        var project = await (await w.Builder.PostAsJsonAsync("/api/showcase", new PublishShowcaseRequest(w.BuilderId, "Scuola primaria Rodari",
            "Ristrutturazione", "Comune di Bologna", 2024, null, ["45210000"], [w.OutsiderId]), Json)).Read<ShowcaseDto>();
        (await w.Outsider.PostAsJsonAsync($"/api/showcase/{project.Id}/answers", new AnswerShowcaseRequest(w.OutsiderId, true, project.Version, null), Json))
            .EnsureSuccessStatusCode();
        var confirmed = (await w.Builder.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!;
        (await w.Admin.PostAsJsonAsync($"/api/showcase/{project.Id}/verification", new VerifyShowcaseRequest(w.SpaceId, confirmed.Version), Json))
            .EnsureSuccessStatusCode();
        Task<ShowcaseDto[]?> Showcase(HttpClient client) => client.GetFromJsonAsync<ShowcaseDto[]>($"/api/spaces/{w.SpaceId}/showcase", Json);
        (await Showcase(w.Coder)).Should().Contain(p => p.Id == project.Id);

        (await Report(w.Coder, w.CoderId, ReportSubject.Project, project.Id, reason: ReportReason.FalseInformation, text: null))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await Decide(w.Admin, w.SpaceId, ReportSubject.Project, project.Id, ReportStatus.Hidden, "Lavoro non svolto insieme"))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Showcase(w.Coder)).Should().NotContain(p => p.Id == project.Id);
        (await Showcase(w.Admin)).Should().Contain(p => p.Id == project.Id, "its admins still see what they hid");
        (await Report(w.Coder, w.CoderId, ReportSubject.Firm, w.BuilderId, reason: ReportReason.Other, text: "Non risponde mai"))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await (await Decide(w.Admin, w.SpaceId, ReportSubject.Firm, w.BuilderId, ReportStatus.Hidden, "No")).Refusal()).FieldCodes
            .Should().BeEquivalentTo(new Dictionary<string, string[]> { ["outcome"] = ["report.firmNotHidden"] });
        (await Decide(w.Admin, w.SpaceId, ReportSubject.Firm, w.BuilderId, ReportStatus.Dismissed, "Abbiamo parlato con l'impresa"))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Mine(w.Coder, w.CoderId)).Select(r => (r.Subject.Kind, r.Status)).Should()
            .BeEquivalentTo([(ReportSubject.Firm, ReportStatus.Dismissed), (ReportSubject.Project, ReportStatus.Hidden)]);
    }

    [Fact]
    public async Task Firms_sharing_several_spaces_choose_the_association_and_bad_input_is_refused_naming_the_field_with_nothing_filed()
    {
        var w = await World();
        var postId = await Post(w);
        var (otherAdmin, otherSpace) = await SecondSpace(w);

        (await (await Report(w.Coder, w.CoderId, ReportSubject.Firm, w.BuilderId)).Refusal()).FieldCodes
            .Should().BeEquivalentTo(new Dictionary<string, string[]> { ["spaceId"] = ["report.chooseSpace"] });
        (await (await Report(w.Coder, w.CoderId, ReportSubject.Post, postId, text: new string('x', ReportRules.MaxText + 1))).Refusal()).FieldCodes
            .Should().BeEquivalentTo(new Dictionary<string, string[]> { ["text"] = ["report.textLength"] });
        (await (await Report(w.Coder, w.CoderId, ReportSubject.Post, postId, spaceId: otherSpace)).Refusal()).FieldCodes
            .Should().BeEquivalentTo(new Dictionary<string, string[]> { ["spaceId"] = ["report.spaceNotShared"] });
        (await (await Report(w.Builder, w.BuilderId, ReportSubject.Post, postId)).Refusal()).FieldCodes
            .Should().BeEquivalentTo(new Dictionary<string, string[]> { ["subjectId"] = ["report.ownSubject"] });
        (await (await Report(w.Outsider, w.CoderId, ReportSubject.Post, postId)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "report.notYourFirm" }, o => o.ExcludingMissingMembers());
        // A post the outsider's firm may not see is reported as one that does not exist.
        foreach (var id in new[] { postId, Guid.NewGuid() })
            (await (await Report(w.Outsider, w.OutsiderId, ReportSubject.Post, id)).Refusal()).Code.Should().Be("report.notFound");
        (await (await Report(w.Outsider, w.OutsiderId, ReportSubject.Firm, w.BuilderId)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "report.noSharedSpace" }, o => o.ExcludingMissingMembers());
        (await Queue(w.Admin, w.SpaceId)).Open.Should().BeEmpty();

        (await Report(w.Coder, w.CoderId, ReportSubject.Firm, w.BuilderId, spaceId: otherSpace)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Queue(otherAdmin, otherSpace)).Open.Should().ContainSingle().Which.Subject.Title.Should().Be("Rossi Costruzioni");
        (await Queue(w.Admin, w.SpaceId)).Open.Should().BeEmpty("the report went to the association the IT firm chose");
    }

    [Fact]
    public async Task The_report_form_offers_each_of_the_viewer_s_firms_the_spaces_it_shares_with_the_reported_firm_and_no_one_else_s()
    {
        var w = await World();
        var (_, otherSpace) = await SecondSpace(w);
        static async Task<ReportChoiceDto[]> Choices(HttpClient client, Guid firmId) =>
            (await client.GetFromJsonAsync<ReportChoiceDto[]>($"/api/reports/choices?firmId={firmId}", Json))!;

        (await Choices(w.Coder, w.BuilderId)).Should().BeEquivalentTo(new[]
        {
            new { Firm = new NamedDto(w.CoderId, "Verdi Informatica"), Spaces = new[] { new NamedDto(otherSpace, "Spazio Artigiani"), new NamedDto(w.SpaceId, "Spazio Gare") } },
        }, o => o.WithStrictOrdering());
        (await Choices(w.Outsider, w.BuilderId)).Should().BeEmpty("the outsider's firm shares no space with the builder, and learns none of the builder's");
        (await Choices(w.Builder, w.BuilderId)).Should().BeEmpty("a firm does not report itself");
        (await w.Anonymous.GetAsync($"/api/reports/choices?firmId={w.BuilderId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_person_files_at_most_ten_reports_a_day()
    {
        var w = await World();
        for (var i = 0; i < ReportRules.ReportsPerWindow; i++)
        {
            (await Report(w.Coder, w.CoderId, ReportSubject.Firm, w.BuilderId)).StatusCode.Should().Be(HttpStatusCode.Created);
            (await Decide(w.Admin, w.SpaceId, ReportSubject.Firm, w.BuilderId, ReportStatus.Dismissed, "Esaminata")).EnsureSuccessStatusCode();
        }

        (await (await Report(w.Coder, w.CoderId, ReportSubject.Firm, w.BuilderId)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.TooManyRequests, Code = "report.tooMany" }, o => o.ExcludingMissingMembers());
        w.Clock.Advance(ReportRules.Window);
        (await Report(w.Coder, w.CoderId, ReportSubject.Firm, w.BuilderId)).StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
