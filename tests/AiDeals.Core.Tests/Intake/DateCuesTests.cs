using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;

namespace AiDeals.Core.Tests.Intake;

/// <summary>Dates as articles say them, as precise as their words, relative ones from the article's own date.</summary>
public sealed class DateCuesTests
{
    private static readonly DateOnly ArticleDate = new(2025, 1, 31);

    public static TheoryData<string, string, string> Sentences() => new()
    {
        { "The project was announced on 21 January 2025 at the White House.", "21 January 2025", "2025-01-21" },
        { "The round closed on March 3, 2024, people said.", "March 3, 2024", "2024-03-03" },
        { "It raised €600 million in June 2024.", "June 2024", "2024-06" },
        { "Microsoft agreed in January to give up its exclusivity.", "January", "2025-01" },
        { "The lab raised money in November.", "November", "2024-11" },
        { "Microsoft has been its primary cloud provider since 2019.", "2019", "2019" },
        { "This deal follows the recent announcement of a $100 billion investment.", "recent", "2025-01" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Find_OneDate_AsPreciseAsItsWords(string sentence, string words, string iso)
    {
        var cue = Assert.Single(DateCues.Find(sentence, ArticleDate));

        Assert.Equal(words, cue.Words);
        Assert.Equal(words, sentence.Substring(cue.Start, cue.Words.Length));
        Assert.Equal(PartialDate.Parse(iso), cue.Date);
    }

    [Theory]
    [InlineData("It has 2019 employees.")]
    [InlineData("The model may be released.")]
    [InlineData("Revenue could reach $2 billion by 2030.")]
    public void Find_NoDate_FindsNothing(string sentence) => Assert.Empty(DateCues.Find(sentence, ArticleDate));
}
