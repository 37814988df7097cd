using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;

namespace Marketplace.Testing;

/// <summary>What a user does through the API, in the words of the tests.</summary>
public static class ApiClientExtensions
{
    public const string Password = "ocra-vela-trenta-2026";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The display name <see cref="SignUp"/> gives a person registered as <paramref name="name"/>.</summary>
    public static string DisplayNameOf(string name) => $"Persona {name}";

    /// <summary>Registers a new user with a unique e-mail (named <see cref="DisplayNameOf"/>) and signs in with a cookie; returns the e-mail.</summary>
    public static async Task<string> SignUp(this HttpClient client, string name = "user")
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.it";
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = DisplayNameOf(name) })).EnsureSuccessStatusCode();
        await client.SignIn(email);
        return email;
    }

    public static async Task SignIn(this HttpClient client, string email, string password = Password) =>
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password })).EnsureSuccessStatusCode();

    public static async Task<BusinessProfileDto> CreateBusiness(this HttpClient client, string name = "Officine Test S.r.l.", BusinessKind kind = BusinessKind.Firm)
    {
        var response = await client.PostAsJsonAsync("/api/businesses", new { kind, name }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BusinessProfileDto>(Json))!;
    }

    /// <summary>
    /// The person creates an association and its space (members-only directory, no minimum tendering period: tests choose
    /// their own deadlines); returns the space's id.
    /// </summary>
    /// <summary>Records a firm's SOA attestations and figures from the business's version given; the answer is what is now recorded.</summary>
    public static async Task<FirmQualificationsDto> RecordQualifications(this HttpClient owner, Guid firmId, int version,
        SoaAttestationRequest[] attestations, FinancialFiguresDto? figures = null)
    {
        var response = await owner.PutAsJsonAsync($"/api/businesses/{firmId}/qualifications", new EditQualificationsRequest(version, attestations, figures), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FirmQualificationsDto>(Json))!;
    }

    /// <summary>
    /// The firm's DGUE answered and confirmed now by one of its Owners or Managers: "No" to every exclusion ground, or
    /// "Yes" to serious professional misconduct with <paramref name="misconduct"/> as its explanation; no selection
    /// criteria pointed at. The DGUE as the firm's page then reads it.
    /// </summary>
    public static async Task<FirmDgueDto> RecordDgue(this HttpClient owner, Guid firmId, string? misconduct = null)
    {
        var current = (await owner.GetFromJsonAsync<FirmDgueDto>($"/api/businesses/{firmId}/dgue", Json))!;
        DgueAnswerRequest[] answers = [.. Marketplace.Qualifications.DgueRules.Grounds.Select(g => g.Code == "professionalMisconduct" && misconduct is not null
            ? new DgueAnswerRequest(g.Code, true, misconduct) : new DgueAnswerRequest(g.Code, false, null))];
        var response = await owner.PutAsJsonAsync($"/api/businesses/{firmId}/dgue", new EditDgueRequest(current.Version, answers, new DgueSelectionRequest([], false)), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<FirmDgueDto>();
    }

    public static async Task<Guid> CreateSpace(this HttpClient admin, string name = "Spazio")
    {
        var association = await admin.CreateBusiness($"Associazione {name}", BusinessKind.Association);
        var created = await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, name, null, [], [],
            Marketplace.Spaces.DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json);
        return (await created.Read<SpaceDetailDto>()).Summary.Id;
    }

    /// <summary>The firm applies to the space (accepting its first policy) and the space's admin approves it.</summary>
    public static async Task Admit(this HttpClient admin, Guid spaceId, HttpClient firm, Guid firmId)
    {
        (await firm.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firmId, null, 1), Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firmId}/decision",
            new DecisionRequest(Marketplace.Spaces.MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
    }

    /// <summary>The business's Owner or Manager invites the person's e-mail, and the person (signed in with it) accepts.</summary>
    public static async Task Join(this HttpClient inviter, Guid businessId, HttpClient person, string email, BusinessRole role)
    {
        var invited = await inviter.PostAsJsonAsync($"/api/businesses/{businessId}/invitations", new InviteMemberRequest(email, role), Json);
        invited.EnsureSuccessStatusCode();
        var invitation = await invited.Read<BusinessInvitationDto>();
        (await person.PostAsync($"/api/businesses/{businessId}/invitations/{invitation.Id}/accept", null)).EnsureSuccessStatusCode();
    }

    /// <summary>The business's Owner or Manager removes the person with this e-mail address from it.</summary>
    public static async Task Remove(this HttpClient remover, Guid businessId, string email)
    {
        var members = await remover.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{businessId}/members", Json);
        var person = members!.Single(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)).UserId;
        (await remover.DeleteAsync($"/api/businesses/{businessId}/members/{person}")).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// What a response tells its reader: the status and the body, without the trace id (different on every request by
    /// design). Two answers that must not tell two states apart compare equal.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> Told(this HttpResponseMessage response) =>
        (response.StatusCode, Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\",?", ""));

    /// <summary>Signs the person up and makes them a Viewer of the owner's business (invited, then accepting).</summary>
    public static async Task JoinAsViewer(this HttpClient person, HttpClient owner, Guid businessId) =>
        await owner.Join(businessId, person, await person.SignUp("viewer"), BusinessRole.Viewer);

    /// <summary>The buyer asks to publish tenders in the space, and the space's admin approves it.</summary>
    public static async Task ApproveBuyer(this HttpClient admin, HttpClient buyer, Guid spaceId, Guid buyerId)
    {
        (await buyer.PostAsync($"/api/spaces/{spaceId}/buyers/{buyerId}/request", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/buyers/{buyerId}/decision",
            new BuyerDecisionRequest(Marketplace.Spaces.BuyerDecision.Approve), Json)).EnsureSuccessStatusCode();
    }

    /// <summary>A refusal as clients read it: the status, the code with its arguments, and each field's codes.</summary>
    public sealed record Refused(HttpStatusCode Status, string Code, IReadOnlyDictionary<string, string> Args, IReadOnlyDictionary<string, string[]> FieldCodes);

    public static async Task<Refused> Refusal(this HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        static Dictionary<string, string> Args(JsonElement owner) => owner.TryGetProperty("args", out var args)
            ? args.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!) : [];
        var fields = root.TryGetProperty("errorCodes", out var codes)
            ? codes.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray())
            : [];
        return new(response.StatusCode, root.GetProperty("code").GetString()!, Args(root), fields);
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static EditProfileRequest EditOf(BusinessProfileDto p) => new(p.Version, p.Name, p.VatNumber, p.Description,
        [.. p.Capabilities.Select(c => c.Code)], p.Tags, p.Locality?.ComuneCode, p.Address, p.Size, p.Website, p.ContactEmail, p.ContactPhone, p.TaxCode);

    public static Task<HttpResponseMessage> EditProfile(this HttpClient client, Guid id, EditProfileRequest edit) =>
        client.PutAsJsonAsync($"/api/businesses/{id}/profile", edit, Json);
}
