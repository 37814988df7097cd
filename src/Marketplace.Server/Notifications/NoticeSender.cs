using Marketplace.Data;
using Marketplace.Data.Notifications;
using Marketplace.Data.Outbox;
using Marketplace.Server.Mail;
using Marketplace.Server.Notifications.Kinds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Notifications;

/// <summary>
/// Turns the notices (<see cref="PendingNotice"/>) into e-mails by each person's settings: an "immediately" notice
/// once it has waited <see cref="NotificationOptions.WaitBeforeSending"/>, a digest one at the day's digest time, all
/// of a person's due digest notices in one e-mail. A notice is dropped, with no e-mail, when its kind is off or when it
/// is stale at send time (each kind's reader says when: the person saw it live, it is no longer to do). Each person's notices are
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

        var notices = await Due(db.Notices.AsNoTracking().Where(n => n.UserId == userId), now, ready).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.InboxReadAt, u.Language }).FirstOrDefaultAsync(ct);
        var modes = NotificationDefaults.Resolve(await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct))
            .ToDictionary(m => m.Kind, m => m.Mode);

        // Which notices go now (their own e-mail, or today's digest), wait for the digest, or go nowhere (turned off).
        List<PendingNotice> done = [], single = [], digest = [], later = [];
        foreach (var notice in notices)
        {
            var mode = modes[notice.Kind];
            if (person is not { Email: not null } || mode == NotificationMode.Off) done.Add(notice);
            else if (mode == NotificationMode.Immediately) { done.Add(notice); single.Add(notice); }
            else if (options.Value.DigestAfter(notice.CreatedAt) <= now) { done.Add(notice); digest.Add(notice); }
            else later.Add(notice);
        }
        if (done.Count == 0 && later.Count == 0) return 0;

        // What each notice tells is read before the transaction: the readers ask grains (what a page shows now), and a
        // grain may have to write first (a tender catching up with a deadline, a won bid publishing its project). Held
        // inside the transaction, that write would wait for this one while this one waits for the grain.
        var sending = single.Concat(digest).ToList();
        var site = services.GetRequiredService<SiteLinks>();
        var told = new Dictionary<Guid, ToldNotice>();
        if (person is { Email: not null } && sending.Count > 0)
        {
            var firms = sending.Select(n => n.BusinessId).Distinct().ToList();
            var roles = await db.BusinessMembers.AsNoTracking().Where(m => m.UserId == userId && firms.Contains(m.BusinessId)).ToDictionaryAsync(m => m.BusinessId, m => m.Role, ct);
            told = await Read(new NoticeReading(db, services.GetRequiredService<IGrainFactory>(), site, now, userId, person.InboxReadAt, roles), sending, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = done.Select(n => n.Id).ToList();
        if (ids.Count > 0 && await db.Notices.Where(n => ids.Contains(n.Id) && n.DoneAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.DoneAt, now), ct) != ids.Count)
            return 0; // another node handled some of them first: it wrote their e-mails; the transaction is rolled back
        foreach (var wait in later)
        {
            var at = options.Value.DigestAfter(wait.CreatedAt);
            await db.Notices.Where(n => n.Id == wait.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.NextLookAt, at), ct);
        }

        var written = 0;
        if (person is { Email: { } email } && told.Count > 0)
        {
            var language = MailTexts.OfCode(person.Language);
            var name = PersonName.Of(person.DisplayName, email);
            var links = services.GetRequiredService<UnsubscribeLinks>();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
            // One token per set of kinds, so an e-mail's page link and its header carry the same one (each protection differs).
            var tokens = new Dictionary<string, string>();
            string Token(IEnumerable<NotificationKind> kinds) =>
                tokens.TryGetValue(string.Join(',', kinds), out var token) ? token : tokens[string.Join(',', kinds)] = links.Token(userId, kinds);
            string Page(NotificationKind kind) => site.Page("unsubscribe", ("token", Token([kind])));
            string OneClick(IEnumerable<NotificationKind> kinds) => site.Api($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(Token(kinds.Distinct()))}");
            var settings = site.Page("account");
            foreach (var notice in single)
                if (told.TryGetValue(notice.Id, out var one))
                {
                    var mail = NotificationMails.Single(language, name, one, Page, settings, zone);
                    db.Enqueue(Kind(one.Kind), email, mail.Subject, mail.Text, mail.Html, now, OneClick([one.Kind]));
                    written++;
                }
            var gathered = digest.Where(n => told.ContainsKey(n.Id)).Select(n => told[n.Id]).ToList();
            if (gathered.Count > 0)
            {
                var mail = NotificationMails.Digest(language, name, gathered, Page, settings, zone);
                db.Enqueue("notification.digest", email, mail.Subject, mail.Text, mail.Html, now, OneClick(gathered.Select(n => n.Kind)));
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
    /// What each notice tells now, read by its kind; a notice that is stale (what it tells is no longer to do, or the
    /// person saw it on the site: each kind says when) tells nothing and is sent in no e-mail.
    /// </summary>
    static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var told = new Dictionary<Guid, ToldNotice>();
        // One DbContext answers one query at a time: the kinds are read in turn.
        foreach (var kind in notices.GroupBy(n => n.Kind))
        {
            var read = kind.Key switch
            {
                NotificationKind.NewTender => await NewTenderNotices.Read(reading, [.. kind], ct),
                NotificationKind.AllianceInvitation => await AllianceInvitationNotices.Read(reading, [.. kind], ct),
                NotificationKind.Award => await AwardNotices.Read(reading, [.. kind], ct),
                NotificationKind.SignOff => await SignOffNotices.Read(reading, [.. kind], ct),
                NotificationKind.QuestionAnswered => await AnswerNotices.Read(reading, [.. kind], ct),
                NotificationKind.SoccorsoIstruttorio => await SoccorsoNotices.Read(reading, [.. kind], ct),
                NotificationKind.DeadlineNear => await DeadlineNotices.Read(reading, [.. kind], ct),
                NotificationKind.Mention => await MentionNotices.Read(reading, [.. kind], ct),
                NotificationKind.SpaceInvitation => await SpaceInvitationNotices.Read(reading, [.. kind], ct),
                NotificationKind.Avvalimento => await AvvalimentoNotices.Read(reading, [.. kind], ct),
                NotificationKind.BoardPost => await BoardPostNotices.Read(reading, [.. kind], ct),
                _ => throw new InvalidOperationException($"The notices of kind {kind.Key} have no reader."),
            };
            foreach (var (id, notice) in read) told[id] = notice;
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
