namespace AiDeals.E2E.Tests;

/// <summary>The deals of the article's deal book (seed-data/dealbook.json), as the deal list titles them.</summary>
internal static class ArticleDeals
{
    public const string SoftBank = "SoftBank Group";
    public const string SoftBankSlug = "softbank";

    public const string SoftBankOpenAiPartnership = "SoftBank–OpenAI AI partnership";
    public const string SoftBankOpenAiEquity = "SoftBank direct investment in OpenAI";
    public const string SoftBankStargateCommitment = "SoftBank commitment to Stargate";
    public const string StargateProject = "Stargate AI data-center project";
    public const string MicrosoftOpenAi = "Microsoft backing of OpenAI";
    public const string SoftBankWeWork = "SoftBank investment in WeWork";

    /// <summary>The dashboard's tracked capital of the seeded deal book: every dollar once.</summary>
    public const string SeededCapital = "$141B–$541B";

    public static readonly string[] All =
    [
        SoftBankOpenAiPartnership, SoftBankOpenAiEquity, SoftBankStargateCommitment,
        StargateProject, MicrosoftOpenAi, SoftBankWeWork,
    ];

    /// <summary>Every deal SoftBank takes part in, as lead or backer: all but Microsoft's.</summary>
    public static readonly string[] WithSoftBank =
    [
        SoftBankOpenAiPartnership, SoftBankOpenAiEquity, SoftBankStargateCommitment, StargateProject, SoftBankWeWork,
    ];

    /// <summary>SoftBank's deals still in talks: the umbrella partnership and its two parts.</summary>
    public static readonly string[] WithSoftBankInTalks =
    [
        SoftBankOpenAiPartnership, SoftBankOpenAiEquity, SoftBankStargateCommitment,
    ];

    public static string[] Sorted(IEnumerable<string> titles) => [.. titles.Order(StringComparer.Ordinal)];
}
