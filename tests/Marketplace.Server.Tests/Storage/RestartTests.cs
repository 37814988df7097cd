using System.Net;
using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Storage;

/// <summary>Everything a user did is still there after the whole server (silo included) stops and starts again.</summary>
public sealed class RestartTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Profiles_read_models_and_sign_ins_survive_a_full_restart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        var cookies = new CookieContainer(); // the same browser before and after the restart
        BusinessProfileDto saved;
        await using (var before = new MarketplaceHost(database))
        {
            var owner = before.CreateDefaultClient(new CookieContainerHandler(cookies));
            await owner.SignUp();
            var created = await owner.CreateBusiness("Studio Tecnico Neri");
            saved = await (await owner.EditProfile(created.Id, EditOf(created) with { Capabilities = ["71000000"], ComuneCode = "035033" }))
                .Read<BusinessProfileDto>();
        }

        await using var after = new MarketplaceHost(database);
        var sameBrowser = after.CreateDefaultClient(new CookieContainerHandler(cookies));

        (await sameBrowser.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{saved.Id}", Json)).Should().BeEquivalentTo(saved);
        (await sameBrowser.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().ContainSingle(b => b.Id == saved.Id);
        (await sameBrowser.GetFromJsonAsync<DirectoryPageDto>("/api/businesses?q=neri", Json))!.Items.Should().ContainSingle()
            .Which.ComuneName.Should().Be("Reggio nell'Emilia");
    }
}
