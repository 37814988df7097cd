using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.OpenData.Import.Feeds;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.Extensions.Options;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.OpenData;

/// <summary>The server fetches feeds from the public Internet only, so an admin cannot make it read the operator's own network.</summary>
public sealed class FeedAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.8.9.10")] [InlineData("10.0.0.1")] [InlineData("10.255.255.255")] [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")] [InlineData("192.168.1.1")] [InlineData("169.254.169.254")] [InlineData("100.64.0.1")] [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")] [InlineData("239.255.255.250")] [InlineData("255.255.255.255")] [InlineData("240.0.0.1")] [InlineData("192.0.2.10")]
    [InlineData("198.18.0.1")] [InlineData("::1")] [InlineData("::")] [InlineData("fc00::1")] [InlineData("fd12:3456::1")] [InlineData("fe80::1")]
    [InlineData("fec0::1")] [InlineData("ff02::1")] [InlineData("::ffff:127.0.0.1")] [InlineData("::ffff:10.1.2.3")] [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")] [InlineData("64:ff9b::a00:1")] [InlineData("2001:db8::1")] [InlineData("2001::1")] [InlineData("2002:a00:1::1")]
    public void An_address_that_is_not_one_host_of_the_public_Internet_is_refused(string address) =>
        FeedAddresses.IsPublic(IPAddress.Parse(address)).Should().BeFalse();

    [Theory]
    [InlineData("93.184.215.14")] [InlineData("151.101.1.69")] [InlineData("8.8.8.8")] [InlineData("172.32.0.1")] [InlineData("100.128.0.1")]
    [InlineData("::ffff:93.184.215.14")] [InlineData("2a00:1450:4002:402::200e")] [InlineData("2606:4700::6810:84e5")]
    public void A_public_address_is_allowed(string address) =>
        FeedAddresses.IsPublic(IPAddress.Parse(address)).Should().BeTrue();

    [Fact]
    public void The_test_only_option_allows_loopback_and_nothing_else_inside()
    {
        var tests = new FeedOptions { AllowLoopback = true };
        tests.Allows(IPAddress.Parse("127.0.0.1")).Should().BeTrue();
        tests.Allows(IPAddress.Parse("::1")).Should().BeTrue();
        tests.Allows(IPAddress.Parse("::ffff:127.0.0.1")).Should().BeTrue();
        foreach (var inside in new[] { "10.0.0.1", "169.254.169.254", "192.168.1.1", "fc00::1", "fe80::1" })
            tests.Allows(IPAddress.Parse(inside)).Should().BeFalse(inside);
        new FeedOptions().AllowLoopback.Should().BeFalse("production refuses loopback");
    }

    [Fact]
    public async Task By_default_the_client_does_not_connect_to_loopback_even_when_asked_to_fetch_there()
    {
        await using var publisher = await PackageServer.Start();
        publisher.Serve("/ocds.json", "{}");
        using var client = new FeedClient(Options.Create(new FeedOptions()));

        var refused = await FluentActions.Awaiting(() => client.Open(publisher.Url("/ocds.json"), 1000, CancellationToken.None))
            .Should().ThrowAsync<Exception>();

        refused.Which.ToString().Should().Contain("is not on the public Internet");
        publisher.Requests("/ocds.json").Should().Be(0, "the connection is refused before any byte is sent");
    }
}

public sealed class FeedAddressApiTestsOnSqlite(ClockedSqliteHost fixture) : FeedAddressApiTests<ClockedSqliteHost>(fixture);

public sealed class FeedAddressApiTestsOnPostgres(ClockedPostgresHost fixture) : FeedAddressApiTests<ClockedPostgresHost>(fixture);

/// <summary>The production default: a feed's address on loopback, a private or link-local network is refused when added, naming the field.</summary>
public abstract class FeedAddressApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    [Fact]
    public async Task By_default_an_address_inside_the_operator_s_network_is_refused_when_added()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        await using var publisher = await PackageServer.Start();
        publisher.Serve("/ocds.json", "{}");

        foreach (var url in new[]
        {
            publisher.Url("/ocds.json"), "http://10.1.2.3/ocds.json", "http://169.254.169.254/latest/meta-data/", "http://[::1]/ocds.json",
            "http://[fc00::1]/ocds.json", "https://[fd00:ec2::254]/", "http://[::ffff:127.0.0.1]:8080/", "http://localhost/ocds.json",
        })
        {
            var refused = await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/opportunities/feeds", new AddImportFeedRequest(url, 24), Json);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, url);
            (await refused.Refusal()).FieldCodes.Should().ContainKey("url").WhoseValue.Should().Equal(["feed.notPublic"], url);
        }
        publisher.Requests("/ocds.json").Should().Be(0);
        (await w.Admin.GetFromJsonAsync<ImportFeedDto[]>($"/api/spaces/{w.SpaceId}/opportunities/feeds", Json)).Should().BeEmpty();
    }
}
