#!/usr/bin/env bash
# Load test on loopback: starts the app (Release build, Development settings: anonymous read) on a database, then runs
# wrk in bounded runs at 1 and 32 connections against the prerendered deal list, one investor's CSV export, /health,
# and the read API when the app has it; prints requests a second and latency percentiles (wrk --latency).
#
#   tests/AiDeals.Benchmarks/load.sh DATABASE [PORT]
#
# DURATION=10s per run by default, after WARMUP=5s a path; NO_BUILD=1 skips the Release build. Use a copy of the database, never the original.
#
# Needs wrk (Debian: apt-get install -y wrk), curl and sqlite3 (to pick the investor; or set INVESTOR=slug).
# API_TOKEN=<personal token> adds /api/v1/deals when the app has the read API.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    sed -n '2,11p' "$0"
    exit 2
fi

database=$(readlink -f "$1")
port=${2:-5305}
duration=${DURATION:-10s}
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
work=$(dirname "$database")/load-logs
base="http://127.0.0.1:$port"
mkdir -p "$work"

for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "load.sh: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
[[ -f $database ]] || { echo "load.sh: no database at $database" >&2; exit 2; }

# The investor of about 68 deals, as the bench picks it (a typical filter's size).
investor=${INVESTOR:-}
if [[ -z $investor ]]; then
    command -v sqlite3 >/dev/null || { echo "load.sh: sqlite3 is missing; set INVESTOR=<slug>" >&2; exit 2; }
    investor=$(sqlite3 -readonly "$database" "
        SELECT o.Slug FROM (SELECT OrganizationId, COUNT(DISTINCT DealId) AS n FROM DealParticipants WHERE DeletedAt IS NULL GROUP BY OrganizationId) AS c
        JOIN Organizations AS o ON o.Id = c.OrganizationId AND o.DeletedAt IS NULL ORDER BY abs(c.n - 68), c.n DESC, o.Slug LIMIT 1;")
fi

if [[ -z ${NO_BUILD:-} ]]; then
    echo "load.sh: building the app (Release)"
    dotnet build "$root/src/AiDeals.Web" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi

echo "load.sh: starting the app on $base over $database"
started=$(date +%s%N)
(
    cd "$root/src/AiDeals.Web"
    # The API's quota per caller (1,200 a minute) is lifted: the run measures the server, not the quota.
    ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__AiDeals="Data Source=$database" Logs__Folder="$work/logs" \
        Api__RateLimit__PermitLimit=1000000000 \
        exec dotnet bin/Release/net10.0/AiDeals.Web.dll --urls "$base"
) >"$work/app-console.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true' EXIT

until curl -fs "$base/health" >/dev/null; do
    kill -0 "$app" 2>/dev/null || { echo "load.sh: the app exited; see $work/app-console.log" >&2; exit 1; }
    sleep 0.2
done
echo "load.sh: healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms (cold start on this database)"

# The read API takes a personal token (API_TOKEN=...); it is measured when it answers 200 with it.
auth=()
[[ -n ${API_TOKEN:-} ]] && auth=(-H "Authorization: Bearer $API_TOKEN")
paths=("/health" "/deals" "/deals/export.csv?investor=$investor")
api_status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base/api/v1/deals")
if [[ $api_status == 200 ]]; then
    # The API's default page (100 deals) and the page's own size (25): repeated, as a poller asks (from the API's read
    # cache after the first call), and with every call a miss (miss.lua: an address of its own each time).
    paths+=("/api/v1/deals" "/api/v1/deals?size=25" "miss:/api/v1/deals" "miss:/api/v1/deals?size=25")
else
    echo "load.sh: /api/v1/deals answered $api_status (set API_TOKEN to a personal token if it needs one); not measured"
fi

# The app's first seconds run the JIT's first tier (the API's page of 100 answers 250-500 calls a second then, four times
# fewer than warm): WARMUP (5s) of calls at 8 connections to every path first, not counted, so the runs measure the app
# as it serves after its start, not during it.
warmup=${WARMUP:-5s}
echo "load.sh: warming up, $warmup a path"
for entry in "${paths[@]}"; do
    path=${entry#miss:}
    script=()
    [[ $entry == miss:* ]] && script=(-s "$root/tests/AiDeals.Benchmarks/miss.lua")
    wrk -t2 -c8 -d"$warmup" "${script[@]}" "${auth[@]}" "$base$path" >/dev/null 2>&1 || true
done

summary=$work/summary.txt
printf '%-48s %5s %10s %9s %9s %9s %9s %8s\n' path conns req/s p50 p90 p99 max errors >"$summary"
for entry in "${paths[@]}"; do
    path=${entry#miss:}
    script=()
    [[ $entry == miss:* ]] && script=(-s "$root/tests/AiDeals.Benchmarks/miss.lua")
    for connections in 1 32; do
        threads=$(( connections == 1 ? 1 : 2 ))
        out="$work/wrk-$(echo "$entry" | tr -c 'a-zA-Z0-9' '_')-$connections.txt"
        echo "load.sh: wrk -t$threads -c$connections -d$duration $path"
        # One warm-up second first (JIT, SQLite's cache), not counted.
        wrk -t1 -c1 -d1s "${script[@]}" "${auth[@]}" "$base$path" >/dev/null 2>&1 || true
        wrk -t"$threads" -c"$connections" -d"$duration" --timeout 30s --latency "${script[@]}" "${auth[@]}" "$base$path" | tee "$out"
        label=$path
        [[ $entry == miss:* ]] && label="$path (every call a miss)"
        awk -v path="$label" -v c="$connections" '
            /Latency Distribution/ { dist = 1; next }
            dist && $1 == "50%" { p50 = $2 } dist && $1 == "90%" { p90 = $2 } dist && $1 == "99%" { p99 = $2 }
            /^ +Latency/ && !dist { max = $4 }
            /Requests\/sec/ { rps = $2 }
            /Non-2xx/ { errors += $NF } /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
            END { printf "%-48s %5s %10s %9s %9s %9s %9s %8d\n", path, c, rps, p50, p90, p99, max, errors }
        ' "$out" >>"$summary"
    done
done

echo
echo "load.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $duration per run"
cat "$summary"
