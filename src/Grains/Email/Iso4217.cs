using System.Collections.Frozen;

namespace Mimo.Grains.Email;

/// <summary>
/// The active ISO 4217 currency codes and their minor units (the number of decimals an amount may
/// have: 2 for EUR, 0 for JPY, 3 for BHD).
/// </summary>
public static class Iso4217
{
    private static readonly FrozenDictionary<string, int> MinorUnits = Build();

    public static bool IsKnown(string? code) => code is not null && MinorUnits.ContainsKey(code);

    public static bool TryGetMinorUnits(string code, out int minorUnits) =>
        MinorUnits.TryGetValue(code, out minorUnits);

    private static FrozenDictionary<string, int> Build()
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(units, 0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF");
        Add(units, 3, "BHD IQD JOD KWD LYD OMR TND");
        Add(units, 4, "CLF UYW");
        Add(units, 2, """
            AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP
            BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR
            FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR
            KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV
            MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR
            SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH
            USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG
            """);
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, int> units, int minorUnits, string codes)
    {
        foreach (var code in codes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            units[code] = minorUnits;
        }
    }
}
