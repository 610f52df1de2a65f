using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Intake;

/// <summary>
/// An amount of money as a sentence states it: where (start and length in the sentence, the qualifier's words
/// included), the words themselves, the currency (ISO 4217), the figures in whole units of that currency, and the
/// uncertainty the words imply ("up to" → <see cref="AmountQualifier.UpTo"/>, "$15–25B" → <see cref="AmountQualifier.Range"/>).
/// <see cref="Cue"/> is the word or words that decided the qualifier, to show why.
/// </summary>
public sealed record MoneyMention(
    int Start,
    int Length,
    string Text,
    string Currency,
    long? Low,
    long? High,
    AmountQualifier Qualifier,
    string? Cue)
{
    public int End => Start + Length;

    /// <summary>The figures as the app stores an amount (meaningful as dollars only when <see cref="Currency"/> is USD).</summary>
    public AmountRange Amount => AmountRange.Create(Low, High, Qualifier);
}
