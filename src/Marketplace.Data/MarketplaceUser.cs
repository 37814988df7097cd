using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data;

/// <summary>A person who signs in. What they may do for a business lives in that business's grain, not here.</summary>
public sealed class MarketplaceUser : IdentityUser<Guid>
{
    /// <summary>At most this many characters in a display name.</summary>
    public const int MaxDisplayName = 80;

    /// <summary>When the person last opened their tender inbox: entries after it are unread.</summary>
    public DateTimeOffset? InboxReadAt { get; set; }

    /// <summary>How the person wants to be named to others ("Giulia Rossi"); null for accounts made before names were asked.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The language the person's notification e-mails are written in ("it", "en"): the web client's, taken at
    /// registration and whenever they save their notification settings; Italian while null.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>The name others see: see <see cref="PersonName.Of"/>.</summary>
    public string Name => PersonName.Of(DisplayName, Email);
}

/// <summary>The one home of how a person is named to others.</summary>
public static class PersonName
{
    /// <summary>
    /// The person's display name, or, for an account that has none yet, the part of their e-mail address before "@"
    /// (the whole address is not shown to people who do not need it).
    /// </summary>
    public static string Of(string? displayName, string? email) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName
        : email is null ? ""
        : email.IndexOf('@') is > 0 and var at ? email[..at]
        : email;
}

/// <summary>A person as others see them: their name, and their e-mail for the colleagues who need it.</summary>
public sealed record Person(Guid Id, string Name, string Email);

public static class People
{
    /// <summary>These people, by id, in one query; an id with no account is missing from the answer.</summary>
    public static async Task<Dictionary<Guid, Person>> PeopleOf(this IQueryable<MarketplaceUser> users, IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await users.Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return rows.ToDictionary(u => u.Id, u => new Person(u.Id, PersonName.Of(u.DisplayName, u.Email), u.Email ?? ""));
    }

    /// <summary>The name of one of <paramref name="people"/>, or "" for an id without an account.</summary>
    public static string NameOf(this Dictionary<Guid, Person> people, Guid id) => people.TryGetValue(id, out var p) ? p.Name : "";
}
