namespace Marketplace.Data.Notifications;

/// <summary>What a notification e-mail is about; a person chooses per kind how (or whether) to be told.</summary>
public enum NotificationKind
{
    /// <summary>A tender published in one of the firm's spaces with a lot that matches its capabilities (the firm's inbox).</summary>
    NewTender,

    /// <summary>An alliance's lead invited the firm to join it (the firm's Owners and Managers answer it).</summary>
    AllianceInvitation,

    /// <summary>A lot of a tender the firm bid for (alone or in an RTI) was decided: awarded to its bid, to another, or unsuccessful.</summary>
    Award,

    /// <summary>A joint bid's content changed and awaits the firm's approval (its Owners and Managers give it).</summary>
    SignOff,

    /// <summary>The buyer answered a question the firm asked about a tender.</summary>
    QuestionAnswered,

    /// <summary>The buyer asks the firm's bid, which it leads, to complete a document or declaration (soccorso istruttorio); its Owners and Managers answer.</summary>
    SoccorsoIstruttorio,

    /// <summary>The tender's bids close within 48 h (and again within 2 h) and the alliance's joint bid still lacks approvals.</summary>
    DeadlineNear,

    /// <summary>A message in a thread of an alliance's conversation mentions the person, who reads it.</summary>
    Mention,

    /// <summary>A space's host (an association) invited the firm to join the space (the firm's Owners and Managers answer it).</summary>
    SpaceInvitation,

    /// <summary>A joint bid relies on the firm (avvalimento) and awaits its commitment to the reliance and its contract (its Owners and Managers give it).</summary>
    Avvalimento,

    /// <summary>A partnership offer or request matching the firm's capabilities came onto the notice board of a space the firm is a member of.</summary>
    BoardPost,
}

/// <summary>How a person is told of one kind of notice.</summary>
public enum NotificationMode
{
    /// <summary>No e-mail.</summary>
    Off,

    /// <summary>An e-mail a few minutes after the notice, unless the person saw it on the site meanwhile.</summary>
    Immediately,

    /// <summary>Gathered with the other notices of the day into one e-mail.</summary>
    DailyDigest,
}

/// <summary>A person's choice for one kind, stored only when they made one; otherwise <see cref="NotificationDefaults"/> holds.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public NotificationMode Mode { get; set; }
}

/// <summary>
/// Something a person may be told by e-mail, written in the same transaction as the change that causes it (a new
/// tender's inbox rows, an alliance's invitation, a lot's decision, a joint bid's change, an answer, a soccorso istruttorio request, a message that mentions the person, a post on a board), so it exists exactly when the change was stored. The notice sender turns it into an e-mail,
/// drops it, or leaves it for the day's digest; <see cref="DoneAt"/> marks it handled, once.
/// </summary>
public sealed class PendingNotice
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The firm the notice is for (whose inbox holds the tender, the firm invited to an alliance).</summary>
    public Guid BusinessId { get; set; }

    /// <summary>The tender it is about, if any (an alliance may stand without one).</summary>
    public Guid? TenderId { get; set; }

    /// <summary>The alliance it is about, if any.</summary>
    public Guid? AllianceId { get; set; }

    /// <summary>The number the notice is about within its tender, if any (the lot decided, the question answered, the soccorso istruttorio request, the hours left before a deadline).</summary>
    public int? Number { get; set; }

    /// <summary>The notice-board post it is about, if any.</summary>
    public Guid? PostId { get; set; }

    /// <summary>The deadline the notice is about, if any (the bids' closing it warns of: a moved deadline is another notice).</summary>
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be looked at before this time: set when it waits for the day's digest (null: as soon as it is due).</summary>
    public DateTimeOffset? NextLookAt { get; set; }

    /// <summary>When it was sent, gathered into a digest or dropped (turned off, or seen on the site first).</summary>
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>The one home of what a person who never chose is sent.</summary>
public static class NotificationDefaults
{
    public static NotificationMode Of(NotificationKind kind) => kind switch
    {
        NotificationKind.NewTender => NotificationMode.Immediately,
        _ => NotificationMode.Immediately,
    };

    /// <summary>Every kind with the person's mode: their choice where they made one, the default otherwise.</summary>
    public static IReadOnlyList<(NotificationKind Kind, NotificationMode Mode)> Resolve(IEnumerable<NotificationPreference> chosen)
    {
        var byKind = chosen.ToDictionary(p => p.Kind, p => p.Mode);
        return [.. Enum.GetValues<NotificationKind>().Select(k => (k, byKind.TryGetValue(k, out var m) ? m : Of(k)))];
    }
}
