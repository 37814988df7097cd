using System.Net.Http.Json;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class QualificationVouchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static readonly DateOnly NextYear = QualificationRules.Today(DateTimeOffset.UtcNow).AddYears(1);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_association_checks_a_member_s_attestation_the_firm_reads_it_as_verified_and_its_edit_of_the_class_drops_the_mark()
    {
        // Arranged through the API: the space, its member firm and the firm's attestation and figures.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        await rossi.Api.RecordQualifications(rossi.Firm.Id, (await rossi.Api.GetFromJsonAsync<FirmQualificationsDto>(
                $"/api/businesses/{rossi.Firm.Id}/qualifications", ApiClientExtensions.Json))!.Version,
            [new("OG1", SoaClass.III, NextYear, "SOA Nord Alpi S.p.A.")], new FinancialFiguresDto(NextYear.Year - 2, 3_200_000m, 1_150_000m));

        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        var member = secretary.GetByTestId("admin-member-item").And(secretary.Locator($"[data-firm-id='{rossi.Firm.Id}']"));
        await member.GetByTestId("member-qualifications-open").ClickAsync();
        var og1 = member.Locator("[data-testid='soa-item'][data-category='OG1']");
        await Expect(og1).ToContainTextAsync("rilasciata da SOA Nord Alpi S.p.A.");
        await og1.GetByTestId("qualification-check-submit").ClickAsync();

        await Expect(member.GetByTestId("qualification-check-status")).ToHaveTextAsync("Verifica registrata.");
        await Expect(og1.GetByTestId("qualification-checked")).ToContainTextAsync("Verificato dall'associazione «Spazio Imprese Emilia» il");
        await Expect(og1.GetByTestId("qualification-check-withdraw")).ToBeVisibleAsync();
        await Expect(member.GetByTestId("figures-checks").GetByTestId("qualification-checked")).ToHaveCountAsync(0);
        await secretary.ScreenshotAsync(new() { Path = Shot("qualification-vouch-admin-it.png"), FullPage = true });

        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, rossi.Email);
        await phone.GotoAsync($"/#/businesses/{rossi.Firm.Id}");
        var read = phone.GetByTestId("qualifications-section");
        await Expect(read.Locator("[data-category='OG1']").GetByTestId("qualification-checked")).ToContainTextAsync("Checked by «Spazio Imprese Emilia» on");
        await read.ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("qualification-vouch-en-390.png"), FullPage = true });

        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, rossi.Email);
        await owner.GotoAsync($"/#/businesses/{rossi.Firm.Id}");
        var section = owner.GetByTestId("qualifications-section");
        var mark = section.Locator("[data-category='OG1']").GetByTestId("qualification-checked");
        await Expect(mark).ToContainTextAsync("Verificato dall'associazione «Spazio Imprese Emilia» il");
        await Expect(section.GetByTestId("figures-checks").GetByTestId("qualification-checked")).ToHaveCountAsync(0);
        await owner.ScreenshotAsync(new() { Path = Shot("qualification-vouch-firm-it.png"), FullPage = true });

        await section.GetByTestId("qualifications-edit").ClickAsync();
        await section.GetByTestId("soa-row").First.GetByTestId("soa-class").SelectOptionAsync("IV");
        await section.GetByTestId("qualifications-save").ClickAsync();

        await Expect(section.GetByTestId("qualifications-status")).ToHaveTextAsync("Qualificazioni salvate.");
        await Expect(section.Locator("[data-category='OG1']")).ToContainTextAsync("classe IV");
        await Expect(mark).ToHaveCountAsync(0);
        await owner.ScreenshotAsync(new() { Path = Shot("qualification-vouch-dropped-it.png"), FullPage = true });
    }
}
