using System.Collections;
using System.Text.RegularExpressions;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Server.Tests.Storage;

/// <summary>
/// The server maps the database through the compiled models in src/Marketplace.Data/CompiledModels, without looking at
/// the code's model: an entity changed without running scripts/compiled-models.sh would still be mapped as it was. This
/// writes each provider's model from the code (the design-time operation `dotnet ef dbcontext optimize` runs, through
/// the design-time factories, which build the model from OnModelCreating) and requires the checked-in files to be
/// exactly what it writes. It sets EF's process-wide design-time flag while it runs, so it runs apart from the other tests.
/// </summary>
[Collection(Name)]
public sealed partial class CompiledModelTests
{
    public const string Name = "EF design-time operations";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void The_checked_in_compiled_model_is_the_one_the_code_builds(string provider)
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "Marketplace.Data");
        var generated = Directory.CreateTempSubdirectory("marketplace-compiled-model-").FullName;
        var designTime = EF.IsDesignTime;
        try
        {
            var executor = new OperationExecutor(new OperationReportHandler(), new Hashtable
            {
                ["targetName"] = "Marketplace.Data", ["startupTargetName"] = "Marketplace.Data", ["projectDir"] = project,
                ["rootNamespace"] = "Marketplace.Data", ["language"] = "C#", ["nullable"] = true,
            });
            var result = new OperationResultHandler();
            _ = new OperationExecutor.OptimizeContext(executor, result, new Hashtable
            {
                ["outputDir"] = generated, ["modelNamespace"] = $"Marketplace.Data.CompiledModels.{provider}",
                ["contextType"] = $"{provider}MarketplaceDbContext",
            });
            result.ErrorMessage.Should().BeNull(result.ErrorStackTrace);

            var fromCode = Files(generated);
            var checkedIn = Files(Path.Combine(project, "CompiledModels", provider));
            fromCode.Should().NotBeEmpty();
            var stale = $"the compiled {provider} model must be the code's: run `bash scripts/compiled-models.sh` and commit what it writes";
            checkedIn.Keys.Should().BeEquivalentTo(fromCode.Keys, stale);
            foreach (var (file, text) in fromCode)
                FirstDifference(checkedIn[file], text).Should().BeNull($"{file} differs there; {stale}");
        }
        finally
        {
            EF.IsDesignTime = designTime;
            Directory.Delete(generated, recursive: true);
        }
    }

    /// <summary>The first line that differs, with its number and both texts; null when the texts are equal.</summary>
    static string? FirstDifference(string checkedIn, string fromCode)
    {
        string[] a = checkedIn.Split('\n'), e = fromCode.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var (was, wanted) = (i < a.Length ? a[i] : "(end of file)", i < e.Length ? e[i] : "(end of file)");
            if (was != wanted) return $"line {i + 1}: checked in \"{was.Trim()}\", from the code \"{wanted.Trim()}\"";
        }
        return null;
    }

    /// <summary>
    /// Each .cs file's name and text, line endings aside, and the model's id too: each run draws a new one. The
    /// [assembly: DbContextModel] file is left out, as the script removes it (DataSetup names the models itself).
    /// </summary>
    static Dictionary<string, string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs").Where(f => !f.EndsWith("AssemblyAttributes.cs", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetFileName(f), f => ModelId().Replace(File.ReadAllText(f).ReplaceLineEndings("\n"), "modelId: new Guid(\"…\")"))
            : [];

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}

[CollectionDefinition(CompiledModelTests.Name, DisableParallelization = true)]
public sealed class DesignTimeOperations;
