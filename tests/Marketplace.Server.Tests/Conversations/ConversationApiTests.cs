using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Conversations;
using Marketplace.Data.Notifications;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Microsoft.EntityFrameworkCore;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Conversations;

public sealed class ConversationApiTestsOnSqlite(ClockedSqliteHost fixture) : ConversationApiTests<ClockedSqliteHost>(fixture);

public sealed class ConversationApiTestsOnPostgres(ClockedPostgresHost fixture) : ConversationApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// An alliance's conversation: the people of its active firms talk in its general thread and in a thread per work
/// package, newest first a page at a time; nobody else reads or writes a word, and a person writes a few messages a
/// minute at most. In the tender world the builder leads an RTI that the IT firm joined.
/// </summary>
public abstract class ConversationApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId)
    {
        public string Messages => $"/api/alliances/{AllianceId}/messages";
    }

    async Task<Team> Formed()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        return new Team(w, tender, await w.FormRti(tender.Id));
    }

    static Task<HttpResponseMessage> Write(HttpClient client, Team t, string text, Guid? packageId = null, Guid? firmId = null, Guid[]? mentions = null,
        int? criterion = null) =>
        client.PostAsJsonAsync(t.Messages, new PostMessageRequest(firmId, packageId, text, mentions, criterion), Json);

    static async Task<ThreadMessageDto> Written(HttpClient client, Team t, string text, Guid? packageId = null, Guid[]? mentions = null, int? criterion = null)
    {
        var response = await Write(client, t, text, packageId, mentions: mentions, criterion: criterion);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<ThreadMessageDto>();
    }

    static async Task<ThreadPageDto> Read(HttpClient client, Team t, string query = "") =>
        (await client.GetFromJsonAsync<ThreadPageDto>(t.Messages + query, Json))!;

    [Fact]
    public async Task The_alliance_s_firms_talk_in_its_general_thread_newest_first_each_message_naming_who_wrote_it_for_which_firm_and_when()
    {
        var t = await Formed();
        var w = t.World;

        var first = await Written(w.Builder, t, "  Ci vediamo lunedì in cantiere?  ");
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var answer = await Written(w.Coder, t, "Sì, alle 9.\nPorto i disegni della rete.");

        first.Should().BeEquivalentTo(new { Text = "Ci vediamo lunedì in cantiere?", FirmId = w.BuilderId, FirmName = "Rossi Costruzioni", AuthorName = "Persona rossi",
            PackageId = (Guid?)null, AllianceId = t.AllianceId }, o => o.ExcludingMissingMembers());
        answer.At.Should().Be(first.At.AddMinutes(3));
        foreach (var reader in new[] { w.Builder, w.Coder })
        {
            var page = await Read(reader, t);
            page.Messages.Select(m => m.Text).Should().Equal("Sì, alle 9.\nPorto i disegni della rete.", "Ci vediamo lunedì in cantiere?");
            page.Messages[0].Should().BeEquivalentTo(new { FirmName = "Verdi Informatica", AuthorName = "Persona verdi" }, o => o.ExcludingMissingMembers());
            page.Older.Should().BeNull();
            page.Threads.Should().ContainSingle().Which.Should().Be(new ThreadSummaryDto(null, 2, answer.At, null));
        }
    }

    [Fact]
    public async Task Nobody_outside_the_alliance_s_active_firms_reads_or_writes_and_each_hears_the_same_whatever_exists()
    {
        var t = await Formed();
        var w = t.World;
        await Written(w.Builder, t, "Solo per noi");
        // The IT firm is invited to the builder's standing alliance and has not answered; in the RTI it is active.
        var standing = await (await w.Builder.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(w.BuilderId, w.SpaceId, null, "Rete Bologna", "Accordo"), Json))
            .Read<AllianceDto>();
        (await w.Builder.PostAsJsonAsync($"/api/alliances/{standing.Id}/invitations", new AllianceInviteRequest(w.CoderId, AllianceRole.Member), Json))
            .EnsureSuccessStatusCode();
        var invitedTeam = t with { AllianceId = standing.Id };
        await Written(w.Builder, invitedTeam, "Benvenuti nella rete");

        foreach (var (who, client, team) in new[] { ("outsider", w.Outsider, t), ("buyer", w.Buyer, t), ("space admin", w.Admin, t), ("invited firm", w.Coder, invitedTeam),
            ("no such alliance", w.Builder, t with { AllianceId = Guid.NewGuid() }) })
        {
            (await (await client.GetAsync(team.Messages)).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "conversation.notFound" },
                o => o.ExcludingMissingMembers(), who);
            (await (await Write(client, team, "Posso entrare?")).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "conversation.notFound" },
                o => o.ExcludingMissingMembers(), who);
        }
        (await w.Anonymous.GetAsync(t.Messages)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // A firm that leaves reads nothing of it from then on.
        (await w.Coder.PostAsync($"/api/alliances/{t.AllianceId}/firms/{w.CoderId}/leave", null)).EnsureSuccessStatusCode();
        (await (await w.Coder.GetAsync(t.Messages)).Refusal()).Code.Should().Be("conversation.notFound");
        (await (await Write(w.Coder, t, "Ancora qui?")).Refusal()).Code.Should().Be("conversation.notFound");

        (await Read(w.Builder, t)).Messages.Select(m => m.Text).Should().Equal("Solo per noi");
        (await Read(w.Builder, invitedTeam)).Messages.Select(m => m.Text).Should().Equal("Benvenuti nella rete");
    }

    [Fact]
    public async Task A_viewer_of_a_firm_reads_the_conversation_and_only_its_owners_and_managers_write_for_it()
    {
        var t = await Formed();
        var w = t.World;
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        await Written(w.Coder, t, "Chi porta il preventivo?");

        (await Read(viewer, t)).Messages.Should().ContainSingle().Which.Text.Should().Be("Chi porta il preventivo?");
        (await (await Write(viewer, t, "Io!")).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Forbidden, Code = "conversation.viewersRead" },
            o => o.ExcludingMissingMembers());
        // Naming another firm of the alliance than one's own is no way in either.
        (await (await Write(w.Coder, t, "A nome loro", firmId: w.BuilderId)).Refusal()).Should().BeEquivalentTo(
            new { Status = HttpStatusCode.Forbidden, Code = "conversation.notYourFirm" }, o => o.ExcludingMissingMembers());
        (await Read(w.Builder, t)).Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        var t = await Formed();
        var w = t.World;

        var refusals = new[]
        {
            await (await Write(w.Builder, t, "   ")).Refusal(),
            await (await Write(w.Builder, t, new string('a', ConversationRules.MaxText + 1))).Refusal(),
            await (await Write(w.Builder, t, "Per un pacchetto che non c'è", packageId: Guid.NewGuid())).Refusal(),
            await (await Write(w.Builder, t, "Con un carattere\0nascosto")).Refusal(),
            await (await w.Builder.GetAsync(t.Messages + "?limit=0")).Refusal(),
        };

        refusals.Select(r => r.Status).Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
        refusals.Select(r => string.Join(' ', r.FieldCodes.Select(f => $"{f.Key}:{string.Join(',', f.Value)}"))).Should().Equal(
            "text:conversation.textLength", "text:conversation.textLength", "packageId:conversation.noSuchPackage", "text:input.nulCharacter",
            "limit:conversation.limit");
        var page = await Read(w.Builder, t);
        page.Messages.Should().BeEmpty();
        page.Threads.Should().BeEmpty();
    }

    [Fact]
    public async Task Each_work_package_has_its_own_thread_apart_from_the_general_one()
    {
        var t = await Formed();
        var w = t.World;
        w.PassTo(t.Tender.EnquiryDeadline);
        var bid = await (await w.Builder.PostAsJsonAsync($"/api/alliances/{t.AllianceId}/bid/work-packages",
            new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, w.BuilderId, new MoneyDto(700_000m, "EUR")), Json)).Read<JointBidDto>();
        var package = bid.WorkPackages.Single().Id;

        await Written(w.Builder, t, "Parliamo di tutto qui");
        var onPackage = await Written(w.Coder, t, "Le tracce per i cavi le fate voi?", package);

        onPackage.PackageId.Should().Be(package);
        (await Read(w.Builder, t)).Messages.Select(m => m.Text).Should().Equal("Parliamo di tutto qui");
        var thread = await Read(w.Builder, t, $"?packageId={package}");
        thread.Messages.Select(m => m.Text).Should().Equal("Le tracce per i cavi le fate voi?");
        thread.Threads.Select(s => (s.PackageId, s.Messages)).Should().BeEquivalentTo(new (Guid?, int)[] { (null, 1), (package, 1) });
        // Talking about a package is not editing it: the bid is as it was.
        (await w.Builder.GetFromJsonAsync<JointBidDto>($"/api/alliances/{t.AllianceId}/bid", Json))!.Version.Should().Be(bid.Version);
    }

    /// <summary>The number of the tender's quality criterion ("Qualità tecnica"), which the joint bid answers.</summary>
    static int Quality(Team t) => t.Tender.Criteria.Single(c => c.Kind == Marketplace.Tenders.CriterionKind.Quality).Number;

    [Fact]
    public async Task Each_answer_of_the_joint_bid_has_its_own_thread_before_it_is_written_and_talking_there_changes_no_answer()
    {
        var t = await Formed();
        var w = t.World;
        var quality = Quality(t);
        var bid = await w.Builder.GetFromJsonAsync<JointBidDto>($"/api/alliances/{t.AllianceId}/bid", Json);

        await Written(w.Builder, t, "Parliamo di tutto qui");
        var onAnswer = await Written(w.Coder, t, "Per la qualità tecnica metto io la parte sulla rete dati", criterion: quality);
        await Written(w.Builder, t, "Va bene, io il cantiere", criterion: quality);

        onAnswer.Should().BeEquivalentTo(new { Criterion = (int?)quality, PackageId = (Guid?)null, FirmName = "Verdi Informatica" }, o => o.ExcludingMissingMembers());
        (await Read(w.Coder, t)).Messages.Select(m => m.Text).Should().Equal("Parliamo di tutto qui");
        var thread = await Read(w.Coder, t, $"?criterion={quality}");
        thread.Messages.Select(m => m.Text).Should().Equal("Va bene, io il cantiere", "Per la qualità tecnica metto io la parte sulla rete dati");
        thread.Threads.Select(s => (s.PackageId, s.Criterion, s.Messages)).Should().BeEquivalentTo(new (Guid?, int?, int)[] { (null, null, 1), (null, quality, 2) });
        var after = (await w.Builder.GetFromJsonAsync<JointBidDto>($"/api/alliances/{t.AllianceId}/bid", Json))!;
        after.Version.Should().Be(bid!.Version);
        after.Answers.Should().BeEmpty("talking about an answer is not writing it");
    }

    [Fact]
    public async Task An_answer_s_thread_is_read_and_written_as_the_others_and_a_criterion_the_tender_does_not_ask_is_not_found_naming_the_field()
    {
        var t = await Formed();
        var w = t.World;
        var quality = Quality(t);
        var price = t.Tender.Criteria.Single(c => c.Kind == Marketplace.Tenders.CriterionKind.Price).Number;
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        await Written(w.Coder, t, "Solo per noi", criterion: quality);

        foreach (var (what, criterion) in new[] { ("the price criterion, which has no written answer", price), ("no criterion of the tender", 99) })
        {
            foreach (var refusal in new[] { await (await Write(w.Builder, t, "Qui?", criterion: criterion)).Refusal(), await (await w.Builder.GetAsync($"{t.Messages}?criterion={criterion}")).Refusal() })
            {
                refusal.Should().BeEquivalentTo(new { Status = HttpStatusCode.NotFound, Code = "conversation.noSuchAnswer" }, o => o.ExcludingMissingMembers(), what);
                refusal.FieldCodes.Should().ContainKey("criterion").WhoseValue.Should().Equal("conversation.noSuchAnswer");
            }
        }
        var both = await (await Write(w.Builder, t, "Di tutto un po'", packageId: Guid.NewGuid(), criterion: quality)).Refusal();
        both.FieldCodes.Should().ContainKey("criterion").WhoseValue.Should().Equal("conversation.oneSubject");

        // An outsider hears what they hear of any alliance, whatever the criterion; a Viewer reads and does not write.
        foreach (var (who, client) in new[] { ("outsider", w.Outsider), ("buyer", w.Buyer), ("space admin", w.Admin) })
            foreach (var criterion in new[] { quality, 99 })
            {
                (await (await client.GetAsync($"{t.Messages}?criterion={criterion}")).Refusal()).Should().BeEquivalentTo(
                    new { Status = HttpStatusCode.NotFound, Code = "conversation.notFound" }, o => o.ExcludingMissingMembers(), who);
                (await (await Write(client, t, "Posso entrare?", criterion: criterion)).Refusal()).Should().BeEquivalentTo(
                    new { Status = HttpStatusCode.NotFound, Code = "conversation.notFound" }, o => o.ExcludingMissingMembers(), who);
            }
        (await Read(viewer, t, $"?criterion={quality}")).Messages.Select(m => m.Text).Should().Equal("Solo per noi");
        (await (await Write(viewer, t, "Io!", criterion: quality)).Refusal()).Code.Should().Be("conversation.viewersRead");

        var thread = await Read(w.Builder, t, $"?criterion={quality}");
        thread.Messages.Select(m => m.Text).Should().Equal("Solo per noi");
        thread.Threads.Should().ContainSingle().Which.Messages.Should().Be(1, "nothing refused was written");
    }

    [Fact]
    public async Task A_message_in_an_answer_s_thread_tells_each_person_it_mentions()
    {
        var t = await Formed();
        var w = t.World;
        var coder = await IdOf(w.Coder);

        var message = await Written(w.Builder, t, "@Persona verdi rileggi la risposta?", mentions: [coder], criterion: Quality(t));

        message.Mentions.Should().ContainSingle().Which.UserId.Should().Be(coder);
        (await Notices(coder, t.AllianceId)).Should().Be(1);
        (await fixture.Host.Query(db => db.ThreadMentions.CountAsync(m => m.MessageId == message.Id && m.UserId == coder && m.NoticeId != null))).Should().Be(1);
    }

    [Fact]
    public async Task A_long_thread_is_read_a_page_at_a_time_from_the_newest()
    {
        var t = await Formed();
        var w = t.World;
        foreach (var i in Enumerable.Range(1, 7)) await Written(i % 2 == 0 ? w.Coder : w.Builder, t, $"Messaggio {i}");

        var first = await Read(w.Builder, t, "?limit=5");
        first.Messages.Select(m => m.Text).Should().Equal("Messaggio 7", "Messaggio 6", "Messaggio 5", "Messaggio 4", "Messaggio 3");
        var second = await Read(w.Builder, t, $"?limit=5&before={first.Older}");
        second.Messages.Select(m => m.Text).Should().Equal("Messaggio 2", "Messaggio 1");
        second.Older.Should().BeNull();
    }

    [Fact]
    public async Task A_person_writes_a_few_messages_a_minute_and_may_write_again_once_the_minute_has_passed()
    {
        var t = await Formed();
        var w = t.World;
        foreach (var i in Enumerable.Range(1, ConversationRules.MessagesPerWindow)) await Written(w.Builder, t, $"Riga {i}");

        (await (await Write(w.Builder, t, "Una di troppo")).Refusal()).Should().BeEquivalentTo(
            new { Status = HttpStatusCode.TooManyRequests, Code = "conversation.tooManyMessages" }, o => o.ExcludingMissingMembers());
        // The limit is the person's: their partner still writes.
        await Written(w.Coder, t, "Io posso");
        fixture.Clock.Advance(ConversationRules.Window);
        await Written(w.Builder, t, "Di nuovo io");

        (await Read(w.Builder, t, "?limit=2")).Messages.Select(m => m.Text).Should().Equal("Di nuovo io", "Io posso");
    }

    static async Task<Guid> IdOf(HttpClient person) => (await person.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Id;

    Task<int> Notices(Guid userId, Guid allianceId) =>
        fixture.Host.Query(db => db.Notices.CountAsync(n => n.UserId == userId && n.AllianceId == allianceId && n.Kind == NotificationKind.Mention));

    [Fact]
    public async Task A_person_mentions_only_people_who_read_the_conversation_and_each_one_mentioned_gets_a_notice()
    {
        var t = await Formed();
        var w = t.World;
        var viewer = fixture.Host.Browser();
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        var (builder, coder, viewerId, outsider) = (await IdOf(w.Builder), await IdOf(w.Coder), await IdOf(viewer), await IdOf(w.Outsider));

        // The picker lists the people of the alliance's active firms, in any role, but the one writing.
        var people = (await w.Builder.GetFromJsonAsync<ThreadPersonDto[]>(t.Messages + "/people", Json))!;
        people.Should().BeEquivalentTo(new[]
        {
            new ThreadPersonDto(coder, "Persona verdi", w.CoderId, "Verdi Informatica"),
            new ThreadPersonDto(viewerId, "Persona viewer", w.CoderId, "Verdi Informatica"),
        }, o => o.WithStrictOrdering());
        (await w.Coder.GetFromJsonAsync<ThreadPersonDto[]>(t.Messages + "/people", Json))!.Select(p => p.UserId).Should().BeEquivalentTo([builder, viewerId]);

        var message = await Written(w.Builder, t, "@Persona verdi @Persona viewer ci vediamo lunedì?", mentions: [coder, viewerId, coder]);
        message.Mentions.Should().BeEquivalentTo(new[] { new ThreadMentionDto(coder, "Persona verdi"), new ThreadMentionDto(viewerId, "Persona viewer") });
        (await Read(w.Coder, t)).Messages.Single().Mentions.Select(m => m.Name).Should().BeEquivalentTo(["Persona verdi", "Persona viewer"]);
        (await Notices(coder, t.AllianceId)).Should().Be(1);
        (await Notices(viewerId, t.AllianceId)).Should().Be(1, "a Viewer reads the conversation, so may be mentioned");

        // Someone outside the alliance is no one to mention: the message is refused whole, and no notice tells them anything.
        var refused = await (await Write(w.Builder, t, "@Persona outsider guarda qui", mentions: [coder, outsider])).Refusal();
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.FieldCodes.Should().ContainKey("mentions").WhoseValue.Should().Equal("conversation.mentionNotReader");
        var tooMany = await (await Write(w.Builder, t, "Tutti", mentions: [.. Enumerable.Range(0, ConversationRules.MaxMentions + 1).Select(_ => Guid.NewGuid())])).Refusal();
        tooMany.FieldCodes.Should().ContainKey("mentions").WhoseValue.Should().Equal("conversation.tooManyMentions");
        (await Read(w.Builder, t)).Messages.Should().ContainSingle();
        (await Notices(outsider, t.AllianceId)).Should().Be(0);
        (await Notices(coder, t.AllianceId)).Should().Be(1);

        // Naming oneself tells no one.
        await Written(w.Builder, t, "@Persona rossi promemoria", mentions: [builder]);
        (await Notices(builder, t.AllianceId)).Should().Be(0);
    }

    [Fact]
    public async Task A_mention_is_seen_once_its_person_reads_it_on_the_page_and_only_readers_say_so()
    {
        var t = await Formed();
        var w = t.World;
        var coder = await IdOf(w.Coder);
        var message = await Written(w.Builder, t, "@Persona verdi i disegni?", mentions: [coder]);
        Task<DateTimeOffset?> SeenAt() => fixture.Host.Query(db => db.ThreadMentions.Where(m => m.MessageId == message.Id && m.UserId == coder).Select(m => m.SeenAt).SingleAsync());

        (await Read(w.Builder, t)).Messages.Should().ContainSingle();
        (await SeenAt()).Should().BeNull("the author reading the thread sees nobody else's mention");
        foreach (var (who, client) in new[] { ("outsider", w.Outsider), ("buyer", w.Buyer), ("space admin", w.Admin) })
        {
            (await (await client.GetAsync(t.Messages + "/people")).Refusal()).Code.Should().Be("conversation.notFound", who);
            (await (await client.PostAsync($"{t.Messages}/{message.Id}/seen", null)).Refusal()).Code.Should().Be("conversation.notFound", who);
        }
        (await w.Anonymous.GetAsync(t.Messages + "/people")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SeenAt()).Should().BeNull();

        (await w.Coder.PostAsync($"{t.Messages}/{message.Id}/seen", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SeenAt()).Should().Be(fixture.Clock.GetUtcNow());

        var later = await Written(w.Builder, t, "@Persona verdi e le tracce?", mentions: [coder]);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Read(w.Coder, t)).Messages.Should().HaveCount(2);
        (await fixture.Host.Query(db => db.ThreadMentions.Where(m => m.MessageId == later.Id).Select(m => m.SeenAt).SingleAsync()))
            .Should().Be(fixture.Clock.GetUtcNow(), "reading the thread is seeing it");
    }
}
