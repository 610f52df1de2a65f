using Microsoft.Playwright;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// Where the focus went and what took it: every focus change, key press and removed text field of a page, with its time,
/// kept by the page itself from its first script on. A keyboard test that fails says why with it (a re-render that
/// replaced the field, a component that took the focus back), which a screenshot taken afterwards cannot show.
/// </summary>
public static class FocusLog
{
    private const string Script = """
        (() => {
            window.__focusLog = [];
            const start = performance.now();
            const at = () => (performance.now() - start).toFixed(0).padStart(6) + ' ms ';
            const name = e => !e ? 'nothing' : e.tagName + '[' + ((e.getAttribute && e.getAttribute('aria-label'))
                || (e.labels && e.labels.length ? e.labels[0].innerText : '') || (e.innerText || '').slice(0, 30)).trim() + ']';
            const log = line => window.__focusLog.push(at() + line);
            document.addEventListener('focusin', ev => log('focus ' + name(ev.target)), true);
            document.addEventListener('focusout', ev => log('blur ' + name(ev.target) + ', to ' + name(ev.relatedTarget)), true);
            document.addEventListener('keydown', ev => log('key ' + ev.key + ' in ' + name(ev.target)), true);
            new MutationObserver(changes => {
                for (const change of changes) {
                    for (const node of change.removedNodes) {
                        if (node.nodeType === 1 && (node.matches('input, textarea') || node.querySelector('input, textarea'))) {
                            log('removed ' + node.tagName + ' holding fields');
                        }
                    }
                }
            }).observe(document, { childList: true, subtree: true });
        })()
        """;

    /// <summary>Starts the log on every page the context opens from now on.</summary>
    public static Task StartAsync(IBrowserContext context) => context.AddInitScriptAsync(Script);

    /// <summary>The page's log so far, one event a line.</summary>
    public static async Task<string> ReadAsync(IPage page) =>
        string.Join(Environment.NewLine, await page.EvaluateAsync<string[]>("() => window.__focusLog || ['(no focus log on this page)']"));
}
