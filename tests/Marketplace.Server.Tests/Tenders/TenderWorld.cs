using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

/// <summary>
/// A space with a buyer and member firms, as tender tests need it: the association's admin, the buyer's person, two
/// member firms (one builds, one does IT), a firm outside the space and an anonymous visitor.
/// </summary>
public sealed record TenderWorld(
    MarketplaceHost Host, FakeTimeProvider Clock, Guid SpaceId, HttpClient Admin, HttpClient Buyer, Guid BuyerId,
    HttpClient Builder, Guid BuilderId, HttpClient Coder, Guid CoderId, HttpClient Outsider, Guid OutsiderId, HttpClient Anonymous)
{
    public static async Task<TenderWorld> Create(MarketplaceHost host, FakeTimeProvider clock)
    {
        var admin = host.Browser();
        await admin.SignUp("admin");
        var association = await admin.CreateBusiness("Associazione Imprese Test", BusinessKind.Association);
        var created = await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Gare", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json);
        created.EnsureSuccessStatusCode();
        var spaceId = (await created.Read<SpaceDetailDto>()).Summary.Id;

        var buyer = host.Browser();
        await buyer.SignUp("buyer");
        var buyerId = (await buyer.CreateBusiness("Comune di Prova", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, spaceId, buyerId);

        var (builder, builderId) = await Firm(host, admin, spaceId, "Rossi Costruzioni", "45210000", join: true);
        var (coder, coderId) = await Firm(host, admin, spaceId, "Verdi Informatica", "72000000", join: true);
        var (outsider, outsiderId) = await Firm(host, admin, spaceId, "Neri Edilizia", "45210000", join: false);
        return new TenderWorld(host, clock, spaceId, admin, buyer, buyerId, builder, builderId, coder, coderId, outsider, outsiderId, host.CreateClient());
    }

    /// <summary>A firm of its own person (named by the firm's first word) doing <paramref name="cpv"/>; a member of the space if it <paramref name="join"/>s, approved by the admin.</summary>
    static async Task<(HttpClient Client, Guid Id)> Firm(MarketplaceHost host, HttpClient admin, Guid spaceId, string name, string cpv, bool join)
    {
        var client = host.Browser();
        await client.SignUp(name.Split(' ')[0].ToLowerInvariant());
        var firm = await client.CreateBusiness(name);
        (await client.EditProfile(firm.Id, EditOf(firm) with { Capabilities = [cpv] })).EnsureSuccessStatusCode();
        if (join)
        {
            (await client.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firm.Id}/decision",
                new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
        }
        return (client, firm.Id);
    }

    /// <summary>Another member firm of the space, beside the builder and the IT firm.</summary>
    public Task<(HttpClient Client, Guid Id)> MemberFirm(string name, string cpv) => Firm(Host, Admin, SpaceId, name, cpv, join: true);

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A two-lot works tender: enquiries for 2 days, bids for 5 more; price 60, quality 40.</summary>
    public DraftTenderRequest Request(bool disclosesBidCount = false) => new(BuyerId, [SpaceId], "Riqualificazione scuola Rodari",
        "Lavori edili e impianti", [
            new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(800_000m, "EUR"), "037006"),
            new LotRequest(0, "Impianti elettrici", null, ["45310000"], new MoneyDto(200_000m, "EUR"), null),
        ], ["Iscrizione SOA OG1"], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 60), new CriterionRequest(0, "Qualità tecnica", CriterionKind.Quality, 40)],
        Now.AddDays(2), Now.AddDays(7), DateOnly.FromDateTime(Now.AddDays(30).UtcDateTime), DateOnly.FromDateTime(Now.AddDays(400).UtcDateTime),
        disclosesBidCount, []);

    public async Task<TenderDto> Draft(bool disclosesBidCount = false, DraftTenderRequest? request = null)
    {
        var response = await Buyer.PostAsJsonAsync("/api/tenders", request ?? Request(disclosesBidCount), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<TenderDto>();
    }

    public async Task<TenderDto> Publish(bool disclosesBidCount = false, DraftTenderRequest? request = null)
    {
        var draft = await Draft(disclosesBidCount, request);
        var response = await Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json);
        response.EnsureSuccessStatusCode();
        return await response.Read<TenderDto>();
    }

    /// <summary>
    /// The builder forms an RTI for the tender and the IT firm accepts to join it as a member; the alliance's id. Both
    /// firms first answer their DGUE (unless <paramref name="dgues"/> is false), as the lead's submission needs.
    /// </summary>
    public async Task<Guid> FormRti(Guid tenderId, bool dgues = true)
    {
        if (dgues) await RecordDgues();
        var alliance = await (await Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(BuilderId, SpaceId, tenderId, "RTI Rodari", "Accordo"), Json)).Read<AllianceDto>();
        (await Builder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(CoderId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await Coder.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{CoderId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        return alliance.Id;
    }

    /// <summary>The builder and the IT firm each answer their DGUE (all grounds No), confirmed now: an RTI of theirs may submit.</summary>
    public async Task RecordDgues()
    {
        await Builder.RecordDgue(BuilderId);
        await Coder.RecordDgue(CoderId);
    }

    /// <summary>Moves the server's clock to just after a deadline.</summary>
    public void PassTo(DateTimeOffset deadline) => Clock.SetUtcNow(deadline.AddTicks(TimeSpan.TicksPerMicrosecond));

    /// <summary>Moves the server's clock past the submission deadline and the opening grace: the bids open.</summary>
    public void PassOpening(TenderDto tender) => PassTo(tender.SubmissionDeadline + new TenderOptions().OpeningGrace);

    /// <summary>A published tender with the builder's bid, the clock past its opening, and nothing yet told to open it.</summary>
    public async Task<TenderDto> DueToOpen()
    {
        var tender = await Publish();
        PassTo(tender.EnquiryDeadline);
        (await Bid(Builder, tender.Id, BuilderId, 500_000m)).EnsureSuccessStatusCode();
        PassOpening(tender);
        return tender;
    }

    public Task<HttpResponseMessage> Bid(HttpClient client, Guid tenderId, Guid firmId, decimal lot1, decimal? lot2 = null, string quality = "Squadra certificata, 20 anni di esperienza") =>
        client.PutAsJsonAsync($"/api/tenders/{tenderId}/bids/{firmId}", new SubmitBidRequest(
            [new LotPriceRequest(1, new MoneyDto(lot1, "EUR")), .. lot2 is { } p ? new[] { new LotPriceRequest(2, new MoneyDto(p, "EUR")) } : []],
            [new AnswerRequest(2, quality)], []), Json);

    /// <summary>A small but real PDF: the upload checks the file starts as one.</summary>
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 5000).Select(i => (byte)(i % 251))];

    public static Task<HttpResponseMessage> Upload(HttpClient client, Guid businessId, string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/api/businesses/{businessId}/documents?name={Uri.EscapeDataString(name)}", content);
    }

    public async Task<TenderDto> Get(HttpClient client, Guid tenderId) => (await client.GetFromJsonAsync<TenderDto>($"/api/tenders/{tenderId}", Json))!;
}
