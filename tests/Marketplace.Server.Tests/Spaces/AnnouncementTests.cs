using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Spaces;

public sealed class AnnouncementTestsOnSqlite(ClockedSqliteHost fixture) : AnnouncementTests<ClockedSqliteHost>(fixture);

public sealed class AnnouncementTestsOnPostgres(ClockedPostgresHost fixture) : AnnouncementTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The association tells its member firms: its admins write, edit from the version they read, and withdraw; the people
/// of its member firms read, newest first; nobody else reads or writes.
/// </summary>
public abstract class AnnouncementTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static string Path(Guid spaceId) => $"/api/spaces/{spaceId}/announcements";

    static async Task<AnnouncementsDto> Read(HttpClient person, Guid spaceId) => (await person.GetFromJsonAsync<AnnouncementsDto>(Path(spaceId), Json))!;

    static async Task<AnnouncementDto> Posted(HttpClient admin, Guid spaceId, string title, string text)
    {
        var response = await admin.PostAsJsonAsync(Path(spaceId), new AnnouncementRequest(title, text), Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<AnnouncementDto>();
    }

    [Fact]
    public async Task The_admins_announce_edit_and_withdraw_and_the_member_firms_read_the_latest_first()
    {
        var w = await World();
        var assembly = await Posted(w.Admin, w.SpaceId, "Assemblea dei soci", "Giovedì 17 alle 18, sala consiliare.\nOrdine del giorno allegato.");
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var course = await Posted(w.Admin, w.SpaceId, "Corso sul DGUE", "Iscrizioni aperte fino a fine mese.");

        var read = await Read(w.Builder, w.SpaceId);
        read.ViewerWrites.Should().BeFalse("a member firm's people read; the admins write");
        read.Items.Select(a => a.Title).Should().Equal("Corso sul DGUE", "Assemblea dei soci");
        read.Items[1].Text.Should().Be("Giovedì 17 alle 18, sala consiliare.\nOrdine del giorno allegato.");
        (await Read(w.Admin, w.SpaceId)).ViewerWrites.Should().BeTrue();

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var edited = await w.Admin.PutAsJsonAsync($"{Path(w.SpaceId)}/{assembly.Id}",
            new EditAnnouncementRequest("Assemblea dei soci (nuova sala)", "Giovedì 17 alle 18, sala Verdi.", assembly.Version), Json);
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var now = await edited.Read<AnnouncementDto>();
        now.Should().BeEquivalentTo(new { Title = "Assemblea dei soci (nuova sala)", Text = "Giovedì 17 alle 18, sala Verdi.", Version = assembly.Version + 1 });
        now.PostedAt.Should().BeCloseTo(assembly.PostedAt, TimeSpan.FromMilliseconds(1), "an edit keeps when it was first published");
        now.ChangedAt.Should().BeCloseTo(fixture.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1), "the databases keep microseconds");

        // A second admin's edit made on the copy read before: refused, and the first edit stands.
        var stale = await w.Admin.PutAsJsonAsync($"{Path(w.SpaceId)}/{assembly.Id}",
            new EditAnnouncementRequest("Assemblea", "Testo vecchio", assembly.Version), Json);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Refusal()).Code.Should().Be("announcement.changedMeanwhile");
        (await Read(w.Coder, w.SpaceId)).Items.Should().ContainSingle(a => a.Id == assembly.Id).Which.Title.Should().Be("Assemblea dei soci (nuova sala)");

        (await w.Admin.PostAsJsonAsync($"{Path(w.SpaceId)}/{course.Id}/withdraw", new WithdrawAnnouncementRequest(course.Version), Json))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Read(w.Builder, w.SpaceId)).Items.Select(a => a.Id).Should().Equal(assembly.Id);
        var again = await w.Admin.PostAsJsonAsync($"{Path(w.SpaceId)}/{course.Id}/withdraw", new WithdrawAnnouncementRequest(course.Version + 1), Json);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound, "a withdrawn announcement is gone for everyone");
        (await again.Refusal()).Code.Should().Be("announcement.notFound");
    }

    [Fact]
    public async Task Only_the_space_s_admins_write_and_only_they_and_its_member_firms_read()
    {
        var w = await World();
        var other = await World();
        var shown = await Posted(w.Admin, w.SpaceId, "Assemblea dei soci", "Giovedì 17 alle 18.");

        foreach (var (who, reader) in new[] { ("a firm outside the space", w.Outsider), ("the buyer", w.Buyer), ("another space's admin", other.Admin) })
        {
            var refused = await reader.GetAsync(Path(w.SpaceId));
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            (await refused.Refusal()).Code.Should().Be("announcement.notVisible", who);
        }
        // An outsider reads the same answer for a space that does not exist.
        (await (await w.Outsider.GetAsync(Path(Guid.NewGuid()))).Refusal()).Code.Should().Be("announcement.notVisible");
        (await w.Anonymous.GetAsync(Path(w.SpaceId))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        foreach (var (who, writer) in new[] { ("a member firm's owner", w.Builder), ("another space's admin", other.Admin), ("an outsider", w.Outsider) })
        {
            var post = await writer.PostAsJsonAsync(Path(w.SpaceId), new AnnouncementRequest("Falso avviso", "Testo"), Json);
            post.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            var edit = await writer.PutAsJsonAsync($"{Path(w.SpaceId)}/{shown.Id}", new EditAnnouncementRequest("Falso", "Testo", shown.Version), Json);
            edit.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
            var withdraw = await writer.PostAsJsonAsync($"{Path(w.SpaceId)}/{shown.Id}/withdraw", new WithdrawAnnouncementRequest(shown.Version), Json);
            withdraw.StatusCode.Should().Be(HttpStatusCode.Forbidden, who);
        }
        // Another space's admin cannot reach this space's announcement through their own space either.
        var across = await other.Admin.PutAsJsonAsync($"{Path(other.SpaceId)}/{shown.Id}", new EditAnnouncementRequest("Falso", "Testo", shown.Version), Json);
        across.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Read(w.Builder, w.SpaceId)).Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Title = "Assemblea dei soci", Version = 1 });
    }

    [Fact]
    public async Task A_bad_announcement_is_refused_naming_its_fields_and_nothing_is_kept()
    {
        var w = await World();

        var blank = await w.Admin.PostAsJsonAsync(Path(w.SpaceId), new AnnouncementRequest("  ", new string('x', 4001)), Json);
        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var fields = (await blank.Refusal()).FieldCodes;
        fields.Should().ContainKey("title").WhoseValue.Should().Equal("announcement.titleLength");
        fields.Should().ContainKey("text").WhoseValue.Should().Equal("announcement.textLength");
        var twoLines = await w.Admin.PostAsJsonAsync(Path(w.SpaceId), new AnnouncementRequest("Riga uno\nriga due", "Testo"), Json);
        (await twoLines.Refusal()).FieldCodes.Should().ContainKey("title");
        var noVersion = await w.Admin.PutAsJsonAsync($"{Path(w.SpaceId)}/{Guid.NewGuid()}", new EditAnnouncementRequest("Titolo", "Testo", null), Json);
        (await noVersion.Refusal()).FieldCodes.Should().ContainKey("version");
        var malformed = await w.Admin.PostAsync(Path(w.SpaceId), new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await Read(w.Admin, w.SpaceId)).Items.Should().BeEmpty();
    }
}
