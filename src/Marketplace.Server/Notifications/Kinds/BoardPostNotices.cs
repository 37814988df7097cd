using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Reference;
using Marketplace.Server.Mail;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// A partnership offer or request on a space's board, as an e-mail tells it: what the board shows every member firm
/// (who posts it, what kind, its title, the CPV codes, the comune, its last day), nothing of its interests or
/// moderation; the link opens the post on the space's board.
/// </summary>
public sealed record BoardPostNotice(string Firm, string Poster, string Space, PostKind PostKind, string Title,
    IReadOnlyList<CpvEntry> Cpv, string Place, DateOnly LastDay, string Link)
    : ToldNotice(NotificationKind.BoardPost, Link)
{
    public override string Subject(MailLanguage language) => (PostKind, language == MailLanguage.En) switch
    {
        (PostKind.Offer, true) => $"{Poster} offers: {Title}",
        (PostKind.Offer, false) => $"{Poster} offre: {Title}",
        (_, true) => $"{Poster} looks for a partner: {Title}",
        _ => $"{Poster} cerca un partner: {Title}",
    };

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"a post matching the trades of {Firm} is on the board of the space {Space}:"
        : $"nella bacheca dello spazio {Space} c'è un annuncio che corrisponde alle competenze di {Firm}:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var kind = (PostKind, en) switch
        {
            (PostKind.Offer, true) => "We offer",
            (PostKind.Offer, false) => "Offriamo",
            (_, true) => "Looking for a partner",
            _ => "Cerchiamo un partner",
        };
        var codes = string.Join("; ", Cpv.Select(c => $"{c.Code} {(en ? c.LabelEn : c.LabelIt)}"));
        var day = LastDay.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(en ? "en-GB" : "it-IT"));
        return
        [
            $"«{Title}»",
            en ? $"{kind}, by {Poster}, in {Place}. CPV: {codes}." : $"{kind}, da {Poster}, a {Place}. CPV: {codes}.",
            en ? $"On the board until {day}: express interest for {Firm} from the space's board."
                : $"In bacheca fino al {day}: esprimi interesse per {Firm} dalla bacheca dello spazio.",
        ];
    }
}

/// <summary>
/// Reads the board post notices as the board shows the post now (an edited title, its codes now). Stale, with no
/// e-mail: the post is no longer open (closed, hidden, waiting for approval again) or expired; the firm is no longer
/// a member of the space, or a block stands between it and the poster (<see cref="FirmBlocks.Rule"/>, told unasked):
/// the post is no longer the firm's to see; the person no longer acts for the firm; or the person opened their inbox,
/// which lists the matching posts, after it came (they saw it live).
/// </summary>
internal static class BoardPostNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var fresh = notices.Where(n => n.PostId is not null && reading.Roles.ContainsKey(n.BusinessId) && !(reading.InboxReadAt >= n.CreatedAt)).ToList();
        var postIds = fresh.Select(n => n.PostId!.Value).Distinct().ToList();
        var posts = await db.BoardPosts.AsNoTracking().Where(p => postIds.Contains(p.PostId) && p.Status == PostStatus.Open && p.ExpiresAt > reading.Now)
            .ToDictionaryAsync(p => p.PostId, ct);
        var spaceIds = posts.Values.Select(p => p.SpaceId).Distinct().ToList();
        var firmIds = fresh.Select(n => n.BusinessId).Distinct().ToList();
        var members = (await db.SpaceMembers.AsNoTracking()
            .Where(m => spaceIds.Contains(m.SpaceId) && firmIds.Contains(m.BusinessId) && m.Status == MembershipStatus.Member)
            .Select(m => new { m.SpaceId, m.BusinessId }).ToListAsync(ct)).Select(m => (m.SpaceId, m.BusinessId)).ToHashSet();
        var posters = posts.Values.Select(p => p.PosterId).Distinct().ToList();
        var blocks = await db.FirmBlocks.AsNoTracking().Where(b => posters.Contains(b.BlockerId) || posters.Contains(b.BlockedId)).ToListAsync(ct);
        var spaces = await db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.SpaceId)).ToDictionaryAsync(s => s.SpaceId, s => s.Name, ct);
        var names = await reading.FirmNames(firmIds.Concat(posters), ct);
        var told = new Dictionary<Guid, ToldNotice>();
        foreach (var notice in fresh)
        {
            if (!posts.TryGetValue(notice.PostId!.Value, out var post) || !members.Contains((post.SpaceId, notice.BusinessId))
                || blocks.Any(b => FirmBlocks.Keeps(b.BlockerId, b.BlockedId, post.PosterId, [notice.BusinessId], unasked: true))) continue;
            var comune = ComuneCatalog.Shared.Find(post.ComuneCode);
            told[notice.Id] = new BoardPostNotice(names.GetValueOrDefault(notice.BusinessId, ""), names.GetValueOrDefault(post.PosterId, ""),
                spaces.GetValueOrDefault(post.SpaceId, ""), post.Kind, post.Title,
                [.. post.Codes.Select(c => CpvCatalog.Shared.Find(c) ?? new CpvEntry(c, "", ""))],
                comune is null ? post.ComuneCode : $"{comune.Name} ({comune.ProvinceSigla})", post.ExpiresOn,
                reading.Site.Page($"spaces/{post.SpaceId}/board", ("post", post.PostId.ToString())));
        }
        return told;
    }
}
