using Marketplace.Alliances;
using Marketplace.Businesses;

namespace Marketplace.Conversations;

/// <summary>
/// Who talks in an alliance's conversation and what a message is. The people (any role) of its active firms read it
/// (<see cref="AllianceAccess.CanWatch"/>, the workspace's own rule); its Owners and Managers write in it for their
/// firm, as they edit the joint bid for it. Errors use the request's camelCase field names.
/// </summary>
public static class ConversationRules
{
    public const int MaxText = 2000;

    /// <summary>How many messages one person writes in <see cref="Window"/>, across alliances: enough to talk, not to flood.</summary>
    public const int MessagesPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>How many people one message mentions at most: a message to a few, not a broadcast.</summary>
    public const int MaxMentions = 10;

    public static readonly Refusal
        NotFound = new("conversation.notFound", "No alliance conversation you may read has this id."),
        ViewersRead = new("conversation.viewersRead", "A Viewer reads the alliance's conversation; the firm's Owners and Managers write in it."),
        NotYourFirm = new("conversation.notYourFirm", "You write only for a firm of yours that is active in the alliance."),
        ChooseFirm = new("conversation.chooseFirm", "You act for several firms of the alliance: choose the one you write for."),
        TextLength = new("conversation.textLength", "A message is 1 to {max} characters long."),
        NoSuchPackage = new("conversation.noSuchPackage", "The joint bid has no work package with this id."),
        NoSuchAnswer = new("conversation.noSuchAnswer", "The tender has no quality criterion with this number, so the joint bid has no answer to discuss for it."),
        OneSubject = new("conversation.oneSubject", "A message is about a work package or an answer, not both."),
        TooManyMessages = new("conversation.tooManyMessages", "You wrote {max} messages in the last minute: wait a moment before the next one."),
        MentionNotReader = new("conversation.mentionNotReader", "You can mention only people of the alliance's firms, who read this conversation."),
        TooManyMentions = new("conversation.tooManyMentions", "A message mentions {max} people at most.");

    /// <summary>
    /// The firm the person writes for, or why they may not write: to anyone outside the alliance's active firms it
    /// does not exist, whatever exists.
    /// </summary>
    public static Outcome<Guid> Author(AllianceSnapshot? alliance, ActingFor acting, Guid? firmId)
    {
        if (alliance is null || !AllianceAccess.CanWatch(alliance, acting.Businesses)) return Problem.NotFound(NotFound);
        var mine = alliance.Active.Select(m => m.FirmId).Where(acting.Reads).ToList();
        if (firmId is { } named)
            return !mine.Contains(named) ? Problem.Forbidden(NotYourFirm)
                : !acting.Edits(named) ? Problem.Forbidden(ViewersRead)
                : named;
        var writing = mine.Where(acting.Edits).ToList();
        return writing.Count switch
        {
            0 => Problem.Forbidden(ViewersRead),
            1 => writing[0],
            _ => Problem.Invalid("firmId", ChooseFirm),
        };
    }

    /// <summary>
    /// Null when the alliance's tender asks for an answer to quality criterion <paramref name="criterion"/> (the
    /// subject of an answer's thread); else 404 naming the field, as for anything the alliance does not have.
    /// </summary>
    public static Problem? CheckAnswer(Tenders.TenderSnapshot? tender, int criterion) =>
        tender?.Details.Criteria.Any(c => c.Number == criterion && c.Kind == Tenders.CriterionKind.Quality) == true ? null
            : new Problem(ProblemKind.NotFound, NoSuchAnswer.Code, NoSuchAnswer.Text, [],
                new Dictionary<string, FieldProblem[]> { ["criterion"] = [FieldProblem.Of(NoSuchAnswer)] });

    /// <summary>The text as stored, or why it cannot be.</summary>
    public static Outcome<string> Text(string raw) =>
        raw.Clean() is { Length: <= MaxText } text ? text : Problem.Invalid("text", TextLength, ("max", MaxText));

    /// <summary>Null when the person may write one more message now, having written <paramref name="inWindow"/> in the last <see cref="Window"/>.</summary>
    public static Problem? CheckRate(int inWindow) =>
        inWindow >= MessagesPerWindow ? Problem.TooSoon(TooManyMessages, ("max", MessagesPerWindow)) : null;

    /// <summary>
    /// The people a message mentions, each with the active firm through which they read the conversation, or why they
    /// cannot be mentioned: only a person who may read it (<see cref="AllianceAccess.CanWatch"/>), so that no notice
    /// ever tells anyone of a place they may not see. <paramref name="people"/> is each named person's roles among the
    /// alliance's active firms; a person named twice is mentioned once.
    /// </summary>
    public static Outcome<MessageMention[]> Mentions(AllianceSnapshot alliance, IReadOnlyList<(Guid Person, ActingFor Acting)> people)
    {
        if (CheckMentionCount(people.Count) is { } tooMany) return tooMany;
        var mentions = new List<MessageMention>();
        foreach (var (person, acting) in people)
        {
            if (!AllianceAccess.CanWatch(alliance, acting.Businesses)) return Problem.Invalid("mentions", MentionNotReader);
            mentions.Add(new MessageMention(person, alliance.Active.Select(m => m.FirmId).First(acting.Reads)));
        }
        return mentions.ToArray();
    }

    /// <summary>Null when a message may mention this many people (asked before anyone's roles are read).</summary>
    public static Problem? CheckMentionCount(int count) =>
        count > MaxMentions ? Problem.Invalid("mentions", TooManyMentions, ("max", MaxMentions)) : null;
}
