using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class BuyerConsentApiTestsOnSqlite(ClockedSqliteHost fixture) : BuyerConsentApiTests<ClockedSqliteHost>(fixture);

public sealed class BuyerConsentApiTestsOnPostgres(ClockedPostgresHost fixture) : BuyerConsentApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A tender names its buyer only with the buyer's consent (its own people, or the admins of a space it mandated), and
/// it is published into a space only when that space's admins approved the buyer (issue #10, finding 6).
/// </summary>
public abstract class BuyerConsentApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    /// <summary>A new account with its own association and space.</summary>
    async Task<(HttpClient Admin, Guid SpaceId)> OtherSpace(string name = "Spazio Nuovo")
    {
        var admin = fixture.Host.Browser();
        await admin.SignUp("newcomer");
        var association = await admin.CreateBusiness("Associazione Nuova", BusinessKind.Association);
        var created = await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, name, null, [], [],
            DirectoryVisibility.Public, "Regolamento", MinimumTenderingDays: 0), Json);
        created.EnsureSuccessStatusCode();
        return (admin, (await created.Read<SpaceDetailDto>()).Summary.Id);
    }

    static async Task<string> Refusal(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.Forbidden)
    {
        response.StatusCode.Should().Be(status);
        return (await response.Read<ProblemDetails>()).Detail!;
    }

    static Task<HttpResponseMessage> Publish(HttpClient client, TenderDto draft) =>
        client.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json);

    [Fact]
    public async Task A_new_account_s_association_cannot_draft_a_tender_naming_a_real_buyer()
    {
        var w = await World();
        var (impostor, spaceId) = await OtherSpace();

        var drafted = await impostor.PostAsJsonAsync("/api/tenders", w.Request() with { Spaces = [spaceId] }, Json);

        (await Refusal(drafted)).Should().Be("The buyer has not mandated the admins of \"Spazio Nuovo\" to act for it.");
        (await w.Buyer.GetFromJsonAsync<TenderSummaryDto[]>($"/api/businesses/{w.BuyerId}/tenders", Json)).Should().BeEmpty();
        (await fixture.Host.CreateClient().GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{spaceId}/tenders", Json)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_buyer_not_approved_in_a_space_cannot_publish_there_until_its_admins_approve()
    {
        var w = await World();
        var (otherAdmin, spaceId) = await OtherSpace("Spazio Altrui");
        var draft = await w.Draft(request: w.Request() with { Spaces = [w.SpaceId, spaceId] });

        (await Refusal(await Publish(w.Buyer, draft)))
            .Should().Be("\"Spazio Altrui\" has not approved this buyer to publish there: the buyer asks the space's admins first.");
        (await w.Get(w.Buyer, draft.Id)).Status.Should().Be(Marketplace.Tenders.TenderStatus.Draft, "a refusal changes nothing");

        (await w.Buyer.PostAsync($"/api/spaces/{spaceId}/buyers/{w.BuyerId}/request", null)).EnsureSuccessStatusCode();
        (await Publish(w.Buyer, draft)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "asking is not approval");
        (await otherAdmin.PostAsJsonAsync($"/api/spaces/{spaceId}/buyers/{w.BuyerId}/decision", new BuyerDecisionRequest(BuyerDecision.Approve), Json))
            .EnsureSuccessStatusCode();
        (await Publish(w.Buyer, draft)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_mandated_space_admin_drafts_publishes_and_manages_until_the_buyer_revokes_the_mandate()
    {
        var w = await World();
        (await w.Admin.PostAsJsonAsync("/api/tenders", w.Request(), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "no mandate yet");
        var granted = await w.Buyer.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(w.SpaceId), Json);
        var standing = await granted.Read<SpaceBuyerDto>();
        standing.Should().BeEquivalentTo(new { Mandated = true, Approval = BuyerApproval.Approved });
        standing.Actions.Allowed.Should().Equal([BuyerStandingAction.RevokeMandate], "the buyer's own people may take the mandate back");
        (await w.Admin.GetFromJsonAsync<SpaceBuyerDto[]>($"/api/spaces/{w.SpaceId}/buyers", Json))!.Single(b => b.Buyer.Id == w.BuyerId)
            .Actions.Allowed.Should().Equal([BuyerStandingAction.Revoke], "the space's admins decide and do not mandate for the buyer");

        var draft = await (await w.Admin.PostAsJsonAsync("/api/tenders", w.Request(), Json)).Read<TenderDto>();
        var published = await (await Publish(w.Admin, draft)).Read<TenderDto>();
        published.Actions.Allowed.Should().BeEquivalentTo([TenderAction.Amend, TenderAction.Answer, TenderAction.Cancel]);
        var asked = await (await w.Builder.PostAsJsonAsync($"/api/tenders/{draft.Id}/questions", new AskRequest(w.BuilderId, "Sopralluogo?"), Json)).Read<TenderDto>();
        (await w.Admin.PostAsJsonAsync($"/api/tenders/{draft.Id}/questions/1/answer", new TextRequest("Sì, il lunedì."), Json)).EnsureSuccessStatusCode();

        (await w.Buyer.DeleteAsync($"/api/businesses/{w.BuyerId}/mandates/{w.SpaceId}")).EnsureSuccessStatusCode();

        var amend = new AmendTenderRequest(asked.Version + 1, "Rettifica", false, published.Title, "Nuova descrizione",
            [.. published.Lots.Select(l => new LotRequest(l.Number, l.Title, l.Description, [.. l.Cpv.Select(c => c.Code)], l.EstimatedValue, l.ComuneCode))],
            published.Eligibility, [.. published.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))],
            published.EnquiryDeadline, published.SubmissionDeadline, published.ContractStart, published.ContractEnd, false, null);
        (await Refusal(await w.Admin.PostAsJsonAsync($"/api/tenders/{draft.Id}/amendments", amend, Json)))
            .Should().Be("The buyer revoked its mandate to the admins of \"Spazio Gare\": only the buyer's Owners and Managers act for it there now.");
        (await w.Admin.PostAsJsonAsync($"/api/tenders/{draft.Id}/cancel", new TextRequest("Annullata"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Admin.PostAsJsonAsync("/api/tenders", w.Request(), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var revoked = await w.Get(w.Admin, draft.Id);
        revoked.Status.Should().Be(TenderStatus.Enquiries, "the published tender stays published");
        revoked.Actions.Should().BeEquivalentTo(ViewerActions<TenderAction>.None, "the admin no longer manages it: no action, not even a blocked one");
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/amendments", amend, Json)).StatusCode.Should().Be(HttpStatusCode.OK, "the buyer's own people do");
    }

    [Fact]
    public async Task A_mandate_reaches_only_its_own_space()
    {
        var w = await World();
        var (otherAdmin, spaceId) = await OtherSpace();
        await otherAdmin.ApproveBuyer(w.Buyer, spaceId, w.BuyerId);
        (await w.Buyer.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(w.SpaceId), Json)).EnsureSuccessStatusCode();
        var theirs = await w.Publish();

        (await otherAdmin.PostAsJsonAsync("/api/tenders", w.Request() with { Spaces = [spaceId] }, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherAdmin.PostAsJsonAsync($"/api/tenders/{theirs.Id}/cancel", new TextRequest("Annullata"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Admin.PostAsJsonAsync("/api/tenders", w.Request() with { Spaces = [w.SpaceId, spaceId] }, Json)).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "the mandated admin does not administer the other space");
    }

    [Fact]
    public async Task Only_the_buyer_s_Owners_and_Managers_ask_to_publish_and_grant_or_revoke_mandates()
    {
        var w = await World();
        var (otherAdmin, spaceId) = await OtherSpace();
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Buyer, w.BuyerId);

        foreach (var (who, client) in new[] { ("buyer's Viewer", viewer), ("a firm", w.Builder), ("the space's admin", otherAdmin), ("the other space's admin", w.Admin) })
        {
            (await client.PostAsync($"/api/spaces/{spaceId}/buyers/{w.BuyerId}/request", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(spaceId), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.DeleteAsync($"/api/businesses/{w.BuyerId}/mandates/{w.SpaceId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        }
        (await w.Anonymous.PostAsync($"/api/spaces/{spaceId}/buyers/{w.BuyerId}/request", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await w.Buyer.PostAsync($"/api/spaces/{Guid.NewGuid()}/buyers/{w.BuyerId}/request", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Builder.PostAsync($"/api/spaces/{spaceId}/buyers/{w.BuilderId}/request", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a firm is no buyer");
        (await w.Buyer.GetFromJsonAsync<SpaceBuyerDto[]>($"/api/businesses/{w.BuyerId}/spaces", Json))!.Select(s => s.Space.Id)
            .Should().Equal([w.SpaceId], "nothing the others tried was stored");
    }

    [Fact]
    public async Task Only_the_buyer_s_owners_and_managers_are_offered_to_ask_a_space_and_a_space_asked_is_offered_no_more()
    {
        var w = await World();
        var (_, spaceId) = await OtherSpace("Spazio da Chiedere");
        var manager = fixture.Host.Browser();
        await w.Buyer.Join(w.BuyerId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Buyer, w.BuyerId);
        var choices = $"/api/businesses/{w.BuyerId}/spaces/choices";
        static async Task<BuyerSpaceChoiceDto[]> Choices(HttpClient client, string path) => (await client.GetFromJsonAsync<BuyerSpaceChoiceDto[]>(path, Json))!;

        foreach (var (who, client) in new[] { ("the buyer's Owner", w.Buyer), ("the buyer's Manager", manager) })
        {
            var offered = await Choices(client, choices);
            var choice = offered.Should().ContainSingle(c => c.Space.Id == spaceId, who).Subject;
            (choice.Space.Name, choice.HostName).Should().Be(("Spazio da Chiedere", "Associazione Nuova"), who);
            choice.Actions.Allowed.Should().Equal([BuyerStandingAction.RequestPublishing, BuyerStandingAction.GrantMandate], who);
            offered.Should().NotContain(c => c.Space.Id == w.SpaceId, "the buyer already stands in that space: its standing says what may be done there");
        }
        (await Choices(viewer, choices)).Should().BeEmpty("a Viewer asks no space");
        (await Choices(w.Builder, $"/api/businesses/{w.BuilderId}/spaces/choices")).Should().BeEmpty("a firm is no buyer");
        (await w.Outsider.GetAsync(choices)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Anonymous.GetAsync(choices)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await viewer.PostAsync($"/api/spaces/{spaceId}/buyers/{w.BuyerId}/request", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the command agrees");
        (await manager.PostAsync($"/api/spaces/{spaceId}/buyers/{w.BuyerId}/request", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Choices(w.Buyer, choices)).Should().NotContain(c => c.Space.Id == spaceId, "asked once, the space is the buyer's standing now");
    }

    [Fact]
    public async Task Only_the_space_s_admins_approve_or_revoke_a_buyer_and_see_its_buyers()
    {
        var w = await World();
        var (otherAdmin, _) = await OtherSpace();
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Buyer, w.BuyerId);
        var revoke = new BuyerDecisionRequest(BuyerDecision.Revoke);

        foreach (var (who, client) in new[] { ("the buyer", w.Buyer), ("buyer's Viewer", viewer), ("a member firm", w.Builder), ("another space's admin", otherAdmin) })
        {
            (await client.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/buyers/{w.BuyerId}/decision", revoke, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await client.GetAsync($"/api/spaces/{w.SpaceId}/buyers")).StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        }
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/buyers/{w.BuyerId}/decision", new { }, Json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/buyers/{w.OutsiderId}/decision", revoke, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Outsider.GetAsync($"/api/businesses/{w.BuyerId}/spaces")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/api/businesses/{w.BuyerId}/spaces")).StatusCode.Should().Be(HttpStatusCode.OK, "the buyer's people read its standings");

        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/buyers/{w.BuyerId}/decision", revoke, Json)).EnsureSuccessStatusCode();
        (await Publish(w.Buyer, await w.Draft())).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the space no longer takes this buyer's tenders");
    }

    [Fact]
    public async Task Requests_approvals_and_mandates_are_in_the_history_the_space_and_the_buyer_see()
    {
        var w = await World();
        (await w.Buyer.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(w.SpaceId), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.DeleteAsync($"/api/businesses/{w.BuyerId}/mandates/{w.SpaceId}")).EnsureSuccessStatusCode();

        var seenBySpace = (await w.Admin.GetFromJsonAsync<SpaceBuyerDto[]>($"/api/spaces/{w.SpaceId}/buyers", Json))!;
        var seenByBuyer = (await w.Buyer.GetFromJsonAsync<SpaceBuyerDto[]>($"/api/businesses/{w.BuyerId}/spaces", Json))!;

        seenBySpace.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Space = new { Id = w.SpaceId, Name = "Spazio Gare" },
            Buyer = new { Id = w.BuyerId, Name = "Comune di Prova" },
            Approval = BuyerApproval.Approved,
            Mandated = false,
        });
        seenBySpace[0].History.Select(h => h.Step).Should().Equal(
            SpaceBuyerStep.MandateRevoked, SpaceBuyerStep.MandateGranted, SpaceBuyerStep.Approved, SpaceBuyerStep.PublishingRequested);
        seenBySpace[0].History.Select(h => h.ActorName).Should().OnlyContain(n => n == DisplayNameOf("buyer") || n == DisplayNameOf("admin"), "who acted, by name");
        seenByBuyer.Should().BeEquivalentTo(seenBySpace, o => o.Excluding(s => s.Actions), "both see the same standing and history");
        seenBySpace[0].Actions.Allowed.Should().Equal([BuyerStandingAction.Revoke], "each sees what they may do with it");
        seenByBuyer[0].Actions.Allowed.Should().Equal([BuyerStandingAction.GrantMandate]);
    }
}
