namespace Marketplace.Businesses;

/// <summary>
/// The eleven-digit Italian fiscal number: a firm's partita IVA, and the codice fiscale of a body that is not a person
/// (a comune, an ASL, an association), which has the same form: eleven digits, the last a Luhn-style check digit over
/// the first ten. One rule for both, since the Agenzia delle Entrate issues both from one numbering.
/// </summary>
public static class ItalianFiscalNumber
{
    /// <summary>Accepts spaces and an optional "IT" prefix; yields the eleven digits when the check digit holds.</summary>
    public static bool TryNormalize(string raw, out string digits)
    {
        var compact = raw.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (compact.StartsWith("IT", StringComparison.OrdinalIgnoreCase)) compact = compact[2..];
        digits = compact;
        return compact.Length == 11 && compact.All(char.IsAsciiDigit) && compact != "00000000000"
            && CheckDigit(compact) == compact[10] - '0';
    }

    /// <summary>Appends the check digit to ten digits (office code included), giving a valid number.</summary>
    public static string WithCheckDigit(string tenDigits) => tenDigits + CheckDigit(tenDigits);

    static int CheckDigit(string number)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = number[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
