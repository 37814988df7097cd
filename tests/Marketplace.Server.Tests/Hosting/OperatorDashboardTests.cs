using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Auth;
using Marketplace.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Server.Tests.Hosting;

public sealed class DashboardHost() : ConfiguredHost(("Operations:Dashboard", "true"));

/// <summary>The Orleans Dashboard is for the platform's operators only, and even they do not see what grains hold.</summary>
public sealed class OperatorDashboardTests(DashboardHost fixture) : IClassFixture<DashboardHost>
{
    const string Counters = "/operations/dashboard/DashboardCounters";

    [Fact]
    public async Task The_dashboard_asks_an_anonymous_visitor_to_sign_in()
    {
        var response = await fixture.Client().GetAsync(Counters);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_dashboard_is_refused_to_a_signed_in_user_who_is_no_operator()
    {
        var user = fixture.Client();
        await user.SignUp("member");
        await user.CreateBusiness("Officine Ordinarie"); // an Owner of a business is still no operator

        (await user.GetAsync(Counters)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await user.GetAsync("/operations/dashboard/")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_operator_named_in_configuration_sees_the_cluster_but_no_grain_s_state()
    {
        var person = fixture.Client();
        await person.SignUp("operator");
        var me = await person.GetFromJsonAsync<MeDto>("/api/auth/me", ApiClientExtensions.Json);
        var business = await person.CreateBusiness("Officine Riservate");
        // The list is read on every request, as an operator's edit of appsettings.json would be picked up.
        fixture.Server.Services.GetRequiredService<IConfiguration>()[$"{Operators.Section}:0"] = me!.Id.ToString();

        var stats = await person.GetAsync(Counters);
        var page = await person.GetAsync("/operations/dashboard/");
        var state = await person.GetAsync($"/operations/dashboard/GrainState?grainId={business.Id}&grainType=Marketplace.Businesses.BusinessGrain");

        stats.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stats.Content.ReadAsStringAsync()).Should().Contain("\"hosts\"", "the cluster's nodes and figures are served to the operator");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        state.StatusCode.Should().Be(HttpStatusCode.NotFound, "a grain's state may hold a sealed bid; operators are not its bidders");
        (await state.Content.ReadAsStringAsync()).Should().NotContain("Officine Riservate");
    }
}
