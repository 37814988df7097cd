namespace Marketplace.Qualifications;

/// <summary>The amounts of the SOA classes and the one-fifth increase: the figures the qualification rules count with.</summary>
public static class SoaClasses
{
    // DPR 207/2010, art. 61, c. 4 (carried over by D.Lgs. 36/2023, Allegato II.12): the upper amount of each class,
    // in euros. Class VIII has no upper limit ("oltre 15.494.000").
    static readonly decimal[] Limits = [258_000m, 516_000m, 1_033_000m, 1_500_000m, 2_582_000m, 3_500_000m, 5_165_000m, 10_329_000m, 15_494_000m];

    // DPR 207/2010, art. 61, c. 5: class VIII counts as 20.658.000 euros when requirements are summed or compared.
    const decimal ClassEightConventional = 20_658_000m;

    /// <summary>The amount a class allows (class VIII: its conventional amount), before any increase.</summary>
    public static decimal Amount(SoaClass soaClass) => soaClass == SoaClass.VIII ? ClassEightConventional : Limits[(int)soaClass];

    /// <summary>The smallest class whose amount reaches <paramref name="amount"/>: what a single firm needs without the increase.</summary>
    public static SoaClass For(decimal amount) =>
        Array.FindIndex(Limits, limit => limit >= amount) is var i and >= 0 ? (SoaClass)i : SoaClass.VIII;

    /// <summary>The class as an attestation writes it: I, II, III, III-bis, IV, IV-bis, V … VIII.</summary>
    public static string Label(SoaClass soaClass) => soaClass switch
    {
        SoaClass.IIIBis => "III-bis",
        SoaClass.IVBis => "IV-bis",
        _ => soaClass.ToString(),
    };

    /// <summary>
    /// The amount a firm's class lets it take on in a lot: the class increased by one fifth. A single bidder always
    /// has the increase; a firm of a group only when its class reaches one fifth of the lot's works (DPR 207/2010,
    /// art. 61, c. 2, carried over by Allegato II.12).
    /// </summary>
    public static (decimal Amount, bool Increased) Capacity(SoaClass soaClass, bool inGroup, decimal worksAmount)
    {
        var amount = Amount(soaClass);
        var increased = !inGroup || amount * 5 >= worksAmount;
        return (increased ? amount * 6 / 5 : amount, increased);
    }
}
