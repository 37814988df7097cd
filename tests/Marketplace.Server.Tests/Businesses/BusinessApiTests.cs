using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Businesses;
using Marketplace.Reference;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class BusinessApiTestsOnSqlite(SqliteHost fixture) : BusinessApiTests<SqliteHost>(fixture);

public sealed class BusinessApiTestsOnPostgres(PostgresHost fixture) : BusinessApiTests<PostgresHost>(fixture);

public abstract class BusinessApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static EditProfileRequest FullEdit(BusinessProfileDto p) => EditOf(p) with
    {
        Name = " Edilizia Rossi S.r.l. ",
        VatNumber = "IT 00743110157",
        Description = "Costruzioni e restauri",
        Capabilities = ["45210000", "77313000-7"],
        Tags = ["restauro"],
        ComuneCode = "037006",
        Address = "Via Emilia 1",
        Size = FirmSize.Small,
        Website = "www.rossi.it",
        ContactEmail = "info@rossi.it",
        ContactPhone = "+39 051 123456",
    };

    [Fact]
    public async Task The_creator_of_a_business_is_its_owner()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness("Officine Bianchi");

        var mine = await owner.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json);

        mine.Should().ContainSingle().Which.Should().BeEquivalentTo(new { created.Id, Name = "Officine Bianchi", Kind = BusinessKind.Firm, Role = BusinessRole.Owner });
    }

    [Fact]
    public async Task An_edited_profile_is_stored_normalised_with_labels_and_locality()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness();

        var response = await owner.EditProfile(created.Id, FullEdit(created));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = await owner.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{created.Id}", Json);
        read.Should().BeEquivalentTo(await response.Read<BusinessProfileDto>());
        read!.Name.Should().Be("Edilizia Rossi S.r.l.");
        read.VatNumber.Should().Be("00743110157");
        read.Website.Should().Be("https://www.rossi.it");
        read.Capabilities.Should().Equal(
            new CapabilityDto("45210000-2", "Lavori generali di costruzione di edifici", "Building construction work"),
            new CapabilityDto("77313000-7", "Servizi di manutenzione parchi", "Parks maintenance services"));
        read.Locality.Should().Be(new LocalityDto("037006", "Bologna", "BO", "Bologna", "Emilia-Romagna"));
        read.Version.Should().Be(created.Version + 1);
    }

    [Fact]
    public async Task The_directory_finds_a_business_by_the_words_of_its_capabilities()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness($"Giardini {Guid.NewGuid():N}");
        await owner.EditProfile(created.Id, EditOf(created) with { Capabilities = ["77313000"], ComuneCode = "038008" });

        var page = await host.CreateClient().GetFromJsonAsync<DirectoryPageDto>($"/api/businesses?q=manutenzione+parchi+{created.Name[9..]}", Json);

        page!.Items.Should().ContainSingle().Which.Should().Be(
            new DirectoryEntryDto(created.Id, BusinessKind.Firm, created.Name, "Ferrara", "FE", null, 1, null));
    }

    [Fact]
    public async Task The_directory_finds_firms_by_place_code_and_trade_and_says_what_it_looked_for()
    {
        // Three firms sharing a word no other test uses: a plumber in Carpi (province of Modena), a painter in
        // Bologna, and a plumber in Bologna whose profile says "idraulica" but offers no plumbing code.
        var tag = $"z{Guid.NewGuid():N}"[..12];
        var owner = host.Browser();
        await owner.SignUp();
        async Task<Guid> Firm(string name, string comune, string[] codes, string description = "")
        {
            var created = await owner.CreateBusiness($"{name} {tag}");
            (await owner.EditProfile(created.Id, EditOf(created) with { ComuneCode = comune, Capabilities = codes, Description = description }))
                .EnsureSuccessStatusCode();
            return created.Id;
        }
        var plumberInCarpi = await Firm("Termotecnica", "036005", ["45332000"]);
        var painterInBologna = await Firm("Colori", "037006", ["45442100"]);
        var plumberByWords = await Firm("Bianchi", "037006", ["45210000"], "Lavori di idraulica civile");
        var anonymous = host.CreateClient();
        async Task<DirectoryPageDto> Search(string q) =>
            (await anonymous.GetFromJsonAsync<DirectoryPageDto>($"/api/businesses?q={Uri.EscapeDataString($"{q} {tag}")}", Json))!;

        (await Search("Modena")).Items.Select(i => i.Id).Should().Equal(plumberInCarpi);
        (await Search("Bologna")).Items.Select(i => i.Id).Should().BeEquivalentTo([painterInBologna, plumberByWords]);
        (await Search("Emilia-Romagna")).Total.Should().Be(3);
        (await Search("45442100")).Items.Select(i => i.Id).Should().Equal(painterInBologna);
        (await Search("4544")).Items.Select(i => i.Id).Should().Equal(painterInBologna);
        var plumbers = await Search("idraulico");
        plumbers.Items.Select(i => i.Id).Should().BeEquivalentTo([plumberInCarpi, plumberByWords]);
        (await Search("idraulico Modena")).Items.Select(i => i.Id).Should().Equal(plumberInCarpi);
        (await Search("imbianchino a Modena")).Items.Should().BeEmpty();
        var buyer = host.Browser();
        await buyer.SignUp();
        var buyerProfile = await buyer.CreateBusiness($"Comune {tag}", BusinessKind.Buyer);
        (await buyer.EditProfile(buyerProfile.Id, EditOf(buyerProfile) with { ComuneCode = "037006" })).EnsureSuccessStatusCode();
        var buyerInBologna = buyerProfile.Id;
        (await Search("Bologna")).Items.Select(i => i.Id).Should().BeEquivalentTo([painterInBologna, plumberByWords, buyerInBologna]);
        (await anonymous.GetFromJsonAsync<DirectoryPageDto>($"/api/businesses?q=Bologna+{tag}&kind=Firm", Json))!.Items.Select(i => i.Id)
            .Should().BeEquivalentTo([painterInBologna, plumberByWords], "a space's admin looks for firms to invite: only firms join a space");
        (await anonymous.GetAsync($"/api/businesses?q={tag}&kind=Impresa")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var searched = (await Search("idraulico Modena 45000000-7")).Searched;
        searched.TradeWords.Should().Equal("idraulico");
        searched.TradeCodes.Select(c => c.Code).Should().Contain("45330000-9");
        searched.Place.Should().Be(new PlaceDto(PlaceKind.Province, "Modena"));
        searched.Codes.Select(c => c.Code).Should().Equal("45000000-7");
        searched.Words.Should().Equal(tag);
    }

    [Theory]
    [InlineData("page=0&pageSize=0", 1, 1)]
    [InlineData("page=2147483647&pageSize=100000", 10_000, 100)]
    public async Task Directory_paging_is_kept_within_bounds(string query, int page, int pageSize)
    {
        var response = await host.CreateClient().GetFromJsonAsync<DirectoryPageDto>($"/api/businesses?{query}", Json);

        (response!.Page, response.PageSize).Should().Be((page, pageSize));
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_and_nothing_is_stored()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness();

        var response = await owner.EditProfile(created.Id, FullEdit(created) with
        {
            VatNumber = "00743110158",
            Capabilities = ["45210000", "12345678"],
            ComuneCode = "999999",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Read<ValidationProblemDetails>();
        problem.Errors.Keys.Should().BeEquivalentTo("vatNumber", "capabilities[1]", "comuneCode");
        (await response.Refusal()).FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["vatNumber"] = ["business.vatNumber"], ["capabilities[1]"] = ["cpv.unknown"], ["comuneCode"] = ["comune.unknown"],
        }, "each field says why in a code the client translates");
        await ProfileIsUnchanged(created);
    }

    [Theory]
    [InlineData(BusinessKind.Buyer)]
    [InlineData(BusinessKind.Association)]
    public async Task A_buyer_or_an_association_gives_its_tax_code_and_no_vat_number_or_size(BusinessKind kind)
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness("Comune di Prova", kind);
        created.KindFields.Should().Equal(["taxCode"], "the form asks a public body or an association for its codice fiscale only");

        var response = await owner.EditProfile(created.Id, EditOf(created) with { TaxCode = "0074 3110 157" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = await owner.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{created.Id}", Json);
        read.Should().BeEquivalentTo(new { TaxCode = "00743110157", VatNumber = (string?)null, Size = (FirmSize?)null });
        var row = await host.Query(db => db.Directory.AsNoTracking().SingleAsync(d => d.BusinessId == created.Id));
        row.Size.Should().BeNull("the directory shows no size for a buyer or an association");
    }

    [Fact]
    public async Task A_buyer_is_refused_a_vat_number_and_a_size_by_name_and_nothing_changes()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness("Comune di Prova", BusinessKind.Buyer);

        var response = await owner.EditProfile(created.Id, EditOf(created) with { Name = "Changed", VatNumber = "00743110157", Size = FirmSize.Large });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Refusal()).FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["vatNumber"] = ["business.fieldNotForKind"], ["size"] = ["business.fieldNotForKind"],
        });
        await ProfileIsUnchanged(created);
    }

    [Fact]
    public async Task A_firm_is_refused_a_tax_code_and_a_wrong_one_by_name()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var firm = await owner.CreateBusiness();
        var buyer = await owner.CreateBusiness("Comune di Prova", BusinessKind.Buyer);

        var forFirm = await owner.EditProfile(firm.Id, FullEdit(firm) with { TaxCode = "00743110157" });
        var wrong = await owner.EditProfile(buyer.Id, EditOf(buyer) with { TaxCode = "00743110158" });

        (await forFirm.Refusal()).FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["taxCode"] = ["business.fieldNotForKind"] });
        (await wrong.Refusal()).FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["taxCode"] = ["business.taxCode"] });
        await ProfileIsUnchanged(firm);
        await ProfileIsUnchanged(buyer);
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_and_the_first_edit_stays()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness();
        (await owner.EditProfile(created.Id, EditOf(created) with { Name = "First editor" })).EnsureSuccessStatusCode();

        var stale = await owner.EditProfile(created.Id, EditOf(created) with { Name = "Second editor" });

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Read<ProblemDetails>()).Detail.Should().Contain("version");
        (await stale.Refusal()).Should().BeEquivalentTo(new
        {
            Code = "business.changedMeanwhile",
            Args = new Dictionary<string, string> { ["expected"] = created.Version.ToString(), ["current"] = (created.Version + 1).ToString() },
        });
        (await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{created.Id}", Json))!.Name.Should().Be("First editor");
    }

    [Fact]
    public async Task A_viewer_can_see_the_team_but_cannot_edit_or_invite()
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        var created = await owner.CreateBusiness();
        var viewer = host.Browser();
        var viewerEmail = await viewer.SignUp("viewer");
        await owner.Join(created.Id, viewer, viewerEmail, BusinessRole.Viewer);
        var current = (await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{created.Id}", Json))!;

        (await viewer.GetAsync($"/api/businesses/{created.Id}/members")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await viewer.EditProfile(created.Id, EditOf(current) with { Name = "Hijacked" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync($"/api/businesses/{created.Id}/invitations", new InviteMemberRequest("friend@example.it", BusinessRole.Manager), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/api/businesses/{created.Id}/invitations")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await ProfileIsUnchanged(current);
    }

    [Fact]
    public async Task A_user_of_another_business_cannot_edit_invite_or_see_the_team()
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        var created = await owner.CreateBusiness();
        var other = host.Browser();
        var otherEmail = await other.SignUp("other");
        await other.CreateBusiness("Concorrente S.p.A.");

        (await other.EditProfile(created.Id, EditOf(created) with { Name = "Hijacked" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.PostAsJsonAsync($"/api/businesses/{created.Id}/invitations", new InviteMemberRequest(otherEmail, BusinessRole.Manager), Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/api/businesses/{created.Id}/members")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await ProfileIsUnchanged(created);
    }

    [Fact]
    public async Task A_manager_can_edit_and_invite()
    {
        var owner = host.Browser();
        var ownerEmail = await owner.SignUp("owner");
        var created = await owner.CreateBusiness();
        var manager = host.Browser();
        var managerEmail = await manager.SignUp("manager");
        var viewer = host.Browser();
        var viewerEmail = await viewer.SignUp("viewer");
        await owner.Join(created.Id, manager, managerEmail, BusinessRole.Manager);
        var current = (await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{created.Id}", Json))!;

        (await manager.EditProfile(created.Id, EditOf(current) with { Description = "Scritto dal gestore" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await manager.Join(created.Id, viewer, viewerEmail, BusinessRole.Viewer);

        var team = await owner.GetFromJsonAsync<BusinessMemberDto[]>($"/api/businesses/{created.Id}/members", Json);
        team!.Select(m => (m.Email, m.Role)).Should().BeEquivalentTo(
            [(ownerEmail, BusinessRole.Owner), (managerEmail, BusinessRole.Manager), (viewerEmail, BusinessRole.Viewer)]);
    }

    [Fact]
    public async Task Anonymous_callers_can_read_public_pages_but_not_change_anything()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness();
        var anonymous = host.Browser();

        (await anonymous.GetAsync($"/api/businesses/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/api/businesses")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.PostAsJsonAsync("/api/businesses", new { kind = "Firm", name = "Anonima" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.EditProfile(created.Id, EditOf(created))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/businesses/{created.Id}/members")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync($"/api/businesses/{created.Id}/invitations", new { email = "x@example.it", role = "Viewer" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/me/businesses")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ProfileIsUnchanged(created);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_for_reading_and_editing()
    {
        var user = host.Browser();
        await user.SignUp();
        var unknown = Guid.NewGuid();
        var statesBefore = await host.Query(db => db.GrainStates.CountAsync());

        (await user.GetAsync($"/api/businesses/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var edit = await user.PutAsJsonAsync($"/api/businesses/{unknown}/profile", new { version = 1, name = "Ghost" });
        edit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await edit.Read<ProblemDetails>()).Status.Should().Be(404);
        (await host.Query(db => db.GrainStates.CountAsync())).Should().Be(statesBefore);
        (await host.Query(db => db.Directory.AnyAsync(d => d.BusinessId == unknown))).Should().BeFalse();
    }

    [Fact]
    public async Task Malformed_json_names_the_field_and_creates_nothing()
    {
        var user = host.Browser();
        await user.SignUp();
        var before = await host.Query(db => db.Directory.CountAsync());

        var wrongType = await user.PostAsync("/api/businesses", Body("""{"kind":"Huge","name":"Nuova"}"""));
        var broken = await user.PostAsync("/api/businesses", Body("""{"kind":"Firm","name":"""));
        var missingKind = await user.PostAsync("/api/businesses", Body("""{"name":"Senza tipo"}"""));

        (await wrongType.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("kind");
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await broken.Read<ValidationProblemDetails>()).Errors.Should().NotBeEmpty();
        (await missingKind.Read<ValidationProblemDetails>()).Errors.Keys.Should().Equal("kind");
        (await host.Query(db => db.Directory.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_anything_is_read()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var created = await owner.CreateBusiness();
        var huge = new string('x', 70_000);

        var response = await owner.PutAsync($"/api/businesses/{created.Id}/profile", Body($$"""{"version":1,"name":"Big","description":"{{huge}}"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Read<ProblemDetails>()).Status.Should().Be(413);
        await ProfileIsUnchanged(created);
    }

    static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    async Task ProfileIsUnchanged(BusinessProfileDto expected)
    {
        var now = await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{expected.Id}", Json);
        now.Should().BeEquivalentTo(expected with { VatNumber = null, TaxCode = null, ContactEmail = null, ContactPhone = null, ContactsHidden = true, Actions = ViewerActions<BusinessAction>.None },
            "an anonymous reader gets the public copy of the unchanged profile, and may do nothing with it");
        var row = await host.Query(db => db.Directory.AsNoTracking().SingleAsync(d => d.BusinessId == expected.Id));
        row.Name.Should().Be(expected.Name);
        row.UpdatedAt.Should().Be(expected.UpdatedAt);
    }
}
