using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class BuyerTenderListTestsOnSqlite(ClockedSqliteHost fixture) : BuyerTenderListTests<ClockedSqliteHost>(fixture);

public sealed class BuyerTenderListTestsOnPostgres(ClockedPostgresHost fixture) : BuyerTenderListTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A buyer's tenders across its spaces ("my tenders"), each with the firms' questions waiting for an answer; its drafts
/// listed by the one rule of who sees a draft (<see cref="TenderVisibility"/>), to nobody else.
/// </summary>
public abstract class BuyerTenderListTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static async Task<TenderSummaryDto[]> List(HttpClient client, Guid buyerId) =>
        (await client.GetFromJsonAsync<TenderSummaryDto[]>($"/api/businesses/{buyerId}/tenders", Json))!;

    [Fact]
    public async Task The_buyer_s_Owners_and_Managers_see_its_drafts_and_everyone_else_its_published_tenders_only()
    {
        var w = await World();
        var published = await w.Publish();
        var draft = await w.Draft();
        var manager = fixture.Host.Browser();
        await w.Buyer.Join(w.BuyerId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Buyer, w.BuyerId);
        var otherBuyer = fixture.Host.Browser();
        await otherBuyer.SignUp("other-buyer");
        await otherBuyer.CreateBusiness("Comune Vicino", BusinessKind.Buyer);

        foreach (var (who, client) in new[] { ("the Owner", w.Buyer), ("a Manager", manager) })
            (await List(client, w.BuyerId)).Select(t => (t.Id, t.Status)).Should()
                .BeEquivalentTo([(published.Id, TenderStatus.Enquiries), (draft.Id, TenderStatus.Draft)], who);
        foreach (var (who, client) in new[]
        {
            ("the buyer's Viewer, who may not open a draft", viewer), ("another buyer's Owner", otherBuyer), ("a member firm", w.Builder),
            ("a firm outside the space", w.Outsider), ("the space's admin without a mandate", w.Admin), ("a visitor", w.Anonymous),
        })
            (await List(client, w.BuyerId)).Select(t => t.Id).Should().Equal([published.Id], who);
    }

    [Fact]
    public async Task A_mandated_space_admin_is_listed_the_draft_they_started_and_still_after_the_mandate_is_revoked()
    {
        var w = await World();
        (await w.Buyer.PostAsJsonAsync($"/api/businesses/{w.BuyerId}/mandates", new MandateRequest(w.SpaceId), Json)).EnsureSuccessStatusCode();
        var theirs = await (await w.Admin.PostAsJsonAsync("/api/tenders", w.Request(), Json)).Read<TenderDto>();
        var buyers = await w.Draft();

        (await List(w.Admin, w.BuyerId)).Select(t => t.Id).Should().Equal([theirs.Id], "a draft is seen by whoever started it, not by every admin of the space");
        (await List(w.Buyer, w.BuyerId)).Select(t => t.Id).Should().BeEquivalentTo([theirs.Id, buyers.Id], "the buyer's own people see every draft of the buyer");

        (await w.Buyer.DeleteAsync($"/api/businesses/{w.BuyerId}/mandates/{w.SpaceId}")).EnsureSuccessStatusCode();
        (await List(w.Admin, w.BuyerId)).Select(t => t.Id).Should().Equal([theirs.Id], "they still open it, and are told why they may no longer change it");
        (await w.Get(w.Admin, theirs.Id)).Status.Should().Be(TenderStatus.Draft, "the list shows what the tender's page shows them");
    }

    [Fact]
    public async Task Questions_waiting_counts_only_the_questions_not_answered_yet()
    {
        var w = await World();
        var tender = await w.Publish();
        var other = await w.Publish();
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "È previsto un sopralluogo?"), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.CoderId, "Il subappalto è ammesso?"), Json)).EnsureSuccessStatusCode();
        (await List(w.Buyer, w.BuyerId)).Select(t => (t.Id, t.QuestionsWaiting)).Should().BeEquivalentTo([(tender.Id, 2), (other.Id, 0)]);

        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions/1/answer", new TextRequest("Sì, il lunedì mattina."), Json)).EnsureSuccessStatusCode();

        (await List(w.Buyer, w.BuyerId)).Single(t => t.Id == tender.Id).QuestionsWaiting.Should().Be(1, "the answered question no longer waits");
        (await w.Anonymous.GetFromJsonAsync<TenderSummaryDto[]>($"/api/spaces/{w.SpaceId}/tenders", Json))!.Single(t => t.Id == tender.Id)
            .QuestionsWaiting.Should().Be(1, "the questions are public on the tender's page, and every list counts them alike");
    }

    [Fact]
    public async Task Rows_stored_before_the_counts_and_lots_were_kept_are_filled_in_from_the_stored_tenders_at_start_up()
    {
        var w = await World();
        var tender = await w.Publish();
        (await w.Builder.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(w.BuilderId, "È previsto un sopralluogo?"), Json)).EnsureSuccessStatusCode();
        // The rows as a server before these columns left them: no author, no count, no lots.
        await fixture.Host.Query(db => db.Tenders.Where(t => t.TenderId == tender.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedBy, Guid.Empty).SetProperty(t => t.QuestionsWaiting, 0)));
        await fixture.Host.Query(db => db.Inbox.Where(i => i.TenderId == tender.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Lots, (string?)null)));

        await fixture.Host.Query(async db =>
        {
            await TenderBackfill.Run(db, new TenderOptions().MatchDigits, CancellationToken.None);
            return true;
        });

        (await List(w.Buyer, w.BuyerId)).Single(t => t.Id == tender.Id).QuestionsWaiting.Should().Be(1);
        (await fixture.Host.Query(db => db.Tenders.Where(t => t.TenderId == tender.Id).Select(t => t.CreatedBy).SingleAsync()))
            .Should().NotBe(Guid.Empty, "the author is read back from the stored tender");
        (await w.Builder.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{w.BuilderId}/inbox", Json))!.Single().Lots.Select(l => l.Number)
            .Should().Equal([1], "the builder's capability matches lot 1 only");
    }
}
