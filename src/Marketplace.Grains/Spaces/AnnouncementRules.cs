namespace Marketplace.Spaces;

/// <summary>
/// What an association's announcement to its space must be, and who reads it: the people of the space's member firms
/// and its admins (an announcement speaks to the members, so a visitor, an applicant or a firm that left reads none).
/// </summary>
public static class AnnouncementRules
{
    public const int MinTitle = 3, MaxTitle = 120, MinText = 1, MaxText = 4000;

    /// <summary>How many announcements a space shows: the latest; older ones were read when they mattered.</summary>
    public const int Shown = 20;

    public static readonly Refusal
        NotVisible = new("announcement.notVisible", "The space's announcements are for the people of its member firms and its admins."),
        NotFound = new("announcement.notFound", "This space has no such announcement."),
        ChangedMeanwhile = new("announcement.changedMeanwhile", "Another admin changed this announcement meanwhile: read it again before you change it."),
        TitleLength = new("announcement.titleLength", "A title of {min} to {max} characters on one line."),
        TextLength = new("announcement.textLength", "A text of {min} to {max} characters.");

    /// <summary>The title and text as kept (trimmed), or each field's flaw.</summary>
    public static Outcome<(string Title, string Text)> Normalize(string? title, string? text)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var t = title.Clean();
        if (t is not { Length: >= MinTitle and <= MaxTitle } || t.Contains('\n')) errors["title"] = [FieldProblem.Of(TitleLength, ("min", MinTitle), ("max", MaxTitle))];
        var x = text.Clean();
        if (x is not { Length: >= MinText and <= MaxText }) errors["text"] = [FieldProblem.Of(TextLength, ("min", MinText), ("max", MaxText))];
        return errors.Count > 0 ? Problem.Invalid(errors) : (t!, x!);
    }
}
