using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class BusinessLogoApiTestsOnSqlite(SqliteHost fixture) : BusinessLogoApiTests<SqliteHost>(fixture);

public sealed class BusinessLogoApiTestsOnPostgres(PostgresHost fixture) : BusinessLogoApiTests<PostgresHost>(fixture);

public abstract class BusinessLogoApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : HostFixture
{
    readonly MarketplaceHost host = fixture.Host;

    static Task<HttpResponseMessage> Upload(HttpClient client, Guid businessId, byte[] bytes, string? name = "logo.png")
    {
        var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var query = name is null ? "" : $"?name={Uri.EscapeDataString(name)}";
        return client.PutAsync($"/api/businesses/{businessId}/logo{query}", body);
    }

    async Task<(HttpClient Owner, BusinessProfileDto Firm)> OwnerWithFirm(string name = "Officine Loghi S.r.l.")
    {
        var owner = host.Browser();
        await owner.SignUp("owner");
        return (owner, await owner.CreateBusiness(name));
    }

    /// <summary>What anyone reads of the business after a refusal: no logo on its page, in the directory, or at its address.</summary>
    async Task HasNoLogo(Guid businessId)
    {
        var anyone = host.CreateClient();
        (await anyone.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{businessId}", Json))!.Logo.Should().BeNull();
        (await anyone.GetAsync($"/api/businesses/{businessId}/logo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await host.Query(db => db.BusinessLogos.AnyAsync(l => l.BusinessId == businessId))).Should().BeFalse();
    }

    [Fact]
    public async Task An_owner_s_png_is_served_with_its_checked_type_for_good_and_shown_on_the_page_and_in_the_directory()
    {
        var (owner, firm) = await OwnerWithFirm("Officine Logo Servito S.r.l.");
        var png = TestImages.Png(40, 20);

        var response = await Upload(owner, firm.Id, png);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var logo = (await response.Read<BusinessProfileDto>()).Logo;
        logo.Should().StartWith($"/api/businesses/{firm.Id}/logo?v=");
        var anyone = host.CreateClient();
        (await anyone.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{firm.Id}", Json))!.Logo.Should().Be(logo);
        var directory = await anyone.GetFromJsonAsync<DirectoryPageDto>("/api/businesses?q=Servito", Json);
        directory!.Items.Should().ContainSingle(i => i.Id == firm.Id).Which.Logo.Should().Be(logo);

        var served = await anyone.GetAsync(logo);
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(png);
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        served.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        served.Headers.CacheControl!.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(365), "the address names this very image");
        var again = new HttpRequestMessage(HttpMethod.Get, logo);
        again.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        (await anyone.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_new_logo_replaces_the_old_at_a_new_address_and_a_removed_one_is_gone()
    {
        var (owner, firm) = await OwnerWithFirm();
        var first = (await (await Upload(owner, firm.Id, TestImages.Png(10, 10))).Read<BusinessProfileDto>()).Logo;
        var second = TestImages.Png(12, 12, red: 200);

        var replaced = (await (await Upload(owner, firm.Id, second, "nuovo.PNG")).Read<BusinessProfileDto>()).Logo;

        replaced.Should().NotBe(first);
        (await host.CreateClient().GetByteArrayAsync(replaced)).Should().Equal(second);
        (await host.Query(db => db.BusinessLogos.CountAsync(l => l.BusinessId == firm.Id))).Should().Be(1, "one row per business");

        var removed = await owner.DeleteAsync($"/api/businesses/{firm.Id}/logo");

        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await removed.Read<BusinessProfileDto>()).Logo.Should().BeNull();
        await HasNoLogo(firm.Id);
    }

    [Theory]
    [InlineData("svg named png")]
    [InlineData("png named svg")]
    [InlineData("too many pixels")]
    public async Task A_file_that_is_not_an_allowed_image_is_refused_naming_the_field_and_nothing_changes(string upload)
    {
        var (owner, firm) = await OwnerWithFirm();
        var (bytes, name, field, code) = upload switch
        {
            "svg named png" => (TestImages.ScriptedSvg(), "logo.png", "logo", "logo.type"),
            "png named svg" => (TestImages.Png(10, 10), "logo.svg", "name", "logo.name"),
            _ => (TestImages.Png(LogoImage.MaxPixels + 1, 1), "logo.png", "logo", "logo.pixels"),
        };

        var response = await Upload(owner, firm.Id, bytes, name);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Refusal()).FieldCodes.Should().BeEquivalentTo(new Dictionary<string, string[]> { [field] = [code] });
        await HasNoLogo(firm.Id);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read()
    {
        var (owner, firm) = await OwnerWithFirm();
        var large = new byte[LogoImage.MaxBytes + 1];
        TestImages.Png(10, 10).CopyTo(large, 0);

        var response = await Upload(owner, firm.Id, large);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await HasNoLogo(firm.Id);
    }

    [Fact]
    public async Task Another_firm_s_owner_and_a_viewer_may_neither_set_nor_remove_the_logo()
    {
        var (owner, firm) = await OwnerWithFirm();
        var set = (await (await Upload(owner, firm.Id, TestImages.Png(10, 10))).Read<BusinessProfileDto>()).Logo;
        var (stranger, _) = await OwnerWithFirm("Altra Impresa S.r.l.");
        var viewer = host.Browser();
        await viewer.JoinAsViewer(owner, firm.Id);

        foreach (var wrong in new[] { stranger, viewer })
        {
            (await Upload(wrong, firm.Id, TestImages.Png(11, 11))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await wrong.DeleteAsync($"/api/businesses/{firm.Id}/logo")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await host.CreateClient().GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{firm.Id}", Json))!.Logo.Should().Be(set);
        (await host.CreateClient().GetAsync($"/api/businesses/{Guid.NewGuid()}/logo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
