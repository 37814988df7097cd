using Marketplace.Reference;
using Marketplace.Tenders;

namespace Marketplace.Board;

/// <summary>What a valid notice-board post is; errors use the request's camelCase field names.</summary>
public static class BoardRules
{
    public const int MinTitle = 5, MaxTitle = 120, MinText = 10, MaxText = 4000, MaxCpv = 10, MaxDays = 90, MaxMessage = 1000, MaxReason = 1000;

    /// <summary>How many posts a firm publishes in a day (the last 24 hours), across the spaces it is a member of.</summary>
    public const int PostsPerDay = 5;

    /// <summary>Posts expire at the end of their last day in Italy, where the firms and their tenders are.</summary>
    public static readonly TimeZoneInfo Italy = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    static readonly Refusal
        TitleLength = new("board.titleLength", "The title is required and must be {min} to {max} characters long."),
        TextLength = new("board.textLength", "The text is required and must be {min} to {max} characters long."),
        Kind = new("board.kind", "A post offers (Offer) or looks for a partner (Request)."),
        CpvCount = new("board.cpvCount", "Name 1 to {max} CPV codes."),
        ComuneRequired = new("board.comuneRequired", "Choose the comune the post is about."),
        Expiry = new("board.expiry", "The last day is between {min} and {max}."),
        NoSuchTender = new("board.noSuchTender", "No tender of this space taking bids has this id.");

    /// <summary>The day it is now in Italy.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Italy).DateTime);

    /// <summary>The instant a post whose last day is <paramref name="day"/> expires: the following midnight in Italy.</summary>
    public static DateTimeOffset ExpiresAt(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Italy.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// The post's details as stored, or what is wrong with each field. <paramref name="tender"/> is the tender it
    /// names as found (null when none has its id); it must be published in the post's space and take bids.
    /// </summary>
    public static Outcome<PostDetails> Normalize(PostDetails raw, Guid spaceId, TenderSnapshot? tender, DateTimeOffset now)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        if (!Enum.IsDefined(raw.Kind)) errors["kind"] = [FieldProblem.Of(Kind)];
        var title = raw.Title.Clean();
        if (title is not { Length: >= MinTitle and <= MaxTitle } || title.Contains('\n')) errors["title"] = [FieldProblem.Of(TitleLength, ("min", MinTitle), ("max", MaxTitle))];
        var text = raw.Text.Clean();
        if (text is not { Length: >= MinText and <= MaxText }) errors["text"] = [FieldProblem.Of(TextLength, ("min", MinText), ("max", MaxText))];
        var cpv = CpvList.Normalize(raw.Cpv, "cpv", MaxCpv, errors, CpvCount);
        if (raw.Cpv.Length == 0) errors["cpv"] = [FieldProblem.Of(CpvCount, ("max", MaxCpv))];
        var comune = raw.ComuneCode.Clean();
        if (comune is null) errors["comuneCode"] = [FieldProblem.Of(ComuneRequired)];
        else if (ComuneCatalog.Shared.Find(comune) is null) errors["comuneCode"] = [FieldProblem.Of(ComuneCatalog.Unknown, ("code", comune))];
        var value = raw.Value is { } money ? MoneyRules.Normalize(money, "value", errors) : null;
        var today = Today(now);
        if (raw.ExpiresOn < today || raw.ExpiresOn > today.AddDays(MaxDays))
            errors["expiresOn"] = [FieldProblem.Of(Expiry, ("min", today.ToString("yyyy-MM-dd")), ("max", today.AddDays(MaxDays).ToString("yyyy-MM-dd")))];
        if (raw.TenderId is not null && (tender is null || tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering)
            || !tender.Spaces.Contains(spaceId)))
            errors["tenderId"] = [FieldProblem.Of(NoSuchTender)];
        return errors.Count > 0 ? Problem.Invalid(errors)
            : new PostDetails(raw.Kind, title!, text!, cpv, comune!, value, raw.ExpiresOn, raw.TenderId);
    }

    /// <summary>
    /// Whether a firm with these capabilities does the work a post names: one of its codes covers one of the post's as
    /// a tender's lot is matched (<see cref="TenderRules.Covers"/>), so the board's "matching my capabilities" and who
    /// is told of a new post agree with the inbox.
    /// </summary>
    public static bool Matches(IEnumerable<string> postCpv, IReadOnlyCollection<string> capabilities, int digits) =>
        postCpv.Any(code => capabilities.Any(c => TenderRules.Covers(c, code, digits)));
}
