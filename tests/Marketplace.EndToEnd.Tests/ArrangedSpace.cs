using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>A person arranged through the API: their client (signed in), their e-mail and the business they own.</summary>
public sealed record ArrangedFirm(HttpClient Api, string Email, BusinessProfileDto Firm);

/// <summary>
/// An association's space arranged through the API, as most browser stories begin: the association's secretary (its
/// Owner, so the space's admin) and the firms that applied and were approved.
/// </summary>
public sealed class ArrangedSpace
{
    readonly BrowserFixture fixture;

    ArrangedSpace(BrowserFixture fixture, HttpClient secretary, string secretaryEmail, Guid id)
    {
        this.fixture = fixture;
        Secretary = secretary;
        SecretaryEmail = secretaryEmail;
        Id = id;
    }

    public HttpClient Secretary { get; }
    public string SecretaryEmail { get; }
    public Guid Id { get; }

    /// <summary>The secretary signs up, creates the association and its space over `provinces`.</summary>
    public static async Task<ArrangedSpace> Create(BrowserFixture fixture, string[] provinces,
        string association = "Associazione Imprese Emilia", string name = "Spazio Imprese Emilia", string? description = null,
        DirectoryVisibility visibility = DirectoryVisibility.MembersOnly, string policy = "Regolamento dello spazio.")
    {
        var secretary = fixture.NewApiClient();
        var email = await secretary.SignUp("segreteria");
        var host = await secretary.CreateBusiness(association, BusinessKind.Association);
        var created = await secretary.PostAsJsonAsync("/api/spaces",
            new CreateSpaceRequest(host.Id, name, description, [], provinces, visibility, policy, MinimumTenderingDays: 0), Json);
        return new(fixture, secretary, email, (await created.Read<SpaceDetailDto>()).Summary.Id);
    }

    /// <summary>A firm, with its profile as `profile` edits it, that has applied to the space and been approved.</summary>
    public async Task<ArrangedFirm> Member(string who, string name, Func<EditProfileRequest, EditProfileRequest>? profile = null)
    {
        var firm = await fixture.NewFirm(who, name, profile);
        await Admit(firm.Api, firm.Firm.Id);
        return firm;
    }

    /// <summary>A buyer's person signs up and registers the buyer, which the secretary approves to publish in the space.</summary>
    public async Task<ArrangedBuyer> Buyer(string who = "appalti", string name = "Comune di Novi")
    {
        var api = fixture.NewApiClient();
        var email = await api.SignUp(who);
        var buyer = await api.CreateBusiness(name, BusinessKind.Buyer);
        await Secretary.ApproveBuyer(api, Id, buyer.Id);
        return new(api, email, buyer.Id, Id);
    }

    /// <summary>The firm applies (accepting the first policy) and the secretary approves it.</summary>
    public async Task Admit(HttpClient firmApi, Guid firmId)
    {
        (await firmApi.PostAsJsonAsync($"/api/spaces/{Id}/applications", new ApplyRequest(firmId, null, 1), Json)).EnsureSuccessStatusCode();
        (await Secretary.PostAsJsonAsync($"/api/spaces/{Id}/firms/{firmId}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
    }
}

/// <summary>A buyer arranged through the API: its person's client (signed in) and e-mail, and the space it publishes in.</summary>
public sealed record ArrangedBuyer(HttpClient Api, string Email, Guid Id, Guid SpaceId)
{
    /// <summary>A draft in the space, priced on price alone: questions until <paramref name="enquiryDeadline"/>, bids until <paramref name="deadline"/>.</summary>
    public async Task<TenderDto> Draft(string title, DateTimeOffset enquiryDeadline, DateTimeOffset deadline, params LotRequest[] lots)
    {
        var drafted = await Api.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(Id, [SpaceId], title, null, lots, [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], enquiryDeadline, deadline, null, null, true, []), Json);
        drafted.EnsureSuccessStatusCode();
        return await drafted.Read<TenderDto>();
    }

    /// <summary>The same, published.</summary>
    public async Task<TenderDto> Publish(string title, DateTimeOffset enquiryDeadline, DateTimeOffset deadline, params LotRequest[] lots)
    {
        var draft = await Draft(title, enquiryDeadline, deadline, lots);
        var published = await Api.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json);
        published.EnsureSuccessStatusCode();
        return await published.Read<TenderDto>();
    }
}

public static class ArrangedFirms
{
    /// <summary>
    /// The alliance's joint bid for lot 1, through the API: each firm prices its work, every firm signs that version and
    /// the first (the lead) submits it, each firm having answered its DGUE first. Questions must be closed on the server's clock.
    /// </summary>
    public static async Task SubmitJointBid(Guid allianceId, params (ArrangedFirm Firm, decimal Price)[] firms)
    {
        var bid = $"/api/alliances/{allianceId}/bid";
        foreach (var (firm, _) in firms) await firm.Api.RecordDgue(firm.Firm.Id);
        foreach (var (firm, price) in firms)
            (await firm.Api.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere", 1, null, firm.Firm.Id, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        var digest = (await firms[0].Firm.Api.GetFromJsonAsync<JointBidDto>(bid, Json))!.Digest;
        foreach (var (firm, _) in firms)
            (await firm.Api.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm.Firm.Id, digest), Json)).EnsureSuccessStatusCode();
        (await firms[0].Firm.Api.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();
    }

    /// <summary>A person signs up and creates a firm, with its profile as `profile` edits it.</summary>
    public static async Task<ArrangedFirm> NewFirm(this BrowserFixture fixture, string who, string name,
        Func<EditProfileRequest, EditProfileRequest>? profile = null)
    {
        var api = fixture.NewApiClient();
        var email = await api.SignUp(who);
        var firm = await api.CreateBusiness(name);
        if (profile is not null)
        {
            var edited = await api.EditProfile(firm.Id, profile(EditOf(firm)));
            edited.EnsureSuccessStatusCode();
            firm = await edited.Read<BusinessProfileDto>();
        }
        return new(api, email, firm);
    }
}
