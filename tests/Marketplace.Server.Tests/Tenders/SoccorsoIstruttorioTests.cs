using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class SoccorsoIstruttorioTestsOnSqlite(ClockedSqliteHost fixture) : SoccorsoIstruttorioTests<ClockedSqliteHost>(fixture);

public sealed class SoccorsoIstruttorioTestsOnPostgres(ClockedPostgresHost fixture) : SoccorsoIstruttorioTests<ClockedPostgresHost>(fixture);

/// <summary>
/// Soccorso istruttorio: the buyer asks an opened bid's firm to complete a document by a deadline of 5 to 10 days, the
/// firm answers once with a text and a document, the buyer reads it; the bid's price never moves, the chain records
/// every step without its words, and nobody else asks, answers or learns anything.
/// </summary>
public abstract class SoccorsoIstruttorioTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    const string Subject = "Manca la dichiarazione sul DURC: trasmettetela firmata dal legale rappresentante";
    const string AnswerText = "In allegato la dichiarazione firmata";

    async Task<(TenderWorld W, TenderDto Tender, Guid BuilderBid, Guid CoderBid)> Opened()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m, 180_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        var ranking = (await Evaluation(w, tender.Id)).Lots.Single(l => l.Lot == 1).Ranking;
        return (w, tender, ranking.Single(r => r.BidderId == w.BuilderId).BidId, ranking.Single(r => r.BidderId == w.CoderId).BidId);
    }

    static async Task<EvaluationDto> Evaluation(TenderWorld w, Guid tenderId) =>
        (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tenderId}/evaluation", Json))!;

    static Task<HttpResponseMessage> Ask(HttpClient client, TenderWorld w, Guid tenderId, Guid bidId, string? subject = Subject, TimeSpan? within = null) =>
        client.PostAsJsonAsync($"/api/tenders/{tenderId}/soccorso", new SoccorsoRequestBody(bidId, subject, w.Now + (within ?? TimeSpan.FromDays(7))), Json);

    static Task<HttpResponseMessage> Answer(HttpClient client, Guid tenderId, Guid bidderId, int number, Guid? document = null) =>
        client.PostAsJsonAsync($"/api/tenders/{tenderId}/bids/{bidderId}/soccorso/{number}/answer", new SoccorsoAnswerBody(AnswerText, document), Json);

    [Fact]
    public async Task The_firm_answers_once_with_a_document_the_buyer_reads_it_and_the_price_stays_as_sealed()
    {
        var (w, tender, builderBid, _) = await Opened();
        var before = (await Evaluation(w, tender.Id)).Lots.Single(l => l.Lot == 1).Ranking.Single(r => r.BidId == builderBid);

        var asked = await (await Ask(w.Buyer, w, tender.Id, builderBid)).Read<SoccorsoDto>();
        asked.Should().BeEquivalentTo(new { Number = 1, BidId = builderBid, BidderId = w.BuilderId, Subject, Status = SoccorsoStatus.Open, Answer = (object?)null });

        var mine = (await w.Builder.GetFromJsonAsync<SoccorsoDto[]>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}/soccorso", Json))!;
        mine.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Number = 1, Subject, Deadline = asked.Deadline, Status = SoccorsoStatus.Open });

        var todo = (await w.Builder.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!;
        todo.Should().ContainSingle(i => i.Kind == ToDoKind.AnswerSoccorso).Which.Should().BeEquivalentTo(new
        {
            Deadline = (DateTimeOffset?)asked.Deadline, Business = new { Id = w.BuilderId }, Tender = new { tender.Id }, Alliance = (object?)null, Count = 1,
        }, "the firm's Owners and Managers find the request in their to-do list");
        (await w.Coder.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!.Should().NotContain(i => i.Kind == ToDoKind.AnswerSoccorso);

        var file = await (await TenderWorld.Upload(w.Builder, w.BuilderId, "durc.pdf", TenderWorld.Pdf)).Read<DocumentDto>();
        var answered = await (await Answer(w.Builder, tender.Id, w.BuilderId, 1, file.Id)).Read<SoccorsoDto>();
        answered.Status.Should().Be(SoccorsoStatus.Answered);
        answered.Answer.Should().BeEquivalentTo(new { Text = AnswerText, At = w.Now, Document = new { file.Id, Name = "durc.pdf", file.Sha256 } });

        (await w.Builder.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json))!.Should().NotContain(i => i.Kind == ToDoKind.AnswerSoccorso, "answered, it waits no more");
        var again = await (await Answer(w.Builder, tender.Id, w.BuilderId, 1)).Refusal();
        again.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.soccorsoAnswered" }, "an answer is given once");

        var seen = (await Evaluation(w, tender.Id)).Soccorsi.Should().ContainSingle().Subject;
        seen.Should().BeEquivalentTo(new { Number = 1, BidderId = w.BuilderId, Status = SoccorsoStatus.Answered, Answer = new { Text = AnswerText } });
        (await w.Buyer.GetByteArrayAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}/soccorso/1/document")).Should().Equal(TenderWorld.Pdf);

        var after = (await Evaluation(w, tender.Id)).Lots.Single(l => l.Lot == 1).Ranking.Single(r => r.BidId == builderBid);
        after.Should().BeEquivalentTo(new { before.Price, before.Digest }, "the answer never touches the sealed bid");
        (await w.Builder.GetFromJsonAsync<BidDto>($"/api/tenders/{tender.Id}/bids/{w.BuilderId}", Json))!.Documents.Should().NotContain(d => d.Id == file.Id);

        var audit = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        audit.Valid.Should().BeTrue();
        audit.Shown.Should().Contain(l => l.Kind == "SoccorsoRequested" && l.Detail.StartsWith($"number=1;bid={builderBid:N};deadline=", StringComparison.Ordinal));
        audit.Shown.Should().Contain(l => l.Kind == "SoccorsoAnswered" && l.Detail.EndsWith($"document={file.Sha256}", StringComparison.Ordinal));
        audit.Shown.Should().NotContain(l => l.Detail.Contains("DURC") || l.Detail.Contains("allegato"), "the words are the buyer's and the firm's");
    }

    [Fact]
    public async Task A_deadline_beyond_ten_days_or_too_near_and_an_empty_subject_are_refused_naming_the_fields_and_nothing_is_written()
    {
        var (w, tender, builderBid, _) = await Opened();

        var late = await (await Ask(w.Buyer, w, tender.Id, builderBid, within: TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1))).Refusal();
        late.Status.Should().Be(HttpStatusCode.BadRequest);
        late.FieldCodes.Should().ContainKey("deadline").WhoseValue.Should().Equal("tender.soccorsoDeadline");
        var past = await (await Ask(w.Buyer, w, tender.Id, builderBid, " ", within: TimeSpan.FromHours(-1))).Refusal();
        past.FieldCodes.Keys.Should().BeEquivalentTo(["deadline", "subject"]);
        (await (await Ask(w.Buyer, w, tender.Id, builderBid, within: TimeSpan.FromDays(4))).Refusal()).FieldCodes.Should().ContainKey("deadline",
            "art. 101 c. 1 gives the firm at least five days");

        (await Evaluation(w, tender.Id)).Soccorsi.Should().BeEmpty();
        (await Ask(w.Buyer, w, tender.Id, builderBid, within: TimeSpan.FromDays(10))).StatusCode.Should().Be(HttpStatusCode.OK, "ten days is the most the law allows");
    }

    [Fact]
    public async Task After_the_deadline_the_request_has_no_answer_and_is_refused_with_why_and_the_buyer_may_exclude()
    {
        var (w, tender, builderBid, _) = await Opened();
        var asked = await (await Ask(w.Buyer, w, tender.Id, builderBid)).Read<SoccorsoDto>();

        w.PassTo(asked.Deadline);
        var refused = await (await Answer(w.Builder, tender.Id, w.BuilderId, 1)).Refusal();
        refused.Should().BeEquivalentTo(new
        {
            Status = HttpStatusCode.Conflict, Code = "tender.soccorsoLapsed",
            Args = new Dictionary<string, string> { ["deadline"] = asked.Deadline.ToString("O") },
        });
        (await Evaluation(w, tender.Id)).Soccorsi.Single().Should().BeEquivalentTo(new { Status = SoccorsoStatus.Lapsed, Answer = (object?)null });
        var audit = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        audit.Valid.Should().BeTrue();
        audit.Shown.Should().Contain(l => l.Kind == "SoccorsoLapsed" && l.Detail == "number=1" && l.At == asked.Deadline);

        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/exclusions", new ExcludeRequest(builderBid, "Nessuna risposta al soccorso istruttorio"), Json))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_buyer_withdraws_an_unanswered_request_which_then_takes_no_answer()
    {
        var (w, tender, builderBid, _) = await Opened();
        (await Ask(w.Buyer, w, tender.Id, builderBid)).EnsureSuccessStatusCode();
        (await Ask(w.Buyer, w, tender.Id, builderBid, "Manca la copia del documento d'identità")).EnsureSuccessStatusCode();

        (await (await w.Buyer.DeleteAsync($"/api/tenders/{tender.Id}/soccorso/1")).Read<SoccorsoDto>()).Status.Should().Be(SoccorsoStatus.Withdrawn);

        (await (await Answer(w.Builder, tender.Id, w.BuilderId, 1)).Refusal()).Code.Should().Be("tender.soccorsoWithdrawn");
        (await Answer(w.Builder, tender.Id, w.BuilderId, 2)).StatusCode.Should().Be(HttpStatusCode.OK, "several requests may be open, each answered alone");
        (await (await w.Buyer.DeleteAsync($"/api/tenders/{tender.Id}/soccorso/2")).Refusal()).Code.Should().Be("tender.soccorsoAnswered");
        (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!.Shown.Should().Contain(l => l.Kind == "SoccorsoWithdrawn");
    }

    [Fact]
    public async Task Nobody_but_the_buyer_asks_or_withdraws_and_nobody_but_the_firm_reads_or_answers()
    {
        var (w, tender, builderBid, _) = await Opened();
        var otherBuyer = w.Host.Browser();
        await otherBuyer.SignUp("altrobuyer");
        await otherBuyer.CreateBusiness("Comune di Altrove", BusinessKind.Buyer);

        foreach (var (who, client) in new[] { ("the other bidder", w.Coder), ("the firm itself", w.Builder), ("an outsider", w.Outsider), ("the space's admin", w.Admin), ("another buyer", otherBuyer) })
            (await Ask(client, w, tender.Id, builderBid)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who + " does not act for the buyer");
        (await Ask(w.Anonymous, w, tender.Id, builderBid)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Evaluation(w, tender.Id)).Soccorsi.Should().BeEmpty("nothing refused was written");

        (await Ask(w.Buyer, w, tender.Id, builderBid)).EnsureSuccessStatusCode();
        foreach (var client in new[] { w.Coder, w.Builder, w.Outsider, w.Admin, otherBuyer })
            (await client.DeleteAsync($"/api/tenders/{tender.Id}/soccorso/1")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Whoever is not the bid's is told the same whether the request, or the bid, exists or not.
        var nothing = await (await w.Coder.GetAsync($"/api/tenders/{tender.Id}/bids/{Guid.NewGuid()}/soccorso")).Refusal();
        nothing.Status.Should().Be(HttpStatusCode.NotFound);
        foreach (var (who, client) in new[] { ("the other bidder", w.Coder), ("an outsider", w.Outsider), ("the space's admin", w.Admin), ("another buyer", otherBuyer) })
        {
            (await (await client.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}/soccorso")).Refusal()).Should().BeEquivalentTo(nothing, who);
            (await (await Answer(client, tender.Id, w.BuilderId, 1)).Refusal()).Should().BeEquivalentTo(nothing, who);
            (await (await Answer(client, tender.Id, w.BuilderId, 9)).Refusal()).Should().BeEquivalentTo(nothing, who);
            (await (await client.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}/soccorso/1/document")).Refusal()).Should().BeEquivalentTo(nothing, who);
        }
        (await (await Answer(w.Buyer, tender.Id, w.BuilderId, 1)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "tender.soccorsoNotTheLead" },
            "the buyer reads the bid but does not answer for the firm");
        (await w.Coder.GetStringAsync($"/api/tenders/{tender.Id}")).Should().NotContain("DURC", "the tender page tells other bidders nothing");
        (await Evaluation(w, tender.Id)).Soccorsi.Single().Status.Should().Be(SoccorsoStatus.Open, "nothing refused was written");
    }

    [Fact]
    public async Task Nothing_is_asked_before_the_bids_are_opened()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();

        (await (await Ask(w.Buyer, w, tender.Id, Guid.NewGuid())).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.wrongStatus" });
    }
}
