using System.Globalization;
using System.Text;
using Marketplace.Server.Mail;
using Marketplace.Spaces;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Plan against actual per quarter and measure as a CSV file for a spreadsheet. It is written as Excel opens it in
/// Italy without an import wizard: UTF-8 with a byte-order mark (without it Excel reads the file as ANSI and breaks
/// "è" and "€"), fields separated by semicolons (Italian Excel's list separator, because the comma is its decimal
/// separator) and, in Italian, decimals with a comma. Headers and measure names are in the request's language.
/// </summary>
public static class OutcomesCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    static readonly Dictionary<OutcomeMeasure, (string It, string En)> Names = new()
    {
        [OutcomeMeasure.Members] = ("Imprese associate a fine trimestre", "Member firms at the quarter's end"),
        [OutcomeMeasure.AlliancesFormed] = ("Alleanze costituite", "Alliances formed"),
        [OutcomeMeasure.JointBids] = ("Offerte congiunte presentate", "Joint bids submitted"),
        [OutcomeMeasure.SingleBids] = ("Offerte singole delle imprese associate", "Single bids by member firms"),
        [OutcomeMeasure.TendersWon] = ("Gare vinte", "Tenders won"),
        [OutcomeMeasure.LotsWon] = ("Lotti vinti", "Lots won"),
        [OutcomeMeasure.ValueWon] = ("Valore vinto dalle imprese associate (EUR)", "Value won by member firms (EUR)"),
        [OutcomeMeasure.TerritoryShare] = ("Quota del valore rimasta nel territorio (%)", "Share of the value kept in the territory (%)"),
    };

    /// <summary>The language asked for: <c>lang=it|en</c> when a link names it (a download link cannot set headers), else Accept-Language.</summary>
    public static MailLanguage LanguageOf(HttpRequest request, string? lang) =>
        lang == "en" ? MailLanguage.En : lang == "it" ? MailLanguage.It : MailTexts.Of(request);

    public static byte[] Write(SpaceOutcomesDto outcomes, MailLanguage language)
    {
        var it = language == MailLanguage.It;
        var culture = it ? CultureInfo.GetCultureInfo("it-IT") : CultureInfo.InvariantCulture;
        string Number(decimal? value) => value?.ToString("0.##", culture) ?? "";
        var text = new StringBuilder();
        text.Append(string.Join(';', it
            ? new[] { "Trimestre", "Misura", "Obiettivo", "Risultato", "Scarto" }
            : ["Quarter", "Measure", "Target", "Actual", "Difference"])).Append("\r\n");
        foreach (var quarter in outcomes.Quarters)
            foreach (var m in quarter.Measures)
            {
                var name = it ? Names[m.Measure].It : Names[m.Measure].En;
                text.Append(string.Join(';', quarter.Quarter, Field(name), Number(m.Target), Number(m.Actual),
                    Number(m.Actual is { } a && m.Target is { } t ? a - t : null))).Append("\r\n");
            }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    static string Field(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
