using Microsoft.Playwright;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// Everything the browser reports about the Content-Security-Policy on one page: each <c>securitypolicyviolation</c>
/// event (the directive and what it blocked) and each console message that names the policy. Watches every document
/// the page loads from the moment it is attached, full navigations included.
/// </summary>
public sealed class PolicyViolations
{
    private const string BindingName = "__aidealsReportPolicyViolation";

    // Runs in every document before the page's own scripts; Playwright injects it outside the page's policy.
    private const string ListenerScript = $$"""
        document.addEventListener('securitypolicyviolation', e =>
            window.{{BindingName}}(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || document.location.href}:${e.lineNumber}`));
        """;

    private readonly List<string> _reports = [];

    private PolicyViolations()
    {
    }

    /// <summary>The violations and policy console messages seen so far.</summary>
    public IReadOnlyList<string> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public static async Task<PolicyViolations> WatchAsync(IPage page)
    {
        var violations = new PolicyViolations();
        await page.ExposeFunctionAsync(BindingName, (string report) => violations.Add("event: " + report));
        await page.AddInitScriptAsync(ListenerScript);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"console {message.Type}: {message.Text}");
            }
        };
        return violations;
    }

    private void Add(string report)
    {
        lock (_reports)
        {
            _reports.Add(report);
        }
    }
}
