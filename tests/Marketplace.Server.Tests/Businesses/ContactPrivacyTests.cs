using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Businesses;

public sealed class ContactPrivacyTestsOnSqlite(ClockedSqliteHost fixture) : ContactPrivacyTests<ClockedSqliteHost>(fixture);

public sealed class ContactPrivacyTestsOnPostgres(ClockedPostgresHost fixture) : ContactPrivacyTests<ClockedPostgresHost>(fixture);

/// <summary>A firm's VAT number, e-mail and phone go to those who share a space with it, not to whoever asks.</summary>
public abstract class ContactPrivacyTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<BusinessProfileDto> WithContacts(HttpClient owner, Guid firmId)
    {
        var firm = (await owner.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{firmId}", Json))!;
        var edited = await owner.EditProfile(firmId, EditOf(firm) with
        {
            VatNumber = "00743110157", ContactEmail = "gare@rossi.it", ContactPhone = "+39 051 123456", ComuneCode = "037006", Size = FirmSize.Small,
        });
        edited.EnsureSuccessStatusCode();
        return await edited.Read<BusinessProfileDto>();
    }

    static async Task<BusinessProfileDto> Read(HttpClient reader, Guid firmId) =>
        (await reader.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{firmId}", Json))!;

    [Fact]
    public async Task Anonymous_readers_and_outsiders_see_name_place_size_and_capabilities_but_no_contact_details()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var full = await WithContacts(w.Builder, w.BuilderId);

        foreach (var (who, reader) in new[] { ("anonymous", w.Anonymous), ("outside firm", w.Outsider), ("buyer outside the space", w.Buyer) })
        {
            var seen = await Read(reader, w.BuilderId);
            seen.Should().BeEquivalentTo(new { VatNumber = (string?)null, ContactEmail = (string?)null, ContactPhone = (string?)null, ContactsHidden = true }, who);
            seen.Should().BeEquivalentTo(new { full.Name, full.Locality, full.Size, full.Capabilities }, who);
        }
    }

    [Fact]
    public async Task The_firms_own_people_its_co_members_and_its_space_admins_see_the_contact_details()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        await WithContacts(w.Builder, w.BuilderId);

        foreach (var (who, reader) in new[] { ("own people", w.Builder), ("co-member firm", w.Coder), ("space admin", w.Admin) })
            (await Read(reader, w.BuilderId)).Should().BeEquivalentTo(
                new { VatNumber = "00743110157", ContactEmail = "gare@rossi.it", ContactPhone = "+39 051 123456", ContactsHidden = false }, who);
    }

    [Fact]
    public async Task An_applicant_s_contact_details_go_to_the_space_admins_but_not_yet_to_its_members()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        await WithContacts(w.Outsider, w.OutsiderId);
        (await w.Outsider.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/applications", new ApplyRequest(w.OutsiderId, null, 1), Json)).EnsureSuccessStatusCode();

        (await Read(w.Admin, w.OutsiderId)).ContactEmail.Should().Be("gare@rossi.it");
        (await Read(w.Coder, w.OutsiderId)).ContactEmail.Should().BeNull();

        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/firms/{w.OutsiderId}/decision",
            new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
        (await Read(w.Coder, w.OutsiderId)).ContactEmail.Should().Be("gare@rossi.it", "once a member, it shares the space with the reader");
    }
}
