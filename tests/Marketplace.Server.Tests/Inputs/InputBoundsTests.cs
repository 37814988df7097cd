using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Inputs;

public sealed class InputBoundsTestsOnSqlite(ClockedSqliteHost fixture) : InputBoundsTests<ClockedSqliteHost>(fixture);

public sealed class InputBoundsTestsOnPostgres(ClockedPostgresHost fixture) : InputBoundsTests<ClockedPostgresHost>(fixture);

/// <summary>
/// Text, numbers, ids and dates a person (or an attacker) can send: what the database or a rule cannot handle is
/// refused with a 400 that names the field, and nothing is stored.
/// </summary>
public abstract class InputBoundsTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    readonly MarketplaceHost host = fixture.Host;

    Task<TenderWorld> World() => TenderWorld.Create(host, fixture.Clock);

    static async Task<string[]> Fields(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return [.. (await response.Read<ValidationProblemDetails>()).Errors.Keys];
    }

    /// <summary>A JSON string literal with every character outside printable ASCII escaped, so lone surrogates survive.</summary>
    static string Literal(string text) =>
        "\"" + string.Concat(text.Select(c => c is >= ' ' and <= '~' and not ('"' or '\\') ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static TheoryData<string> HostileNames => new()
    {
        "\u200B\u200B\u200B",          // zero-width spaces only
        "\u200D\uFEFF\u2060 \u00AD",   // joiner, byte-order mark, word joiner, soft hyphen
        "\u3164\u3164",                // Hangul filler
        "\u202Eanidlif.ilats",         // right-to-left override
        "Rossi \u2066S.r.l.\u2069",    // directional isolate
        "Rossi\u0000 S.r.l.",          // NUL: PostgreSQL cannot store it
        "Rossi\u0007 S.r.l.",          // bell
        "Rossi\nS.r.l.",               // a name is one line
        "Rossi \uD800S.r.l.",          // half a surrogate pair: the JSON reader makes it U+FFFD, an unreadable character
    };

    [Fact]
    public async Task Each_input_refusal_names_its_reason_in_a_code()
    {
        var owner = host.Browser();
        await owner.SignUp();

        var reversed = await (await owner.PostAsync("/api/businesses", JsonBody($$"""{"kind":"Firm","name":{{Literal("\u202Eanidlif")}}}"""))).Refusal();
        var broken = await (await owner.PostAsync("/api/businesses", JsonBody("nonsense"))).Refusal();
        var wrongType = await (await owner.PostAsync("/api/businesses", JsonBody("""{"kind":"Firm","name":12}"""))).Refusal();
        var tooManyWords = await (await owner.GetAsync($"/api/businesses?q={string.Join('+', Enumerable.Repeat("rossi", InputRules.MaxSearchWords + 1))}")).Refusal();

        reversed.FieldCodes.Should().ContainKey("name").WhoseValue.Should().Equal("input.reversingCharacter");
        broken.FieldCodes.Should().ContainKey("body").WhoseValue.Should().Equal("input.notJson");
        wrongType.FieldCodes.Should().ContainKey("name").WhoseValue.Should().Equal("input.wrongFormat");
        tooManyWords.FieldCodes.Should().ContainKey("q").WhoseValue.Should().Equal("input.searchWords");
    }

    [Theory, MemberData(nameof(HostileNames))]
    public async Task A_name_that_is_invisible_or_hides_characters_is_refused_naming_the_field(string name)
    {
        var owner = host.Browser();
        await owner.SignUp();
        var firm = await owner.CreateBusiness("Rossi Costruzioni");

        var created = await owner.PostAsync("/api/businesses", JsonBody($$"""{"kind":"Firm","name":{{Literal(name)}}}"""));
        var edited = await owner.PutAsync($"/api/businesses/{firm.Id}/profile", JsonBody($$"""{"version":{{firm.Version}},"name":{{Literal(name)}}}"""));

        (await Fields(created)).Should().Equal("name");
        (await Fields(edited)).Should().Equal("name");
        (await owner.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().ContainSingle();
        (await owner.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{firm.Id}", Json))!.Version.Should().Be(firm.Version);
    }

    [Fact]
    public async Task Long_texts_keep_line_breaks_and_names_keep_accents_and_emoji()
    {
        var owner = host.Browser();
        await owner.SignUp();
        var firm = await owner.CreateBusiness("Caffè Ñandú 🌿");

        var edited = await owner.EditProfile(firm.Id, EditOf(firm) with { Description = "Restauri\n\tfacciate e tetti\r\nPreventivi gratuiti" });

        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = await edited.Read<BusinessProfileDto>();
        read.Name.Should().Be("Caffè Ñandú 🌿");
        read.Description.Should().Be("Restauri\n\tfacciate e tetti\r\nPreventivi gratuiti");
    }

    [Fact]
    public async Task A_text_with_a_NUL_anywhere_in_a_tender_is_refused_naming_the_field()
    {
        var w = await World();
        var request = w.Request();
        var before = await host.Query(db => Task.FromResult(db.Tenders.Count()));

        var response = await w.Buyer.PostAsJsonAsync("/api/tenders",
            request with { Lots = [request.Lots![0] with { Title = "Opere\0edili" }, request.Lots[1]], Eligibility = ["SOA\u202EOG1"] }, Json);

        (await Fields(response)).Should().BeEquivalentTo("lots[0].title", "eligibility[0]");
        (await host.Query(db => Task.FromResult(db.Tenders.Count()))).Should().Be(before);
    }

    [Fact]
    public async Task Searches_of_too_many_words_or_with_control_characters_are_refused_naming_the_parameter()
    {
        var w = await World();
        var thousandWords = string.Join('+', Enumerable.Range(0, 1000).Select(i => $"parola{i}"));

        (await Fields(await w.Anonymous.GetAsync($"/api/businesses?q={thousandWords}"))).Should().Equal("q");
        (await Fields(await w.Builder.GetAsync($"/api/spaces/{w.SpaceId}/directory?q={thousandWords}"))).Should().Equal("q");
        (await Fields(await w.Anonymous.GetAsync($"/api/reference/cpv?q={thousandWords}"))).Should().Equal("q");
        (await Fields(await w.Anonymous.GetAsync($"/api/businesses?q=rossi%00"))).Should().Equal("q");
        (await Fields(await w.Builder.GetAsync($"/api/spaces/{w.SpaceId}/directory?province=B%00O"))).Should().Equal("province");
        (await w.Anonymous.GetAsync("/api/businesses?q=lavori+edili+bologna")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public async Task A_radius_that_is_not_a_finite_number_is_refused_naming_it(string radius)
    {
        var w = await World();

        var response = await w.Builder.GetAsync($"/api/spaces/{w.SpaceId}/directory?near=037006&radiusKm={radius}");

        (await Fields(response)).Should().Equal("radiusKm");
    }

    [Fact]
    public async Task The_empty_id_is_refused_wherever_an_id_is_given()
    {
        var w = await World();
        var request = w.Request();

        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request with { Spaces = [Guid.Empty] }, Json))).Should().Equal("spaces[0]");
        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request with { BuyerId = Guid.Empty }, Json))).Should().Equal("buyerId");
        (await Fields(await w.Builder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(Guid.Empty, null, 1), Json)))
            .Should().Equal("firmId");
        (await Fields(await w.Anonymous.GetAsync($"/api/businesses/{Guid.Empty}"))).Should().Equal("id");
    }

    [Fact]
    public async Task Dates_outside_a_sane_window_are_refused_naming_the_field()
    {
        var w = await World();
        var request = w.Request();
        var year9999 = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request with { SubmissionDeadline = year9999 }, Json)))
            .Should().Equal("submissionDeadline");
        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request with { EnquiryDeadline = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) }, Json)))
            .Should().Contain("enquiryDeadline");
        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request with { ContractEnd = DateOnly.MaxValue }, Json)))
            .Should().Equal("contractEnd");
        (await Fields(await w.Buyer.PostAsJsonAsync("/api/tenders", request with { SubmissionDeadline = w.Now.AddYears(InputRules.InstantHorizonYears).AddDays(1) }, Json)))
            .Should().Equal("submissionDeadline");
        var yearAhead = await w.Buyer.PostAsJsonAsync("/api/tenders", request with
        {
            SubmissionDeadline = w.Now.AddYears(1), ContractStart = DateOnly.FromDateTime(w.Now.AddYears(2).UtcDateTime),
            ContractEnd = DateOnly.FromDateTime(w.Now.AddYears(20).UtcDateTime),
        }, Json);
        yearAhead.StatusCode.Should().Be(HttpStatusCode.Created, "a deadline a year ahead and a long contract are ordinary");
    }

    [Fact]
    public async Task An_enum_value_that_is_not_one_of_its_names_is_refused()
    {
        var owner = host.Browser();
        await owner.SignUp();

        var response = await owner.PostAsync("/api/businesses", JsonBody("""{"kind":99,"name":"Officine Numeriche"}"""));

        (await Fields(response)).Should().Equal("kind");
        (await owner.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().BeEmpty();
    }
}
