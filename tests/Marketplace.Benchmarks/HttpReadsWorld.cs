using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Benchmarks;

/// <summary>
/// The data set the page reads run against. Everything a driven page reads from a grain is made through the API, as
/// users make it: an association's space, a buyer approved in it, published tenders, firms (each with its Owner)
/// approved as members, and alliances on the tenders, each with an invited partner that accepted and a joint bid
/// with work packages. What only lists and searches read is bulk-loaded into the read models the product stores it
/// in (no grain state behind it): the space's other member firms, its other tenders, and inbox notices.
/// </summary>
internal sealed record HttpReadsWorld(Guid SpaceId, Guid TenderId, Guid FirmId, Guid AllianceId, string OwnerToken, int Firms, int Tenders, int Alliances,
    string Setup)
{
    const string Agreement = "Accordo di raggruppamento temporaneo per la gara.";
    static readonly string[] LotCpvs = ["45214200", "45310000", "45330000", "71240000", "45261000"];

    sealed record AccessTokens(string AccessToken);

    /// <summary>A new user, registered and signed in with a bearer token, as an API client is.</summary>
    static async Task<(HttpClient Http, string Token)> Person(Uri server, string name)
    {
        var http = new HttpClient { BaseAddress = server };
        var email = $"{name}-{Guid.NewGuid():N}@example.it";
        (await http.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Persona di prova" })).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Read<AccessTokens>()).AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (http, token);
    }

    static async Task<T> Post<T>(HttpClient http, string path, object body) => await (await Send(http, path, body)).Read<T>();

    /// <summary>Posts, and stops the run with the server's answer when it refuses.</summary>
    static async Task<HttpResponseMessage> Send(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body, Json);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public static async Task<HttpReadsWorld> Make(Uri server, Func<MarketplaceDbContext> Db, int bulkFirms, int bulkTenders, int bulkBids, int allianceCount, int parallelism)
    {
        var clock = Stopwatch.StartNew();
        var (admin, _) = await Person(server, "admin");
        var association = await admin.CreateBusiness("Associazione Imprese Benchmark", BusinessKind.Association);
        var spaceId = (await Post<SpaceDetailDto>(admin, "/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Gare Benchmark", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento del benchmark", MinimumTenderingDays: 0))).Summary.Id;
        var (buyer, _) = await Person(server, "buyer");
        var buyerId = (await buyer.CreateBusiness("Comune di Benchmark", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, spaceId, buyerId);

        // Alliances spread over up to ten tenders; on each tender, firm 2k leads one alliance with firm 2k + 1 as partner
        // (a firm takes part in one alliance per tender), so every firm is in one alliance on each tender.
        var tenderCount = Math.Clamp(allianceCount, 1, 10);
        var firmCount = 2 * ((allianceCount + tenderCount - 1) / tenderCount);
        var now = DateTimeOffset.UtcNow;
        var tenders = new Guid[tenderCount];
        for (var t = 0; t < tenderCount; t++)
        {
            var draft = await Post<TenderDto>(buyer, "/api/tenders", new DraftTenderRequest(buyerId, [spaceId], $"Riqualificazione scuole, lotto di gare {t + 1}",
                "Lavori di riqualificazione energetica e adeguamento sismico degli edifici scolastici comunali.",
                [.. LotCpvs.Select((cpv, i) => new LotRequest(i, $"Lotto {i + 1}", null, [cpv], new MoneyDto(200_000m + 50_000m * i, "EUR"), null))], [],
                [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 70), new CriterionRequest(1, "Qualità tecnica", CriterionKind.Quality, 30)],
                now.AddDays(20), now.AddDays(40), null, null, false, []));
            await Send(buyer, $"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version));
            tenders[t] = draft.Id;
        }

        var firms = new (HttpClient Owner, string Token, Guid Id)[firmCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, firmCount), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (j, _) =>
        {
            var (owner, token) = await Person(server, $"owner{j}");
            var firm = await owner.CreateBusiness($"Impresa Alleata {j + 1:D3} S.r.l.");
            var edited = await owner.EditProfile(firm.Id, EditOf(firm) with { Capabilities = [.. LotCpvs], ComuneCode = "058091" }); // Roma
            edited.EnsureSuccessStatusCode();
            var profile = await edited.Read<BusinessProfileDto>();
            await Send(owner, $"/api/spaces/{spaceId}/applications", new ApplyRequest(profile.Id, null, 1));
            await Send(admin, $"/api/spaces/{spaceId}/firms/{profile.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null));
            firms[j] = (owner, token, profile.Id);
        });

        var alliances = new Guid[allianceCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, allianceCount), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var (lead, partner) = (firms[2 * (i / tenderCount)], firms[2 * (i / tenderCount) + 1]);
            var alliance = await Post<AllianceDto>(lead.Owner, "/api/alliances", new FormAllianceRequest(lead.Id, spaceId, tenders[i % tenderCount], $"RTI Benchmark {i + 1}", Agreement));
            await Send(lead.Owner, $"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partner.Id, AllianceRole.Member));
            await Send(partner.Owner, $"/api/alliances/{alliance.Id}/firms/{partner.Id}/answer", new AllianceAnswerRequest(true, alliance.Agreement.Version));
            var version = 0;
            foreach (var (firm, lot) in new[] { (lead.Id, 1), (partner.Id, 2), (lead.Id, 3) })
                version = (await Post<JointBidDto>(lead.Owner, $"/api/alliances/{alliance.Id}/bid/work-packages",
                    new SaveWorkPackageRequest(null, version, $"Opere del lotto {lot}", lot, "Esecuzione delle opere come da capitolato.", firm, new MoneyDto(150_000m + lot, "EUR")))).Version;
            alliances[i] = alliance.Id;
        });
        var throughApi = clock.Elapsed;

        clock.Restart();
        var members = await DirectorySearchBenchmark.LoadMembers(Db, spaceId, bulkFirms);
        var bulkTenderIds = await LoadTenders(Db, spaceId, buyerId, bulkTenders, members, [.. firms.Select(f => f.Id)]);
        await LoadBids(Db, bulkTenderIds, members, bulkBids);
        var bulk = clock.Elapsed;
        return new HttpReadsWorld(spaceId, tenders[0], firms[0].Id, alliances[0], firms[0].Token, bulkFirms + firmCount, bulkTenders + tenderCount, allianceCount,
            $"through the API: 1 space, {tenderCount} published tenders, {firmCount} firms and their Owners, {allianceCount} alliances with joint bids, "
            + $"in {throughApi.TotalSeconds:F0} s; bulk into the read models: {bulkFirms:N0} member firms, {bulkTenders:N0} tenders, their inbox notices, "
            + $"{bulkBids:N0} stored bids, in {bulk.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Published tenders of the space as lists read them (tender and its space), each noticed in the inbox of the API
    /// firms (every tenth tender) and of twenty member firms; 5,000 tenders a transaction.
    /// </summary>
    static async Task<Guid[]> LoadTenders(Func<MarketplaceDbContext> Db, Guid spaceId, Guid buyerId, int count, Guid[] members, Guid[] apiFirms)
    {
        var ids = new Guid[count];
        var random = new Random(11);
        var now = DateTimeOffset.UtcNow;
        TenderStatus[] statuses = [TenderStatus.Enquiries, TenderStatus.Tendering, TenderStatus.Tendering, TenderStatus.Evaluation, TenderStatus.Awarded, TenderStatus.Complete];
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = Db();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var id = ids[i] = Guid.NewGuid();
                var published = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
                var title = $"Gara {i + 1:D5}: {LotCpvs[i % LotCpvs.Length]} servizi e lavori per il comune";
                var status = statuses[random.Next(statuses.Length)];
                db.Tenders.Add(new TenderEntry
                {
                    // The author is nobody's here: any id but the empty one, which the start-up back-fill would take for a row to fill.
                    TenderId = id, BuyerId = buyerId, CreatedBy = buyerId, Title = title, Status = status, Cpv = LotCpvs[i % LotCpvs.Length], LotCount = 1,
                    EnquiryDeadline = published.AddDays(15), SubmissionDeadline = published.AddDays(30), PublishedAt = published, UpdatedAt = published,
                    NextDeadline = status is TenderStatus.Enquiries or TenderStatus.Tendering ? published.AddDays(30) : null,
                });
                db.TenderSpaces.Add(new TenderSpaceEntry { TenderId = id, SpaceId = spaceId });
                var noticed = Enumerable.Range(0, Math.Min(20, members.Length)).Select(_ => members[random.Next(members.Length)]);
                if (i % 10 == 0) noticed = noticed.Concat(apiFirms);
                foreach (var firm in noticed.Distinct())
                    db.Inbox.Add(new InboxEntry { BusinessId = firm, TenderId = id, Title = title, At = published, Lots = "1" });
            }
            await db.SaveChangesAsync();
        }
        await using (var db = Db()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return ids;
    }

    /// <summary>
    /// <paramref name="count"/> stored bids on the bulk tenders, each by one member firm alone for lot 1, as the bid
    /// paths store them (bid, its lot, its tenderer), made by the database itself in one statement per table: the
    /// memory goal (issue #11) is the server's with 1M bids stored, which no page loads whole.
    /// </summary>
    static async Task LoadBids(Func<MarketplaceDbContext> Db, Guid[] tenders, Guid[] members, int count)
    {
        if (count == 0 || tenders.Length == 0 || members.Length == 0) return;
        await using var db = Db();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var (t, m) = (new Npgsql.NpgsqlParameter("t", tenders), new Npgsql.NpgsqlParameter("m", members));
        // Bid g goes to tender r = g mod T and is made by member (g div T + r × 7919) mod M: spread over the firms, and no
        // firm bids twice on one tender while there are fewer bids per tender than members (one bid per firm and tender).
        var sql = $"""
            CREATE TEMP TABLE bulk_bids AS
              SELECT gen_random_uuid() AS id, (@t)[1 + g % cardinality(@t)] AS tender, (@m)[1 + (g / cardinality(@t) + (g % cardinality(@t))::bigint * 7919) % cardinality(@m)] AS firm, g
              FROM generate_series(0, {count - 1}) AS g;
            INSERT INTO bids ("BidId", "TenderId", "BidderId", "Status", "Submission", "Digest", "ReceivedAt")
              SELECT id, tender, firm, 'Submitted', 1, md5(g::text) || md5(id::text), now() - (g % 10000) * interval '1 minute' FROM bulk_bids;
            INSERT INTO bid_lots ("BidId", "Lot", "TenderId") SELECT id, 1, tender FROM bulk_bids;
            INSERT INTO bid_tenderers ("BidId", "FirmId", "TenderId", "Role") SELECT id, firm, tender, 'Lead' FROM bulk_bids;
            DROP TABLE bulk_bids;
            ANALYZE bids; ANALYZE bid_lots; ANALYZE bid_tenderers;
            """;
        await db.Database.ExecuteSqlRawAsync(sql, t, m);
    }
}
