using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Showcase;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Showcase;

public sealed class ShowcaseApiTestsOnSqlite(SqliteHost fixture) : ShowcaseApiTests<SqliteHost>(fixture);

public sealed class ShowcaseApiTestsOnPostgres(PostgresHost fixture) : ShowcaseApiTests<PostgresHost>(fixture);

/// <summary>
/// Showcase projects confirmed by partners and verified by the hosting association, and endorsements between firms
/// that verifiably worked together.
/// </summary>
public abstract class ShowcaseApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    /// <summary>Three firms; the publisher and the partner are members of the association's space, the outsider is not.</summary>
    sealed record Firms(HttpClient Publisher, Guid PublisherId, HttpClient Partner, Guid PartnerId, HttpClient Outsider, Guid OutsiderId,
        HttpClient Admin, Guid AssociationId, Guid SpaceId);

    async Task<(HttpClient Admin, Guid AssociationId, Guid SpaceId)> Space(string association)
    {
        var admin = host.Browser();
        await admin.SignUp("segreteria");
        var host_ = await admin.CreateBusiness(association, BusinessKind.Association);
        var space = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(host_.Id, $"Spazio {association}", null, [], [],
            DirectoryVisibility.MembersOnly, "Regole", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        return (admin, host_.Id, space);
    }

    async Task<Firms> NewFirms()
    {
        var (admin, associationId, space) = await Space("Associazione Imprese");
        async Task<(HttpClient, Guid)> Firm(string name, bool member)
        {
            var client = host.Browser();
            await client.SignUp(name.Split(' ')[0].ToLowerInvariant());
            var id = (await client.CreateBusiness(name)).Id;
            if (member)
            {
                (await client.PostAsJsonAsync($"/api/spaces/{space}/applications", new ApplyRequest(id, null, 1), Json)).EnsureSuccessStatusCode();
                (await admin.PostAsJsonAsync($"/api/spaces/{space}/firms/{id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
                    .EnsureSuccessStatusCode();
            }
            return (client, id);
        }
        var (publisher, publisherId) = await Firm("Rossi Edilizia", member: true);
        var (partner, partnerId) = await Firm("Bianchi Impianti", member: true);
        var (outsider, outsiderId) = await Firm("Verdi Informatica", member: false);
        return new Firms(publisher, publisherId, partner, partnerId, outsider, outsiderId, admin, associationId, space);
    }

    static async Task<ShowcaseDto> Current(Firms f, ShowcaseDto project) => (await f.Publisher.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!;

    static Task<HttpResponseMessage> Verify(HttpClient client, Guid spaceId, ShowcaseDto project) =>
        client.PostAsJsonAsync($"/api/showcase/{project.Id}/verification", new VerifyShowcaseRequest(spaceId, project.Version), Json);

    static PublishShowcaseRequest Project(Firms f) => new(f.PublisherId, "Scuola primaria Rodari", "Ristrutturazione e impianti",
        "Comune di Bologna", 2024, new MoneyDto(1_250_000.50m, "EUR"), ["45210000", "45310000"], [f.PartnerId]);

    static async Task<ShowcaseDto> Publish(Firms f)
    {
        var response = await f.Publisher.PostAsJsonAsync("/api/showcase", Project(f), Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return await response.Read<ShowcaseDto>();
    }

    static Task<HttpResponseMessage> Answer(HttpClient client, ShowcaseDto project, Guid partner, bool confirm, string? reason = null) =>
        client.PostAsJsonAsync($"/api/showcase/{project.Id}/answers", new AnswerShowcaseRequest(partner, confirm, project.Version, reason), Json);

    [Fact]
    public async Task A_project_its_partner_confirms_is_verified_once_the_hosting_association_confirms_it()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        project.Verified.Should().BeFalse();
        project.Value.Should().Be(new MoneyDto(1_250_000.50m, "EUR"));

        (await Answer(f.Partner, project, f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        (await Current(f, project)).Verified.Should().BeFalse("a partner's confirmation alone verifies nothing");
        (await host.CreateClient().GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PartnerId}/showcase", Json))!.Projects.Should().BeEmpty();

        (await Verify(f.Admin, f.SpaceId, await Current(f, project))).EnsureSuccessStatusCode();

        var listed = (await host.CreateClient().GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PartnerId}/showcase", Json))!.Projects;
        listed.Should().ContainSingle().Which.Should().BeEquivalentTo(new // verified: now public
        {
            Verified = true, Title = "Scuola primaria Rodari", PublisherName = "Rossi Edilizia",
            Partners = new[] { new { FirmName = "Bianchi Impianti", Confirmation = PartnerConfirmation.Confirmed } },
            Verification = new { By = ShowcaseVerifier.Association, VerifierId = f.AssociationId, VerifierName = "Associazione Imprese" },
        });
    }

    [Fact]
    public async Task Only_an_admin_of_a_space_every_firm_of_the_project_belongs_to_verifies_it()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        (await Answer(f.Partner, project, f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        project = await Current(f, project);
        var (otherAdmin, _, otherSpace) = await Space("Altra Associazione");
        var associationViewer = host.Browser();
        await associationViewer.JoinAsViewer(f.Admin, f.AssociationId);

        foreach (var (who, client) in new[] { ("the publisher", f.Publisher), ("the partner", f.Partner), ("an outside firm", f.Outsider), ("the association's Viewer", associationViewer) })
            (await Verify(client, f.SpaceId, project)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        var elsewhere = await Verify(otherAdmin, otherSpace, project);
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the firms are not members of that space");
        (await elsewhere.Read<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Detail.Should().Contain("Spazio Altra Associazione");
        (await elsewhere.Refusal()).Should().BeEquivalentTo(new
        {
            Code = "showcase.notAllMembers",
            Args = new Dictionary<string, string> { ["space"] = "Spazio Altra Associazione" },
        }, "the client names the space in the user's language");
        (await Verify(f.Outsider, f.SpaceId, project with { Id = Guid.NewGuid() })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the same answer whatever exists");
        (await Verify(host.CreateClient(), f.SpaceId, project)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Current(f, project)).Verified.Should().BeFalse();
    }

    [Fact]
    public async Task The_space_s_showcase_offers_its_admins_to_verify_a_project_once_every_partner_confirmed_and_no_one_else()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        async Task<ShowcaseDto> Listed(HttpClient client) =>
            (await client.GetFromJsonAsync<ShowcaseDto[]>($"/api/spaces/{f.SpaceId}/showcase", Json))!.Single(p => p.Id == project.Id);

        (await Listed(f.Admin)).Actions.Should().BeEquivalentTo(new
        {
            Allowed = Array.Empty<ShowcaseAction>(),
            Blocked = new[] { new { Action = ShowcaseAction.Verify, Code = "showcase.notAllConfirmed" } },
        }, "the admin is told what verifying waits for");
        (await Answer(f.Partner, project, f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        (await Listed(f.Admin)).Actions.Allowed.Should().Equal(ShowcaseAction.Verify);

        foreach (var (who, client) in new[] { ("the publisher", f.Publisher), ("the partner", f.Partner) })
        {
            var actions = (await Listed(client)).Actions;
            actions.Allowed.Should().NotContain(ShowcaseAction.Verify, who);
            actions.Blocked.Should().NotContain(b => b.Action == ShowcaseAction.Verify, who);
            (await Verify(client, f.SpaceId, await Current(f, project))).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        }
        (await Verify(f.Admin, f.SpaceId, await Current(f, project))).EnsureSuccessStatusCode();
        (await Listed(f.Admin)).Actions.Allowed.Should().NotContain(ShowcaseAction.Verify, "it is verified");
        var alone = (await f.Admin.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!.Actions;
        alone.Allowed.Should().NotContain(ShowcaseAction.Verify, "a project read alone names no space to verify it for");
        alone.Blocked.Should().NotContain(b => b.Action == ShowcaseAction.Verify);
    }

    [Fact]
    public async Task A_partner_can_decline_and_an_edit_asks_again()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        (await Answer(f.Partner, project, f.PartnerId, confirm: false, "Non abbiamo lavorato a questo progetto")).EnsureSuccessStatusCode();
        (await f.Publisher.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!.Partners.Single()
            .Should().BeEquivalentTo(new { Confirmation = PartnerConfirmation.Declined, Reason = "Non abbiamo lavorato a questo progetto" });

        var edited = await f.Publisher.PutAsJsonAsync($"/api/showcase/{project.Id}", new EditShowcaseRequest(project.Version, "Scuola Rodari, lotto 2",
            null, "Comune di Bologna", 2025, null, [], [f.PartnerId]), Json);

        (await edited.Read<ShowcaseDto>()).Partners.Single().Confirmation.Should().Be(PartnerConfirmation.Pending);
    }

    [Fact]
    public async Task Outsiders_see_only_verified_projects_and_never_a_partner_s_reason()
    {
        var f = await NewFirms();
        var pending = await Publish(f);
        var anonymous = host.CreateClient();

        (await anonymous.GetAsync($"/api/showcase/{pending.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PartnerId}/showcase", Json))!.Projects.Should().BeEmpty();
        (await f.Partner.GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PartnerId}/showcase", Json))!.Projects.Should().ContainSingle();

        (await Answer(f.Partner, pending, f.PartnerId, confirm: false, "Mai lavorato con loro")).EnsureSuccessStatusCode();

        (await anonymous.GetAsync($"/api/showcase/{pending.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await f.Publisher.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{pending.Id}", Json))!.Partners.Single().Reason.Should().Be("Mai lavorato con loro");
    }

    [Fact]
    public async Task Only_the_right_firm_edits_or_answers()
    {
        var f = await NewFirms();
        var project = await Publish(f);

        (await f.Partner.PutAsJsonAsync($"/api/showcase/{project.Id}", new EditShowcaseRequest(project.Version, "Altro", null, null, 2024, null, [], [f.PartnerId]), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Answer(f.Publisher, project, f.PartnerId, confirm: true)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Answer(f.Outsider, project, f.OutsiderId, confirm: true)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Answer(host.Browser(), project, f.PartnerId, confirm: true)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await f.Outsider.PostAsJsonAsync("/api/showcase", Project(f), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await f.Partner.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!.Partners.Single()
            .Confirmation.Should().Be(PartnerConfirmation.Pending);
    }

    [Fact]
    public async Task A_manager_removed_from_the_firm_is_refused_at_once_editing_or_answering_for_it()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        var (editor, answerer) = (host.Browser(), host.Browser());
        var (editorEmail, answererEmail) = (await editor.SignUp("redattore"), await answerer.SignUp("referente"));
        await f.Publisher.Join(f.PublisherId, editor, editorEmail, BusinessRole.Manager);
        await f.Partner.Join(f.PartnerId, answerer, answererEmail, BusinessRole.Manager);
        Task<HttpResponseMessage> Edit(string title, int version) => editor.PutAsJsonAsync($"/api/showcase/{project.Id}",
            new EditShowcaseRequest(version, title, null, null, 2024, null, [], [f.PartnerId]), Json);
        (await Edit("Scuola primaria Rodari, secondo lotto", project.Version)).EnsureSuccessStatusCode();
        var edited = await Current(f, project);

        await f.Publisher.Remove(f.PublisherId, editorEmail);
        await f.Partner.Remove(f.PartnerId, answererEmail);

        (await (await Edit("Titolo di chi non c'è più", edited.Version)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "showcase.notEditor" });
        (await (await Answer(answerer, edited, f.PartnerId, confirm: true)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "showcase.notPartnerEditor" });
        var current = await Current(f, project);
        current.Should().BeEquivalentTo(new { edited.Version, edited.Title }, "the refused edit changed nothing");
        current.Partners.Single().Confirmation.Should().Be(PartnerConfirmation.Pending);
    }

    [Fact]
    public async Task Invalid_projects_are_refused_with_the_fields_named_and_nothing_stored()
    {
        var f = await NewFirms();

        var response = await f.Publisher.PostAsJsonAsync("/api/showcase", Project(f) with
        {
            Year = DateTimeOffset.UtcNow.Year + 1, Cpv = ["12345678"], Partners = [f.PublisherId],
        }, Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Read<ValidationProblemDetails>()).Errors.Keys.Should().BeEquivalentTo("year", "cpv[0]", "partners[0]");
        (await host.CreateClient().GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PublisherId}/showcase", Json))!.Projects.Should().BeEmpty();
    }

    [Fact]
    public async Task Firms_that_share_a_verified_project_may_endorse_each_other_once()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        var endorse = (Guid endorser, Guid endorsed) => new EndorseRequest(endorser, project.Id, "Puntuali e competenti.");

        (await f.Partner.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.PartnerId, f.PublisherId), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden); // not verified yet
        (await Answer(f.Partner, project, f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        (await f.Partner.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.PartnerId, f.PublisherId), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "a made-up project that a cooperating partner confirms earns no endorsement");
        (await Verify(f.Admin, f.SpaceId, await Current(f, project))).EnsureSuccessStatusCode();

        var created = await f.Partner.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.PartnerId, f.PublisherId), Json);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await f.Partner.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.PartnerId, f.PublisherId), Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await f.Outsider.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.OutsiderId, f.PublisherId), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await f.Publisher.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.PublisherId, f.PublisherId), Json))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await f.Outsider.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", endorse(f.PartnerId, f.PublisherId), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden); // nobody endorses in the name of a firm they do not act for

        var listed = (await host.CreateClient().GetFromJsonAsync<EndorsementsDto>($"/api/businesses/{f.PublisherId}/endorsements", Json))!.Items;
        listed.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            EndorserName = "Bianchi Impianti", ProjectTitle = "Scuola primaria Rodari", Text = "Puntuali e competenti.",
        });
        (await f.Outsider.DeleteAsync($"/api/businesses/{f.PublisherId}/endorsements/{f.PartnerId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var current = (await f.Publisher.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!;
        (await f.Publisher.PutAsJsonAsync($"/api/showcase/{project.Id}", new EditShowcaseRequest(current.Version, "Scuola Rodari (rivista)",
            null, null, 2024, null, [], [f.PartnerId]), Json)).EnsureSuccessStatusCode();
        (await host.CreateClient().GetFromJsonAsync<EndorsementsDto>($"/api/businesses/{f.PublisherId}/endorsements", Json))!.Items
            .Should().BeEmpty("the project is no longer verified, so the endorsement has nothing to stand on");
        (await f.Partner.DeleteAsync($"/api/businesses/{f.PublisherId}/endorsements/{f.PartnerId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await host.CreateClient().GetFromJsonAsync<EndorsementsDto>($"/api/businesses/{f.PublisherId}/endorsements", Json))!.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_space_s_showcase_lists_its_members_projects_to_those_who_may_see_its_directory()
    {
        var f = await NewFirms();
        await Publish(f);
        var (admin, space) = (f.Admin, f.SpaceId);

        var listed = await f.Publisher.GetFromJsonAsync<ShowcaseDto[]>($"/api/spaces/{space}/showcase", Json);
        listed.Should().ContainSingle();
        (await f.Outsider.GetAsync($"/api/spaces/{space}/showcase")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<ShowcaseDto[]>($"/api/spaces/{space}/showcase", Json)).Should().ContainSingle("its admins see what awaits verification");

        (await admin.GetFromJsonAsync<SpaceDashboardDto>($"/api/spaces/{space}/dashboard", Json))!.ShowcaseProjects.Should().Be(0, "not verified yet");
        (await Answer(f.Partner, listed![0], f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        (await Verify(admin, space, await Current(f, listed[0]))).EnsureSuccessStatusCode();
        (await f.Partner.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", new EndorseRequest(f.PartnerId, listed[0].Id, null), Json))
            .EnsureSuccessStatusCode();
        var dashboard = (await admin.GetFromJsonAsync<SpaceDashboardDto>($"/api/spaces/{space}/dashboard", Json))!;
        (dashboard.ShowcaseProjects, dashboard.Endorsements).Should().Be((1, 1));
    }

    [Fact]
    public async Task A_project_offers_the_answer_to_the_partner_s_Owners_and_Managers_only_and_the_others_are_refused_it()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        var (manager, employee) = (host.Browser(), host.Browser());
        await f.Partner.Join(f.PartnerId, manager, await manager.SignUp("responsabile"), BusinessRole.Manager);
        await employee.JoinAsViewer(f.Partner, f.PartnerId);
        async Task<ShowcaseDto> Read(HttpClient client) => (await client.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!;
        async Task<ShowcaseDto> Listed(HttpClient client) =>
            (await client.GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PublisherId}/showcase", Json))!.Projects.Single();

        foreach (var (who, client) in new[] { ("the partner's Owner", f.Partner), ("its Manager", manager) })
            foreach (var read in new[] { await Read(client), await Listed(client) })
            {
                read.ViewerFirms.Should().ContainSingle(who).Which.Should().BeEquivalentTo(new
                {
                    FirmId = f.PartnerId, Actions = new { Allowed = new[] { ShowcasePartnerAction.Answer }, Blocked = Array.Empty<object>() },
                }, who);
                read.Actions.Allowed.Should().BeEmpty("only the publisher's Owners and Managers edit");
            }
        foreach (var read in new[] { await Read(employee), await Listed(employee) })
            read.ViewerFirms.Should().ContainSingle().Which.Actions.Allowed.Should().BeEmpty("a firm's Viewer answers for nothing");
        foreach (var read in new[] { await Read(f.Publisher), await Listed(f.Publisher) })
            (read.Actions.Allowed, read.ViewerFirms).Should().BeEquivalentTo((new[] { ShowcaseAction.Edit }, Array.Empty<ShowcaseViewerFirm>()));

        (await (await Answer(employee, project, f.PartnerId, confirm: true)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "showcase.notPartnerEditor" }, "what is not offered is refused");
        (await Answer(f.Partner, project, f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        (await Verify(f.Admin, f.SpaceId, await Current(f, project))).EnsureSuccessStatusCode();

        foreach (var client in new[] { f.Outsider, host.CreateClient() }) // the project is public once verified: nothing to do for them
            foreach (var read in new[] { await Read(client), await Listed(client) })
                (read.Actions, read.ViewerFirms).Should().BeEquivalentTo((ViewerActions<ShowcaseAction>.None, Array.Empty<ShowcaseViewerFirm>()));
        (await Answer(f.Outsider, project, f.PartnerId, confirm: false)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_a_firm_s_Owners_and_Managers_are_offered_to_publish_a_project_for_it()
    {
        var f = await NewFirms();
        var employee = host.Browser();
        await employee.JoinAsViewer(f.Publisher, f.PublisherId);
        async Task<BusinessShowcaseAction[]> Offered(HttpClient client) =>
            (await client.GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.PublisherId}/showcase", Json))!.Actions.Allowed;

        (await Offered(f.Publisher)).Should().Equal(BusinessShowcaseAction.Publish);
        foreach (var (who, client) in new[] { ("its Viewer", employee), ("another firm", f.Partner), ("a visitor", host.CreateClient()) })
            (await Offered(client)).Should().BeEmpty(who);
        (await (await employee.PostAsJsonAsync("/api/showcase", Project(f), Json)).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "showcase.notPublisherEditor" });
        (await f.Admin.GetFromJsonAsync<BusinessShowcaseDto>($"/api/businesses/{f.AssociationId}/showcase", Json))!.Actions.Allowed
            .Should().BeEmpty("only firms publish showcase projects");
    }

    [Fact]
    public async Task The_endorsing_firm_s_Owners_and_Managers_are_offered_to_endorse_and_then_to_withdraw_and_nobody_else()
    {
        var f = await NewFirms();
        var project = await Publish(f);
        var employee = host.Browser();
        await employee.JoinAsViewer(f.Partner, f.PartnerId);
        Task<EndorsementsDto?> Read(HttpClient client) => client.GetFromJsonAsync<EndorsementsDto>($"/api/businesses/{f.PublisherId}/endorsements", Json);
        (await Read(f.Partner))!.Endorsers.Should().BeEmpty("the project is not verified yet");
        (await Answer(f.Partner, project, f.PartnerId, confirm: true)).EnsureSuccessStatusCode();
        (await Verify(f.Admin, f.SpaceId, await Current(f, project))).EnsureSuccessStatusCode();

        (await Read(f.Partner))!.Endorsers.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            FirmId = f.PartnerId, FirmName = "Bianchi Impianti",
            Projects = new[] { new { project.Id, Title = "Scuola primaria Rodari", Year = 2024 } },
            Actions = new { Allowed = new[] { EndorserAction.Endorse }, Blocked = Array.Empty<object>() },
        });
        foreach (var client in new[] { employee, f.Outsider, f.Publisher, host.CreateClient() })
            (await Read(client))!.Endorsers.Should().BeEmpty("only the firm's Owners and Managers endorse for it, and a firm not itself");
        (await f.Partner.PostAsJsonAsync($"/api/businesses/{f.PublisherId}/endorsements", new EndorseRequest(f.PartnerId, project.Id, null), Json))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var given = (await Read(f.Partner))!;
        given.Items.Should().ContainSingle().Which.Actions.Allowed.Should().Equal(EndorsementAction.Withdraw);
        given.Endorsers.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Projects = Array.Empty<object>(),
            Actions = new { Allowed = Array.Empty<EndorserAction>(), Blocked = new[] { new { Action = EndorserAction.Endorse, Code = "endorsement.alreadyEndorses" } } },
        }, "a firm endorses another once");
        foreach (var (who, client) in new[] { ("its Viewer", employee), ("the endorsed firm", f.Publisher), ("another firm", f.Outsider), ("a visitor", host.CreateClient()) })
            (await Read(client))!.Items.Should().ContainSingle().Which.Actions.Should().BeEquivalentTo(ViewerActions<EndorsementAction>.None, who);
        (await (await employee.DeleteAsync($"/api/businesses/{f.PublisherId}/endorsements/{f.PartnerId}")).Refusal())
            .Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "endorsement.notWithdrawer" }, "what is not offered is refused");
        (await f.Publisher.DeleteAsync($"/api/businesses/{f.PublisherId}/endorsements/{f.PartnerId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Read(f.Partner))!.Items.Should().ContainSingle();
    }
}

