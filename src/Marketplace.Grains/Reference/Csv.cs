using System.Text;

namespace Marketplace.Reference;

/// <summary>Reads the RFC 4180 files we ship (quoted fields, doubled quotes, header row).</summary>
internal static class Csv
{
    public static IEnumerable<string[]> ReadEmbedded(string fileName)
    {
        var name = $"Marketplace.Reference.{fileName}";
        using var stream = typeof(Csv).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference file {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return ParseLine(line);
        }
    }

    internal static string[] ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
