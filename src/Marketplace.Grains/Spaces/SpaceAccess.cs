namespace Marketplace.Spaces;

/// <summary>Who may see which part of a space. Commands are guarded by the states; this guards reads.</summary>
public static class SpaceAccess
{
    /// <summary>
    /// The member directory: anyone when the space makes it public; otherwise only its admins and the people of
    /// its current member firms (a suspended or removed firm sees nothing).
    /// </summary>
    public static bool CanSeeDirectory(SpaceSnapshot space, bool viewerIsAdmin, bool viewerHasMemberFirm) =>
        space.Settings.Visibility == DirectoryVisibility.Public || viewerIsAdmin || viewerHasMemberFirm;
}
