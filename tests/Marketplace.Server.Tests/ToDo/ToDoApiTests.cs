using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.ToDo;

public sealed class ToDoApiTestsOnSqlite(ClockedSqliteHost fixture) : ToDoApiTests<ClockedSqliteHost>(fixture);

public sealed class ToDoApiTestsOnPostgres(ClockedPostgresHost fixture) : ToDoApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// "Da fare": each thing waiting for a person is listed to exactly those who may do it, named, and goes once done.
/// </summary>
public abstract class ToDoApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<ToDoItemDto[]> ToDo(HttpClient client) => (await client.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!;

    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    [Fact]
    public async Task A_visitor_is_refused_as_for_every_own_list()
    {
        var w = await World();

        (await w.Anonymous.GetAsync("/api/me/todo")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_team_invitation_waits_for_the_invited_address_only_until_it_is_accepted()
    {
        var owner = fixture.Host.Browser();
        await owner.SignUp("owner");
        var business = await owner.CreateBusiness("Bianchi Impianti S.r.l.");
        var person = fixture.Host.Browser();
        var email = await person.SignUp("invited");
        var other = fixture.Host.Browser();
        await other.SignUp("other");
        var invited = await (await owner.PostAsJsonAsync($"/api/businesses/{business.Id}/invitations", new InviteMemberRequest(email, BusinessRole.Manager), Json))
            .Read<BusinessInvitationDto>();

        var waiting = await ToDo(person);

        waiting.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = ToDoKind.BusinessInvitation, Business = new NamedDto(business.Id, "Bianchi Impianti S.r.l."), InvitationId = invited.Id,
            Role = BusinessRole.Manager, Deadline = (DateTimeOffset?)null,
        });
        (await ToDo(other)).Should().BeEmpty("the invitation is another address's");
        (await ToDo(owner)).Should().BeEmpty("the inviter has nothing to do");
        (await person.PostAsync($"/api/businesses/{business.Id}/invitations/{invited.Id}/accept", null)).EnsureSuccessStatusCode();
        (await ToDo(person)).Should().BeEmpty("the invitation is answered");
    }

    [Fact]
    public async Task A_space_invitation_waits_for_the_firm_s_owners_and_managers_until_the_firm_joins()
    {
        var w = await World();
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Outsider, w.OutsiderId);
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/invitations", new InviteRequest(w.OutsiderId), Json)).EnsureSuccessStatusCode();

        var waiting = await ToDo(w.Outsider);

        waiting.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = ToDoKind.SpaceInvitation, Business = new NamedDto(w.OutsiderId, "Neri Edilizia"), Space = new NamedDto(w.SpaceId, "Spazio Gare"),
        });
        (await ToDo(viewer)).Should().BeEmpty("a Viewer does not answer for the firm");
        (await ToDo(w.Builder)).Should().BeEmpty("another firm's invitation");
        (await ToDo(w.Admin)).Should().BeEmpty("the space's admin waits for the firm");
        (await w.Outsider.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(w.OutsiderId, null, 1), Json)).EnsureSuccessStatusCode();
        (await ToDo(w.Outsider)).Should().BeEmpty("the firm accepted the invitation");
    }

    [Fact]
    public async Task An_alliance_invitation_waits_for_the_invited_firm_s_owners_and_managers_until_answered()
    {
        var w = await World();
        var tender = await w.Publish();
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(w.CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();

        var waiting = await ToDo(w.Coder);

        waiting.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = ToDoKind.AllianceInvitation, Business = new NamedDto(w.CoderId, "Verdi Informatica"), Alliance = new NamedDto(alliance.Id, "RTI Rodari"),
            Tender = new NamedDto(tender.Id, "Riqualificazione scuola Rodari"), Deadline = (DateTimeOffset?)tender.SubmissionDeadline,
        });
        waiting[0].Since.Should().BeCloseTo(w.Now, TimeSpan.FromMicroseconds(1), "the invitation was made now by the server's clock (stored to the microsecond)");
        (await ToDo(viewer)).Should().BeEmpty("a Viewer does not answer for the firm");
        (await ToDo(w.Outsider)).Should().BeEmpty("another firm's invitation");
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(false, 1), Json)).EnsureSuccessStatusCode();
        (await ToDo(w.Coder)).Should().BeEmpty("the firm declined");
    }

    [Fact]
    public async Task An_alliance_invitation_leaves_the_list_once_its_tender_takes_no_more_bids()
    {
        var w = await World();
        var tender = await w.Publish();
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(w.CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await ToDo(w.Coder)).Should().ContainSingle(i => i.Kind == ToDoKind.AllianceInvitation);

        w.PassTo(tender.SubmissionDeadline);

        (await ToDo(w.Coder)).Should().NotContain(i => i.Kind == ToDoKind.AllianceInvitation, "no firm can join a bid once the tender's bids have closed");
    }

    [Fact]
    public async Task Each_bidding_firm_is_asked_to_sign_the_current_version_again_after_a_change_and_the_lead_to_submit_before_the_deadline()
    {
        var w = await World();
        var tender = await w.Publish();
        var allianceId = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        var bid = $"/api/alliances/{allianceId}/bid";
        async Task<JointBidDto> Send(HttpResponseMessage response)
        {
            response.EnsureSuccessStatusCode();
            return await response.Read<JointBidDto>();
        }
        await Send(await w.Builder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json));
        await Send(await w.Coder.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Cablaggio", 2, null, w.CoderId, new MoneyDto(150_000m, "EUR")), Json));
        var drafted = await Send(await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json));
        static IEnumerable<(ToDoKind, Guid)> Kinds(ToDoItemDto[] items) => items.Select(i => (i.Kind, i.Business.Id));

        var builderBefore = await ToDo(w.Builder);
        (await ToDo(w.Coder)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = ToDoKind.SignJointBid, Business = new NamedDto(w.CoderId, "Verdi Informatica"), Alliance = new NamedDto(allianceId, "RTI Rodari"),
            Tender = new NamedDto(tender.Id, "Riqualificazione scuola Rodari"), Deadline = (DateTimeOffset?)tender.SubmissionDeadline, Since = drafted.UpdatedAt,
        });
        await Send(await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.BuilderId, drafted.Digest), Json));
        var builderSigned = await ToDo(w.Builder);
        var cabling = drafted.WorkPackages.Single(p => p.Title == "Cablaggio");
        var changed = await Send(await w.Coder.PostAsJsonAsync($"{bid}/work-packages",
            new SaveWorkPackageRequest(cabling.Id, cabling.Version, "Cablaggio", 2, null, w.CoderId, new MoneyDto(140_000m, "EUR")), Json));
        var builderVoided = await ToDo(w.Builder);

        Kinds(builderBefore).Should().Equal((ToDoKind.SignJointBid, w.BuilderId));
        builderSigned.Should().BeEmpty("the lead signed this version");
        Kinds(builderVoided).Should().Equal([(ToDoKind.SignJointBid, w.BuilderId)], "the change voided the lead's sign-off");
        (await ToDo(viewer)).Should().BeEmpty("a Viewer does not sign for the firm");
        (await ToDo(w.Outsider)).Should().BeEmpty("another firm sees nothing of the alliance");
        (await ToDo(w.Buyer)).Should().BeEmpty("the buyer learns nothing of the joint bid");

        await Send(await w.Builder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.BuilderId, changed.Digest), Json));
        await Send(await w.Coder.PostAsJsonAsync($"{bid}/sign", new SignRequest(w.CoderId, changed.Digest), Json));
        var signedByAll = await ToDo(w.Builder);
        fixture.Clock.SetUtcNow(tender.SubmissionDeadline - TimeSpan.FromHours(47));
        var nearDeadline = await ToDo(w.Builder);
        var memberNearDeadline = await ToDo(w.Coder);
        await Send(await w.Builder.PostAsync($"{bid}/submit", null));

        signedByAll.Should().BeEmpty("both firms signed and the deadline is days away");
        nearDeadline.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = ToDoKind.SubmitJointBid, Business = new NamedDto(w.BuilderId, "Rossi Costruzioni"), Alliance = new NamedDto(allianceId, "RTI Rodari"),
            Deadline = (DateTimeOffset?)tender.SubmissionDeadline,
        });
        memberNearDeadline.Should().BeEmpty("only the lead submits");
        (await ToDo(w.Builder)).Should().BeEmpty("the joint bid is submitted as it is");
    }

    [Fact]
    public async Task Questions_wait_for_the_buyer_s_owners_and_managers_until_answered_soonest_deadline_first()
    {
        var w = await World();
        var later = await w.Publish(request: w.Request() with { Title = "Manutenzione del verde", SubmissionDeadline = w.Now.AddDays(20) });
        var sooner = await w.Publish();
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Buyer, w.BuyerId);
        var otherBuyer = fixture.Host.Browser();
        await otherBuyer.SignUp("otherbuyer");
        await otherBuyer.CreateBusiness("Comune di Altrove", BusinessKind.Buyer);
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{later.Id}/questions", new AskRequest(w.BuilderId, "Serve il sopralluogo?"), Json)).EnsureSuccessStatusCode();
        w.Clock.Advance(TimeSpan.FromMinutes(5));
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{sooner.Id}/questions", new AskRequest(w.BuilderId, "È previsto un sopralluogo?"), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"/api/tenders/{sooner.Id}/questions", new AskRequest(w.CoderId, "Il subappalto è ammesso?"), Json)).EnsureSuccessStatusCode();

        var waiting = await ToDo(w.Buyer);

        waiting.Select(i => (i.Kind, i.Tender!.Id, i.Tender.Name, i.Count, i.Business.Id)).Should().Equal(
            (ToDoKind.AnswerQuestions, sooner.Id, "Riqualificazione scuola Rodari", 2, w.BuyerId),
            (ToDoKind.AnswerQuestions, later.Id, "Manutenzione del verde", 1, w.BuyerId));
        waiting[1].Since.Should().BeBefore(waiting[0].Since, "the later tender's question waits longer, yet its deadline is further");
        (await ToDo(viewer)).Should().BeEmpty("a Viewer does not answer for the buyer");
        (await ToDo(otherBuyer)).Should().BeEmpty("another buyer's people");
        (await ToDo(w.Builder)).Should().BeEmpty("the asking firm waits for the buyer");
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{later.Id}/questions/1/answer", new TextRequest("Sì, il lunedì."), Json)).EnsureSuccessStatusCode();
        (await ToDo(w.Buyer)).Select(i => (i.Tender!.Id, i.Count)).Should().Equal([(sooner.Id, 2)], "the answered question no longer waits");
    }
}
