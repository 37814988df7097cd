namespace Marketplace.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds Marketplace.sln.</summary>
    public static string Root { get; } = Find();

    static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
    }
}
