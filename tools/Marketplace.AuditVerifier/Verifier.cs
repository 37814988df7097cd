using System.Text.Json;
using Marketplace.Tenders;

namespace Marketplace.AuditVerifier;

/// <summary>
/// Checks a tender's downloaded public chain offline: every link, the checkpoint's signature with the server's public
/// key, the tender's inclusion in it, and that the chain still holds the head the checkpoint recorded.
/// </summary>
public static class Verifier
{
    public const int Holds = 0, Fails = 1, Usage = 2;

    const string Help = """
        Usage: Marketplace.AuditVerifier <chain.json> <public-key.pem>
          chain.json      GET /api/tenders/{id}/audit/chain
          public-key.pem  GET /api/audit/public-key (keep a copy from an earlier download: a key fetched with the chain only shows that this server signed it)
        Prints OK, or what does not hold first; exits 0 when everything holds, 1 when something does not, 2 on bad usage.
        """;

    // An explicit entry point rather than top-level statements: those would add a global Program class, which clashes
    // with the server's in the tests that reference both.
    public static Task<int> Main(string[] args) => Run(args, Console.Out);

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        if (args.Length != 2)
        {
            await output.WriteLineAsync(Help);
            return Usage;
        }
        AuditChainFile? file;
        string key;
        try
        {
            await using (var stream = File.OpenRead(args[0]))
                file = await JsonSerializer.DeserializeAsync<AuditChainFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            key = await File.ReadAllTextAsync(args[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            await output.WriteLineAsync($"Cannot read the input: {e.Message}");
            return Usage;
        }
        if (file?.Links is null || file.HeadHash is null)
        {
            await output.WriteLineAsync("The chain file has no links or no head: is it a download of /api/tenders/{id}/audit/chain?");
            return Usage;
        }
        AuditVerdict verdict;
        try
        {
            verdict = AuditChainCheck.Check(file, key);
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync($"The public key is not a PEM public key: {e.Message}");
            return Usage;
        }
        await output.WriteLineAsync(Describe(file, verdict));
        return verdict.Finding == AuditFinding.Holds ? Holds : Fails;
    }

    static string Describe(AuditChainFile file, AuditVerdict verdict) => verdict.Finding switch
    {
        AuditFinding.Holds => $"OK: tender {file.TenderId:N}, {file.Links.Length} links, head {file.HeadSequence} {file.HeadHash}; "
            + $"its head {file.Inclusion!.PublicSequence} is in checkpoint #{file.Checkpoint!.Number} of {file.Checkpoint.At:u}, signed by the given key.",
        AuditFinding.BrokenLink => $"BROKEN at link {verdict.FirstBroken}: from there on the chain does not hold.",
        AuditFinding.NotCheckpointed => $"NOT ANCHORED: the {file.Links.Length} links hold, but no checkpoint covers this tender yet; download it again after the next checkpoint.",
        AuditFinding.BadSignature => $"BAD SIGNATURE: checkpoint #{file.Checkpoint!.Number} is not signed by the given key.",
        AuditFinding.NotIncluded => $"NOT INCLUDED: the tender's heads do not lead to the root of checkpoint #{file.Checkpoint!.Number}.",
        _ => $"REWRITTEN at link {verdict.FirstBroken}: checkpoint #{file.Checkpoint!.Number} recorded head {file.Inclusion!.PublicSequence} "
            + $"{file.Inclusion.PublicHash}, which the chain no longer holds.",
    };
}
