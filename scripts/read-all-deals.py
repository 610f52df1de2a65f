#!/usr/bin/env python3
"""Reads every deal through the HTTP API with a token, a page at a time by the page token ("next" -> cursor).

Writes the deals as JSON lines on stdout and a summary on stderr (deals, pages, distinct ids, seconds, deals/s); exits 1
when an id comes twice. Python's standard library only; one kept-alive connection, so a million deals cost the server's
time, not a process per page (see docs/api.md).

    AIDEALS_TOKEN=aid_... scripts/read-all-deals.py [BASE_URL] [QUERY] > deals.jsonl
"""
import http.client
import json
import os
import sys
import time
import urllib.parse


def main() -> int:
    base = urllib.parse.urlsplit(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5000")
    query = sys.argv[2] if len(sys.argv) > 2 else ""
    token = os.environ.get("AIDEALS_TOKEN")
    if not token:
        print("Set AIDEALS_TOKEN to a token from the API tokens page", file=sys.stderr)
        return 2

    connection_type = http.client.HTTPSConnection if base.scheme == "https" else http.client.HTTPConnection
    connection = connection_type(base.netloc, timeout=300)
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    seen: set[int] = set()
    repeated = 0
    pages = 0
    cursor = None
    start = time.monotonic()
    out = sys.stdout
    while True:
        params = "limit=500" + (f"&{query}" if query else "") + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        connection.request("GET", f"{base.path.rstrip('/')}/api/v1/deals?{params}", headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            print(f"HTTP {response.status} on page {pages + 1}: {body[:500].decode('utf-8', 'replace')}", file=sys.stderr)
            return 1

        page = json.loads(body)
        for deal in page["items"]:
            if deal["id"] in seen:
                repeated += 1
            seen.add(deal["id"])
            out.write(json.dumps(deal, separators=(",", ":"), ensure_ascii=False) + "\n")
        pages += 1
        if pages % 200 == 0:
            print(f"{len(seen):,} deals after {time.monotonic() - start:.0f} s", file=sys.stderr)
        cursor = page.get("next")
        if not cursor:
            break

    seconds = time.monotonic() - start
    deals = len(seen) + repeated
    print(f"{deals:,} deals in {pages:,} pages ({len(seen):,} distinct ids, {repeated} repeated), "
          f"{seconds:.1f} s, {deals / seconds:,.0f} deals/s", file=sys.stderr)
    return 1 if repeated else 0


if __name__ == "__main__":
    sys.exit(main())
