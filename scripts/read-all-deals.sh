#!/usr/bin/env bash
# Reads every deal through the HTTP API with a token, a page at a time by the page token ("next" → cursor), and writes
# them as JSON lines. Works in any sort of /deals (pass sort/desc/filters in QUERY); see docs/api.md.
#   AIDEALS_TOKEN=aid_... scripts/read-all-deals.sh [BASE_URL] [QUERY] > deals.jsonl
set -euo pipefail
base="${1:-http://localhost:5000}"
query="${2:-}"
: "${AIDEALS_TOKEN:?Set AIDEALS_TOKEN to a token from the API tokens page}"
limit=500
cursor=""
pages=0
deals=0
start=$(date +%s.%N)
while :; do
  url="$base/api/v1/deals?limit=$limit${query:+&$query}${cursor:+&cursor=$cursor}"
  page=$(curl --silent --show-error --fail-with-body --retry 3 -H "Authorization: Bearer $AIDEALS_TOKEN" "$url")
  jq -c '.items[]' <<<"$page"
  pages=$((pages + 1))
  deals=$((deals + $(jq '.items | length' <<<"$page")))
  cursor=$(jq -r '.next // empty' <<<"$page")
  [ -n "$cursor" ] || break
done
end=$(date +%s.%N)
printf '%d deals in %d pages, %.1f s\n' "$deals" "$pages" "$(echo "$end - $start" | bc)" >&2
