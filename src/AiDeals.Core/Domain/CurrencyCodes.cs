namespace AiDeals.Core.Domain;

/// <summary>
/// The ISO 4217 codes a deal's amount may be reported in: the standard's current list (without XTS, for testing, and
/// XXX, no currency), and the codes the euro and a few redenominations replaced since 1999, which the ECB's historical
/// reference rates still carry (CYP, EEK, HRK, LTL, LVL, MTL, ROL, SIT, SKK, TRL).
/// </summary>
public static class CurrencyCodes
{
    private static readonly HashSet<string> Known = new(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
        CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
        GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD
        KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR
        NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN
        SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG
        XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL
        CYP EEK HRK LTL LVL MTL ROL SIT SKK TRL
        """.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether the code (any case, trimmed) is an ISO 4217 currency.</summary>
    public static bool IsKnown(string? code) => code is not null && Known.Contains(code.Trim().ToUpperInvariant());
}
