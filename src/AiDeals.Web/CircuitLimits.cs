namespace AiDeals.Web;

/// <summary>The size of the largest message the browser may send over the circuit (see Program.cs for why).</summary>
public static class CircuitLimits
{
    public const long MaximumReceiveMessageSize = 128 * 1024;
}
