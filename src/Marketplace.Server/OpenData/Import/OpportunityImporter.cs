using System.Collections.Concurrent;
using Marketplace.Tenders;

namespace Marketplace.Server.OpenData.Import;

/// <summary>
/// The one home of an import, whoever brings the package (an admin's upload, a feed the server fetches): the package
/// is read as it arrives and checked whole (the official schemas, then the project's rules on each compiled ocid)
/// before anything is applied; a package with an error is refused whole, each error by its JSON path, and changes
/// nothing. Only then is each opportunity created or updated.
/// </summary>
internal static class OpportunityImporter
{
    /// <summary>How many opportunities are applied side by side (each is its own tender grain and write).</summary>
    const int Parallel = 4;

    /// <summary>
    /// Imports <paramref name="package"/> into the space as <paramref name="actor"/> (whose right to import the caller
    /// checked). <paramref name="ct"/> stops the reading only: once the package is valid it is applied to the end, so an
    /// import is never left half done by a closed tab or a stopping fetch.
    /// </summary>
    public static async Task<Outcome<ImportResultDto>> Run(Stream package, Guid actor, Guid spaceId, IGrainFactory grains, DateTimeOffset now,
        ImportLimits limits, CancellationToken ct)
    {
        var read = await Read(package, actor, spaceId, now, limits, ct);
        return read.Problem is { } invalid ? invalid : await Apply(read.Value!, spaceId, grains);
    }

    /// <summary>
    /// Reads and checks <paramref name="package"/> whole (the official schemas, then the project's rules on each
    /// compiled ocid) and changes nothing: the opportunities it would import for <paramref name="actor"/>, or the
    /// refusal naming each error by its JSON path.
    /// </summary>
    public static async Task<Outcome<ReadPackage>> Read(Stream package, Guid actor, Guid spaceId, DateTimeOffset now, ImportLimits limits,
        CancellationToken ct)
    {
        var import = new OcdsImport(now, limits);
        try
        {
            import.Package(await new OcdsPackageReader(limits.MaxDepth, limits.MaxReleaseBytes).Read(package, import.Release, ct));
        }
        catch (OcdsPackageReader.Unreadable e)
        {
            return Problem.Invalid(e.Path, e.Refusal, e.Args);
        }
        var compiled = import.Compile(actor, spaceId);
        return compiled.Problem is { } invalid ? invalid : new ReadPackage(import.Releases, compiled.Value!);
    }

    static async Task<ImportResultDto> Apply(ReadPackage read, Guid spaceId, IGrainFactory grains)
    {
        var opportunities = read.Opportunities;
        var done = new ImportedOpportunityDto?[opportunities.Length];
        var failed = new ConcurrentBag<ImportFailureDto>();
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, opportunities.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            {
                var opportunity = opportunities[i];
                var tenderId = ExternalOpportunities.TenderId(spaceId, opportunity.Ocid);
                var outcome = await grains.Tender(tenderId).Import(opportunity);
                if (outcome.Problem is { } no) failed.Add(new ImportFailureDto(opportunity.Ocid, no.Code, no.Detail));
                else done[i] = new ImportedOpportunityDto(opportunity.Ocid, tenderId, outcome.Value!.Tender.Details.Title, outcome.Value.Effect);
            });
        ImportedOpportunityDto[] applied = [.. done.OfType<ImportedOpportunityDto>()];
        return new ImportResultDto(read.Releases, applied.Count(o => o.Effect == ImportEffect.Created),
            applied.Count(o => o.Effect == ImportEffect.Updated), applied.Count(o => o.Effect == ImportEffect.Unchanged), applied, [.. failed]);
    }
}

/// <summary>A package read and checked: how many releases it held, and the opportunities they compile to.</summary>
internal sealed record ReadPackage(int Releases, ImportOpportunity[] Opportunities);
