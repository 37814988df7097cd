using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Businesses;
using Marketplace.Data.Proposals;
using Marketplace.Server.Endpoints;
using Marketplace.Server.OpenData.Import;
using Marketplace.Server.OpenData.Import.Proposals;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Marketplace.Server.Tests.OpenData.TestPackages;

namespace Marketplace.Server.Tests.OpenData;

public sealed class OpportunityProposalTestsOnSqlite(ClockedSqliteHost fixture) : OpportunityProposalTests<ClockedSqliteHost>(fixture);

public sealed class OpportunityProposalTestsOnPostgres(ClockedPostgresHost fixture) : OpportunityProposalTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A member firm proposes to its space's admins a release package of tenders it found on a buyer's platform; an admin
/// imports it in one click (as their own upload) or declines it with a reason the firm reads.
/// </summary>
public abstract class OpportunityProposalTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    const string School = "ocds-x7k2p9-mo-2026-0118", Road = "ocds-x7k2p9-prov-2026-0007";

    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static string Proposals(Guid spaceId) => $"/api/spaces/{spaceId}{OpportunityProposalEndpoints.Path}";

    static Task<HttpResponseMessage> Propose(HttpClient client, Guid spaceId, Guid firmId, JsonObject package, string note = "L'abbiamo trovato sul portale della Provincia")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(package.ToJsonString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent { { new StringContent(firmId.ToString()), "firmId" }, { new StringContent(note), "note" }, { file, "file", "strada.json" } };
        return client.PostAsync(Proposals(spaceId), form);
    }

    static async Task<OpportunityProposalDto> Proposed(HttpClient client, Guid spaceId, Guid firmId, JsonObject package)
    {
        var response = await Propose(client, spaceId, firmId, package);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<OpportunityProposalDto>();
    }

    static async Task<OpportunityProposalDto[]> List(HttpClient client, Guid spaceId) =>
        (await client.GetFromJsonAsync<OpportunityProposalDto[]>(Proposals(spaceId), Json))!;

    static async Task<TenderSummaryDto[]> SpaceTenders(HttpClient person, Guid spaceId) =>
        (await person.GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{spaceId}/tenders", Json))!;

    static JsonObject RoadOnly() => Only(r => (string?)r["ocid"] == Road);

    [Fact]
    public async Task A_member_firm_proposes_a_package_and_an_admin_imports_it_in_one_click()
    {
        var w = await World();

        var proposal = await Proposed(w.Builder, w.SpaceId, w.BuilderId, RoadOnly());

        proposal.Should().BeEquivalentTo(new { FirmId = w.BuilderId, FirmName = "Rossi Costruzioni", FileName = "strada.json",
            Note = "L'abbiamo trovato sul portale della Provincia", Status = ProposalStatus.Waiting });
        proposal.Opportunities.Should().ContainSingle().Which.Ocid.Should().Be(Road);
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().NotContain(t => t.External, "nothing is imported before an admin says so");
        (await List(w.Admin, w.SpaceId)).Should().ContainSingle(p => p.Id == proposal.Id);

        var imported = await w.Admin.PostAsync($"{Proposals(w.SpaceId)}/{proposal.Id}/import", null);

        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var done = await imported.Read<OpportunityProposalDto>();
        done.Status.Should().Be(ProposalStatus.Imported);
        done.Result!.Opportunities.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Ocid = Road, Effect = ImportEffect.Created });
        (await SpaceTenders(w.Coder, w.SpaceId)).Should().ContainSingle(t => t.External && t.Id == ExternalOpportunities.TenderId(w.SpaceId, Road));
        (await List(w.Builder, w.SpaceId)).Should().ContainSingle().Which.Status.Should().Be(ProposalStatus.Imported, "the firm reads what became of it");

        var again = await w.Admin.PostAsync($"{Proposals(w.SpaceId)}/{proposal.Id}/import", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Refusal()).Code.Should().Be("proposal.imported");
        (await (await w.Admin.PostAsJsonAsync($"{Proposals(w.SpaceId)}/{proposal.Id}/decline", new DeclineProposalRequest("No"), Json)).Refusal())
            .Code.Should().Be("proposal.imported", "a decided proposal says how it was decided");
    }

    [Fact]
    public async Task An_admin_declines_with_a_reason_the_firm_reads_and_the_firm_may_withdraw_one_still_waiting()
    {
        var w = await World();
        var declined = await Proposed(w.Builder, w.SpaceId, w.BuilderId, RoadOnly());
        var withdrawn = await Proposed(w.Coder, w.SpaceId, w.CoderId, Only(r => (string?)r["ocid"] == School));

        (await (await w.Admin.PostAsJsonAsync($"{Proposals(w.SpaceId)}/{declined.Id}/decline", new DeclineProposalRequest("  "), Json)).Refusal())
            .FieldCodes.Should().ContainKey("reason");
        var decline = await w.Admin.PostAsJsonAsync($"{Proposals(w.SpaceId)}/{declined.Id}/decline",
            new DeclineProposalRequest("La gara è fuori dal territorio dello spazio"), Json);
        decline.StatusCode.Should().Be(HttpStatusCode.OK, await decline.Content.ReadAsStringAsync());

        (await List(w.Builder, w.SpaceId)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Status = ProposalStatus.Declined, Reason = "La gara è fuori dal territorio dello spazio",
        }, "each firm reads only its own proposals");
        (await w.Builder.PostAsync($"{Proposals(w.SpaceId)}/{withdrawn.Id}/withdraw", null)).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "a firm does not withdraw another's proposal");
        (await w.Coder.PostAsync($"{Proposals(w.SpaceId)}/{withdrawn.Id}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await w.Admin.PostAsync($"{Proposals(w.SpaceId)}/{withdrawn.Id}/import", null)).Refusal()).Code.Should().Be("proposal.withdrawn");
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().NotContain(t => t.External);
    }

    [Fact]
    public async Task A_package_with_an_error_is_refused_at_its_place_and_nothing_is_kept()
    {
        var w = await World();
        var package = RoadOnly();
        package["releases"]![0]!["tender"]!["tenderPeriod"]!["endDate"] = "2020-01-30T12:00:00+01:00";

        var refused = await Propose(w.Builder, w.SpaceId, w.BuilderId, package);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Refusal()).FieldCodes.Should().ContainKey("$.releases[0].tender.tenderPeriod.endDate").WhoseValue.Should().Equal("tender.submissionFuture");
        (await List(w.Admin, w.SpaceId)).Should().BeEmpty();

        var noFirm = new MultipartFormDataContent { { new StringContent(new string('x', 1001)), "note" } };
        var fields = await (await w.Builder.PostAsync(Proposals(w.SpaceId), noFirm)).Refusal();
        fields.FieldCodes.Keys.Should().BeEquivalentTo(["firmId", "note", "file"]);
        (await w.Builder.PostAsync(Proposals(w.SpaceId), JsonContent.Create(new { firmId = w.BuilderId }))).StatusCode
            .Should().Be(HttpStatusCode.UnsupportedMediaType, "a proposal is a form with a file");
    }

    [Fact]
    public async Task A_package_the_import_refuses_by_now_leaves_the_proposal_waiting_as_it_was()
    {
        var w = await World();
        var package = RoadOnly();
        package["releases"]![0]!["tender"]!["tenderPeriod"]!["endDate"] = w.Now.AddDays(1).ToString("O");
        var proposal = await Proposed(w.Builder, w.SpaceId, w.BuilderId, package);
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        var refused = await w.Admin.PostAsync($"{Proposals(w.SpaceId)}/{proposal.Id}/import", null);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Refusal()).FieldCodes.Should().ContainKey("$.releases[0].tender.tenderPeriod.endDate");
        (await List(w.Admin, w.SpaceId)).Should().ContainSingle().Which.Status.Should().Be(ProposalStatus.Waiting);
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().NotContain(t => t.External);
        (await w.Admin.PostAsJsonAsync($"{Proposals(w.SpaceId)}/{proposal.Id}/decline", new DeclineProposalRequest("Scaduta"), Json))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the admin can still decline it");
    }

    [Fact]
    public async Task A_firm_has_a_few_proposals_waiting_at_most()
    {
        var w = await World();
        for (var i = 0; i < OpportunityProposalEndpoints.MaxWaiting; i++) await Proposed(w.Builder, w.SpaceId, w.BuilderId, RoadOnly());

        var one = await Propose(w.Builder, w.SpaceId, w.BuilderId, RoadOnly());

        one.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await one.Refusal()).Should().BeEquivalentTo(new { Code = "proposal.tooManyWaiting", Args = new Dictionary<string, string> { ["max"] = "5" } });
        (await List(w.Admin, w.SpaceId)).Should().HaveCount(OpportunityProposalEndpoints.MaxWaiting);
    }

    [Fact]
    public async Task Only_member_firms_Owners_and_Managers_propose_and_only_the_space_s_admins_decide()
    {
        var w = await World();
        var proposal = await Proposed(w.Builder, w.SpaceId, w.BuilderId, RoadOnly());
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        var otherAdmin = fixture.Host.Browser();
        await otherAdmin.SignUp("altro-admin-proposte");
        var otherSpace = await otherAdmin.CreateSpace("Altro spazio");
        var one = $"{Proposals(w.SpaceId)}/{proposal.Id}";

        foreach (var (who, client, firm) in new[]
        {
            ("a firm outside the space", w.Outsider, w.OutsiderId), ("a Viewer of a member firm", viewer, w.BuilderId),
            ("a member firm's person for another firm", w.Coder, w.BuilderId), ("the space's buyer", w.Buyer, w.BuyerId),
        })
        {
            var refused = await Propose(client, w.SpaceId, firm, RoadOnly());
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await refused.Refusal()).Code.Should().Be("proposal.notMember", who);
        }
        foreach (var (who, client) in new[] { ("the proposing firm's owner", w.Builder), ("another space's admin", otherAdmin), ("an outsider", w.Outsider) })
        {
            (await (await client.PostAsync($"{one}/import", null)).Refusal()).Code.Should().Be("space.notAdmin", who);
            (await (await client.PostAsJsonAsync($"{one}/decline", new DeclineProposalRequest("No"), Json)).Refusal()).Code.Should().Be("space.notAdmin", who);
        }
        foreach (var (who, client) in new[] { ("another space's admin", otherAdmin), ("an outsider", w.Outsider), ("the space's buyer", w.Buyer) })
            (await (await client.GetAsync(Proposals(w.SpaceId))).Refusal()).Code.Should().Be("proposal.notMember", who);
        (await List(w.Coder, w.SpaceId)).Should().BeEmpty("another member firm does not read this firm's proposals");
        (await List(viewer, w.SpaceId)).Should().ContainSingle("the firm's people read its proposals");
        (await (await viewer.PostAsync($"{one}/withdraw", null)).Refusal()).Code.Should().Be("proposal.notMember", "a Viewer does not withdraw");
        (await (await otherAdmin.PostAsync($"{Proposals(otherSpace)}/{proposal.Id}/import", null)).Refusal()).Code
            .Should().Be("proposal.notFound", "another space's admin reaches no proposal of this space through their own");
        (await w.Anonymous.GetAsync(Proposals(w.SpaceId))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await List(w.Admin, w.SpaceId)).Should().ContainSingle().Which.Status.Should().Be(ProposalStatus.Waiting, "no refused call changed it");
        (await SpaceTenders(w.Builder, w.SpaceId)).Should().NotContain(t => t.External);
    }
}
