using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Alliances;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class AvvalimentoMailTestsOnSqlite(SqliteNotificationHost fixture) : AvvalimentoMailTests<SqliteNotificationHost>(fixture);

public sealed class AvvalimentoMailTestsOnPostgres(PostgresNotificationHost fixture) : AvvalimentoMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// An auxiliary firm's Owners and Managers are told by e-mail, in their language, when a joint bid relies on it and
/// awaits its commitment: what it lends and to whom, never the bid's price or work; none once it answered.
/// </summary>
public abstract class AvvalimentoMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    static bool IsAvvalimento(string subject) => subject.Contains("avvalimento", StringComparison.Ordinal);

    async Task<MimeMessage> MailTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject is { } s && IsAvvalimento(s)) is { } found)
                return found;
    }

    async Task<List<string>> Told(HttpClient person) => [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(IsAvvalimento)];

    [Fact]
    public async Task The_auxiliarys_owners_and_managers_are_told_in_their_language_without_the_price_and_not_once_it_answered()
    {
        var t = await RelianceArrangement.Arrange(fixture.Host, fixture.Clock);
        var w = t.World;
        var (english, viewer) = (fixture.Host.Browser(), fixture.Host.Browser());
        await t.AuxiliaryPerson.Join(t.Auxiliary, english, await english.SignUp("english-aux"), BusinessRole.Manager);
        await viewer.JoinAsViewer(t.AuxiliaryPerson, t.Auxiliary);
        (await NotificationHost.Choose(english, NotificationMode.Immediately, "en-GB", NotificationKind.Avvalimento)).EnsureSuccessStatusCode();

        var (bid, _) = await RelianceArrangement.UnderContract(t);
        fixture.Wait();
        await fixture.SendNotices();

        var owner = await MailTo(await NotificationHost.EmailOf(t.AuxiliaryPerson));
        owner.Subject.Should().Be("RTI Rodari chiede a Elettrica Ausiliaria di confermare l'avvalimento");
        owner.TextBody.Should().Contain("l'offerta congiunta di un'alleanza si avvale di Elettrica Ausiliaria e aspetta il suo impegno:")
            .And.Contain($"Per la gara «{t.Tender.Title}», lotto 1: Elettrica Ausiliaria presta i suoi requisiti a Verdi Informatica")
            .And.Contain($"https://marketplace.test/#/alliances/{t.AllianceId}/lending")
            .And.NotContain("900.000", "the price (a bare \"900\" can stand in an id)").And.NotContain("900,000").And.NotContain("900000").And.NotContain("Murature").And.NotContain("Cantiere").And.NotContain(bid.Digest);
        var inEnglish = await MailTo(await NotificationHost.EmailOf(english));
        inEnglish.Subject.Should().Be("RTI Rodari asks Elettrica Ausiliaria to confirm its avvalimento");
        inEnglish.TextBody.Should().Contain($"For the tender «{t.Tender.Title}», lot 1: Elettrica Ausiliaria lends to Verdi Informatica, and is jointly liable with it.");
        (await Told(viewer)).Should().BeEmpty("a Viewer does not answer for the firm");
        foreach (var other in new[] { w.Builder, w.Coder })
            (await Told(other)).Should().BeEmpty("only the auxiliary is asked for its commitment");

        // Asked again by a changed contract, the firm answers before the e-mail goes: nothing is sent.
        await RelianceArrangement.ReviseContract(t);
        var digest = (await t.AuxiliaryPerson.GetFromJsonAsync<LendingViewDto>($"{t.Bid}/lending", Json))!.Lendings.Single().Digest;
        (await t.AuxiliaryPerson.PostAsJsonAsync($"{t.Bid}/lending/answer", new AnswerLendingRequest(t.Auxiliary, digest, true), Json)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        (await Told(t.AuxiliaryPerson)).Should().ContainSingle("the second ask was answered before its e-mail went");
        (await Told(english)).Should().ContainSingle();
    }
}
