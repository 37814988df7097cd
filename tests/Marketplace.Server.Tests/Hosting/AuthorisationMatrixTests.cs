using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hosting;

/// <summary>
/// The project's own authorisation matrix, generated from the OpenAPI document the server publishes: every operation,
/// called by every kind of actor of one tenant with the ids of another tenant, is refused, and nothing answers 5xx.
/// Runs on SQLite (the rules are the grains' and endpoints', not the provider's).
/// </summary>
public sealed class AuthorisationMatrixTests(ClockedSqliteHost fixture) : IClassFixture<ClockedSqliteHost>
{
    /// <summary>Public by design: anyone may read these, and what they show is filtered for the reader.</summary>
    static readonly HashSet<string> Public =
    [
        "GET /api/businesses",                      // the directory of businesses
        "GET /api/businesses/{id}",                 // a business's public profile
        "GET /api/businesses/{id}/verifications",   // the associations vouching for it (members-only spaces named to their members only)
        "GET /api/businesses/{id}/tenders",         // a buyer's published tenders
        "GET /api/businesses/{id}/showcase",        // a firm's showcase projects
        "GET /api/businesses/{id}/endorsements",    // the endorsements a firm received
        "GET /api/spaces",                          // the spaces and their hosts
        "GET /api/spaces/{id}",                     // a space's page: its policy and settings
        "GET /api/spaces/{id}/members",             // a members-only space shows outsiders only how many firms it has
        "GET /api/spaces/{id}/tenders",             // the tenders published in a space
        "GET /api/spaces/{id}/showcase",            // the space's showcase
        "GET /api/showcase/{id}",                   // one showcase project
        "GET /api/tenders",                         // published tenders, of the spaces the reader is inside of or that show themselves to all
        "GET /api/tenders/{id}",                    // a published tender
        "GET /api/tenders/{id}/audit",              // its public audit chain (bids only as the tender discloses them)
        "GET /api/tenders/{id}/audit/chain",        // the same chain as a file for the offline verifier
        "GET /api/tenders/{id}/ocds",               // its open data: the public notice in OCDS, nothing sealed
        "GET /api/tenders/{id}/ocds/record",        // the same as an OCDS record (its release and the compiled release)
        "GET /api/spaces/{id}/ocds",                // the open data of the tenders published in a space, as its tender list
        "GET /api/businesses/{id}/ocds",            // a buyer's published tenders as open data
        "GET /api/ocds/extensions/group-roles/extension.json",          // the platform's own OCDS extension, as the repository holds it
        "GET /api/ocds/extensions/group-roles/release-schema.json",
        "GET /api/ocds/extensions/group-roles/codelists/groupRole.csv",
        "GET /api/audit/checkpoints",               // the signed checkpoints anchoring every tender's chain heads
        "GET /api/audit/public-key",                // the key that checks them
        "GET /api/reference/cpv",                   // reference data
        "GET /api/reference/cpv/tree",              // reference data
        "GET /api/reference/comuni",
        "GET /api/reference/soa-categories",        // the SOA works categories and their names
    ];

    /// <summary>
    /// Own resource: the caller's own account, businesses, invitations and inbox, or something new of its own; no
    /// foreign id is involved. Identity's account endpoints answer uniformly whatever account exists.
    /// </summary>
    static readonly HashSet<string> Own =
    [
        "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh", "GET /api/auth/confirmEmail",
        "POST /api/auth/resendConfirmationEmail", "POST /api/auth/forgotPassword", "POST /api/auth/resetPassword",
        "POST /api/auth/manage/2fa", "GET /api/auth/manage/info", "POST /api/auth/manage/info", "POST /api/auth/logout",
        "POST /api/auth/logout/everywhere", "GET /api/auth/me", "PUT /api/auth/me/name", "GET /api/auth/session",
        "GET /api/me/businesses", "GET /api/me/invitations", "GET /api/me/todo", "POST /api/businesses", "POST /api/inbox/read",
        "GET /api/me/notifications", "PUT /api/me/notifications", // the caller's own notification settings
        "GET /api/alliances/choices", // where the caller's own firms may form an alliance
        "GET /api/reports/choices",   // where the caller's own firms may report a firm
        "GET /api/spaces/hosts",      // the caller's own associations they may create a space for
    ];

    /// <summary>One tenant: a space with its admin, a buyer, two member firms (the first with a Viewer), a published
    /// tender with a question, an alliance of the two firms with a work package, a solo bid and a pending invitation.</summary>
    sealed record Tenant(TenderWorld World, HttpClient Viewer, Guid ViewerUserId, TenderDto Tender, Guid AllianceId, Guid PackageId, Guid DocumentId, Guid ShowcaseId,
        Guid PostId)
    {
        public Dictionary<string, string> Ids(string path) => new()
        {
            ["id"] = (path.Split('/')[2] switch
            {
                "spaces" => World.SpaceId,
                "tenders" => Tender.Id,
                "alliances" => AllianceId,
                "showcase" => ShowcaseId,
                "posts" => PostId,
                _ => World.BuilderId,
            }).ToString(),
            // The other tenant's IT firm expressed interest in its builder's post: accepting it is refused to everyone here.
            ["firmId"] = (path.StartsWith("/api/alliances", StringComparison.Ordinal) || path.StartsWith("/api/posts", StringComparison.Ordinal)
                ? World.CoderId : World.BuilderId).ToString(),
            ["bidderId"] = World.CoderId.ToString(),
            ["endorserId"] = World.CoderId.ToString(),
            ["userId"] = ViewerUserId.ToString(),
            ["documentId"] = DocumentId.ToString(),
            ["packageId"] = PackageId.ToString(),
            ["invitationId"] = Guid.NewGuid().ToString(),
            ["feedId"] = Guid.NewGuid().ToString(),
            ["proposalId"] = Guid.NewGuid().ToString(),
            ["criterion"] = "2",
            ["number"] = "1",
        };
    }

    async Task<Tenant> NewTenant()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var viewer = fixture.Host.Browser();
        var viewerEmail = await viewer.SignUp("viewer");
        await w.Builder.Join(w.BuilderId, viewer, viewerEmail, BusinessRole.Viewer);
        (await w.Builder.PostAsJsonAsync($"/api/businesses/{w.BuilderId}/invitations", new InviteMemberRequest("pending@example.it", BusinessRole.Manager), Json))
            .EnsureSuccessStatusCode();
        var tender = await w.Publish();
        (await w.Coder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.CoderId, "Sopralluogo obbligatorio?"), Json)).EnsureSuccessStatusCode();
        var alliance = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, tender.Id, "RTI", "Accordo"), Json)).Read<AllianceDto>();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(w.CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{w.CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        var document = await (await TenderWorld.Upload(w.Builder, w.BuilderId, "Offerta.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        var showcase = await (await w.Builder.PostAsJsonAsync("/api/showcase", new PublishShowcaseRequest(w.BuilderId, "Scuola Marconi", null, "Comune di Prova",
            2024, null, ["45210000"], [w.CoderId]), Json)).Read<ShowcaseDto>();
        var post = await (await w.Builder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", new PublishPostRequest(w.BuilderId, Marketplace.Board.PostKind.Offer,
            "Offriamo squadre edili", "Due squadre disponibili da marzo.", ["45210000"], "037006", null,
            DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime.AddDays(30)), null), Json)).Read<PostDto>();
        (await w.Coder.PostAsJsonAsync($"/api/posts/{post.Post.Id}/interests", new ExpressInterestRequest(w.CoderId, "Interessati"), Json)).EnsureSuccessStatusCode();
        return new Tenant(w, viewer, (await viewer.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Id, tender, alliance.Id, Guid.Empty, document.Id, showcase.Id,
            post.Post.Id);
    }

    /// <summary>Once bids are taken: the alliance's work package, and the second firm's own bid for the other lot.</summary>
    static async Task<Tenant> Bidding(Tenant t)
    {
        var w = t.World;
        var bid = await (await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/bid/work-packages",
            new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json)).Read<JointBidDto>();
        (await w.Bid(w.Coder, t.Tender.Id, w.CoderId, 150_000m)).EnsureSuccessStatusCode();
        return t with { PackageId = bid.WorkPackages.Single().Id };
    }

    [Fact]
    public async Task Every_operation_refuses_every_actor_of_another_tenant_and_none_fails_with_a_server_error()
    {
        var (a, b) = (await NewTenant(), await NewTenant());
        fixture.Clock.SetUtcNow(new[] { a.Tender.EnquiryDeadline, b.Tender.EnquiryDeadline }.Max().AddSeconds(1));
        (a, b) = (await Bidding(a), await Bidding(b));
        using var document = JsonDocument.Parse(await a.World.Anonymous.GetStringAsync("/openapi/v1.json"));
        var operations = Operations(document.RootElement).ToList();
        var actors = new (string Name, HttpClient Client)[]
        {
            ("anonymous", a.World.Anonymous), ("outsider", a.World.Outsider), ("member firm", a.World.Builder),
            ("firm viewer", a.Viewer), ("buyer", a.World.Buyer), ("space admin", a.World.Admin),
        };

        var failures = new List<string>();
        foreach (var (name, client) in actors)
            foreach (var op in operations)
            {
                var response = await client.SendAsync(op.Request(b.Ids(op.Path)));
                var status = (int)response.StatusCode;
                var due = !Public.Contains(op.Key) && !Own.Contains(op.Key);
                if (status >= 500 || (due && status is >= 200 and < 300))
                    failures.Add($"{op.Key} as {name}: {status} {await response.Content.ReadAsStringAsync()}");
            }

        operations.Should().HaveCountGreaterThan(80, "the matrix covers the whole document");
        failures.Should().BeEmpty();
    }

    sealed record Operation(string Method, string Path, JsonElement Definition)
    {
        public string Key => $"{Method} {Path}";

        /// <summary>The request with the given path ids, required query parameters filled in, and a minimal body.</summary>
        public HttpRequestMessage Request(Dictionary<string, string> ids)
        {
            var path = ids.Aggregate(Path, (p, id) => p.Replace($"{{{id.Key}}}", id.Value));
            var query = new List<string>();
            if (Definition.TryGetProperty("parameters", out var parameters))
                foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("required", out var r) && r.GetBoolean()))
                    query.Add($"{p.GetProperty("name").GetString()}={(p.GetProperty("schema").ToString().Contains("integer") ? "1" : "x")}");
            var request = new HttpRequestMessage(new HttpMethod(Method), query.Count > 0 ? $"{path}?{string.Join('&', query)}" : path);
            if (Definition.TryGetProperty("requestBody", out var body))
            {
                var types = body.GetProperty("content").EnumerateObject().Select(c => c.Name).ToList();
                if (types.Contains("application/json")) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                else
                {
                    request.Content = new ByteArrayContent(TenderWorld.Pdf);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(types[0]);
                }
            }
            return request;
        }
    }

    /// <summary>Every operation of the document; logging out (here or everywhere) comes last, so that each actor stays who it is throughout.</summary>
    static IEnumerable<Operation> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value)))
            .OrderBy(op => op.Path.StartsWith("/api/auth/logout", StringComparison.Ordinal));
}
