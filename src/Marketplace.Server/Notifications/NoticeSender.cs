using Marketplace.Data;
using Marketplace.Data.Notifications;
using Marketplace.Data.Outbox;
using Marketplace.Server.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Notifications;

/// <summary>
/// Turns the notices (<see cref="PendingNotice"/>) into e-mails by each person's settings: an "immediately" notice
/// once it has waited <see cref="NotificationOptions.WaitBeforeSending"/>, a digest one at the day's digest time, all
/// of a person's due digest notices in one e-mail. A notice is dropped, with no e-mail, when its kind is off, when the
/// person opened their inbox after it came (they saw it live) or no longer acts for the firm. Each person's notices are
/// handled in one transaction that marks them done (only if still undone: two nodes never send one twice) and writes
/// their e-mails to the outbox, so a notice is e-mailed once or not at all, and a crash in between loses nothing.
/// </summary>
public sealed class NoticeSender(
    IServiceScopeFactory scopes, IOptions<NotificationOptions> options, MarketplaceClock clock, OutboxSignal outbox, ILogger<NoticeSender> log)
{
    const int PeoplePerRound = 50;

    /// <summary>Handles the notices due now; the answer is how many e-mails were written.</summary>
    public async Task<int> RunOnce(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ready = now - options.Value.WaitBeforeSending;
        List<Guid> people;
        await using (var scope = scopes.CreateAsyncScope())
            people = await Due(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Notices.AsNoTracking(), now, ready)
                .Select(n => n.UserId).Distinct().Take(PeoplePerRound).ToListAsync(ct);
        var written = 0;
        foreach (var person in people)
        {
            try { written += await ForPerson(person, now, ready, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Another node handling the same person at once loses its write here; its notices are done or still due.
                log.LogWarning(e, "The notices of user {User} were not handled this round; they are tried at the next", person);
            }
        }
        if (written > 0) outbox.Written();
        return written;
    }

    static IQueryable<PendingNotice> Due(IQueryable<PendingNotice> notices, DateTimeOffset now, DateTimeOffset ready) =>
        notices.Where(n => n.DoneAt == null && n.CreatedAt <= ready && (n.NextLookAt == null || n.NextLookAt <= now));

    async Task<int> ForPerson(Guid userId, DateTimeOffset now, DateTimeOffset ready, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MarketplaceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var notices = await Due(db.Notices.AsNoTracking().Where(n => n.UserId == userId), now, ready).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.InboxReadAt, u.Language }).FirstOrDefaultAsync(ct);
        var modes = NotificationDefaults.Resolve(await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct))
            .ToDictionary(m => m.Kind, m => m.Mode);
        var firmIds = notices.Select(n => n.BusinessId).Distinct().ToList();
        var actsFor = (await db.BusinessMembers.AsNoTracking().Where(m => m.UserId == userId && firmIds.Contains(m.BusinessId))
            .Select(m => m.BusinessId).ToListAsync(ct)).ToHashSet();

        List<PendingNotice> done = [], single = [], digest = [], later = [];
        foreach (var notice in notices)
        {
            var mode = modes[notice.Kind];
            var unseen = person is { Email: not null } && actsFor.Contains(notice.BusinessId) && !(person.InboxReadAt >= notice.CreatedAt);
            if (!unseen || mode == NotificationMode.Off) done.Add(notice);
            else if (mode == NotificationMode.Immediately) { done.Add(notice); single.Add(notice); }
            else if (options.Value.DigestAfter(notice.CreatedAt) <= now) { done.Add(notice); digest.Add(notice); }
            else later.Add(notice);
        }

        var ids = done.Select(n => n.Id).ToList();
        if (ids.Count > 0 && await db.Notices.Where(n => ids.Contains(n.Id) && n.DoneAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.DoneAt, now), ct) != ids.Count)
            return 0; // another node handled some of them first: it wrote their e-mails; the transaction is rolled back
        foreach (var wait in later)
        {
            var at = options.Value.DigestAfter(wait.CreatedAt);
            await db.Notices.Where(n => n.Id == wait.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.NextLookAt, at), ct);
        }

        var written = 0;
        if (person is { Email: { } email } && (single.Count > 0 || digest.Count > 0))
        {
            var site = services.GetRequiredService<SiteLinks>();
            var told = await Describe(db, site, [.. single, .. digest], ct);
            var language = MailTexts.OfCode(person.Language);
            var name = PersonName.Of(person.DisplayName, email);
            var links = services.GetRequiredService<UnsubscribeLinks>();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
            var token = links.Token(userId, NotificationKind.NewTender);
            var (page, oneClick, settings) = (site.Page("unsubscribe", ("token", token)), site.Api($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(token)}"), site.Page("account"));
            foreach (var notice in single)
                if (told.TryGetValue(notice.Id, out var one))
                {
                    var mail = NotificationMails.NewTender(language, name, one, page, settings, zone);
                    db.Enqueue(Kind(NotificationKind.NewTender), email, mail.Subject, mail.Text, mail.Html, now, oneClick);
                    written++;
                }
            var gathered = digest.Where(n => told.ContainsKey(n.Id)).Select(n => told[n.Id]).ToList();
            if (gathered.Count > 0)
            {
                var mail = NotificationMails.Digest(language, name, gathered, page, settings, zone);
                db.Enqueue("notification.digest", email, mail.Subject, mail.Text, mail.Html, now, oneClick);
                written++;
            }
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>The outbox's name of a kind's e-mails ("notification.NewTender").</summary>
    public static string Kind(NotificationKind kind) => $"notification.{kind}";

    /// <summary>
    /// What each new-tender notice tells, read as the firm's inbox shows it now (an amended title, the lots matched
    /// now); a notice whose inbox row is gone tells nothing and is sent in no e-mail.
    /// </summary>
    static async Task<Dictionary<Guid, NewTenderNotice>> Describe(MarketplaceDbContext db, SiteLinks site, List<PendingNotice> notices, CancellationToken ct)
    {
        var tenderIds = notices.Select(n => n.TenderId).Distinct().ToList();
        var firmIds = notices.Select(n => n.BusinessId).Distinct().ToList();
        var inbox = await db.Inbox.AsNoTracking().Where(i => tenderIds.Contains(i.TenderId) && firmIds.Contains(i.BusinessId)).ToListAsync(ct);
        var deadlines = await db.Tenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId)).ToDictionaryAsync(t => t.TenderId, t => t.SubmissionDeadline, ct);
        var lots = (await db.TenderLots.AsNoTracking().Where(l => tenderIds.Contains(l.TenderId)).Select(l => new { l.TenderId, l.Lot, l.Title }).ToListAsync(ct))
            .ToDictionary(l => (l.TenderId, l.Lot), l => l.Title);
        var firms = await db.Directory.AsNoTracking().Where(d => firmIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var told = new Dictionary<Guid, NewTenderNotice>();
        foreach (var notice in notices)
        {
            if (inbox.FirstOrDefault(i => i.TenderId == notice.TenderId && i.BusinessId == notice.BusinessId) is not { } row || !deadlines.TryGetValue(notice.TenderId, out var deadline)) continue;
            var matched = Data.ReadModels.InboxNotices.LotNumbers(row.Lots).Select(n => (n, lots.GetValueOrDefault((notice.TenderId, n), ""))).ToList();
            told[notice.Id] = new NewTenderNotice(firms.GetValueOrDefault(notice.BusinessId, ""), row.Title, matched, deadline, site.Page($"tenders/{notice.TenderId}"));
        }
        return told;
    }
}

/// <summary>Runs the notice sender on every node, at each poll (the transaction per person keeps two nodes from sending one notice twice).</summary>
internal sealed class NoticeSendLoop(NoticeSender sender, IOptions<NotificationOptions> options, ILogger<NoticeSendLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await sender.RunOnce(stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "The notice sender's round failed; it tries again at the next poll");
            }
            try { await Task.Delay(options.Value.PollEvery, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
