namespace Marketplace.Server.Notifications;

/// <summary>How notification e-mails are timed (settings: <c>Notifications</c>, docs/mail.md).</summary>
public sealed class NotificationOptions
{
    /// <summary>
    /// How long an "immediately" notice waits before its e-mail is written: a person who opens their inbox meanwhile
    /// saw it live, and gets no e-mail.
    /// </summary>
    public TimeSpan WaitBeforeSending { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time of day, in <see cref="TimeZone"/>, the daily digest gathers the day's notices.</summary>
    public TimeOnly DigestAt { get; set; } = new(7, 0);

    /// <summary>The time zone of <see cref="DigestAt"/>, by its IANA name.</summary>
    public string TimeZone { get; set; } = "Europe/Rome";

    /// <summary>How often a node looks for notices that are due.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first digest time after <paramref name="at"/>: a notice made then goes out in that digest.</summary>
    public DateTimeOffset DigestAfter(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var candidate = day; ; candidate = candidate.AddDays(1))
        {
            var wall = candidate.ToDateTime(DigestAt);
            var digest = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (digest > at) return digest.ToUniversalTime(); // stored and compared in UTC (PostgreSQL takes no other offset)
        }
    }
}
