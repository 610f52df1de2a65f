#!/usr/bin/env bash
# Tries AiDeals as a team runs it, on this machine: a throw-away PostgreSQL, two app instances on it and nginx in
# front (deploy/nginx/aideals.conf: sticky sessions by cookie, WebSockets for Blazor's circuit), all on loopback ports.
# Prints the address, runs until Ctrl-C, then stops everything and deletes what it made.
#
#   deploy/try-team.sh
#
# Ports (defaults): AIDEALS_PROXY_PORT=5440, AIDEALS_PORT_A=5441, AIDEALS_PORT_B=5442, AIDEALS_PG_PORT=55440.
# AIDEALS_KEEP=1 keeps the work folder (the database, the logs) after Ctrl-C; AIDEALS_CONFIGURATION=Debug runs the
# build you already have instead of building Release.
# Needs the .NET SDK, and Debian's PostgreSQL and nginx: apt-get install -y postgresql nginx
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
proxy_port="${AIDEALS_PROXY_PORT:-5440}"
port_a="${AIDEALS_PORT_A:-5441}"
port_b="${AIDEALS_PORT_B:-5442}"
pg_port="${AIDEALS_PG_PORT:-55440}"
configuration="${AIDEALS_CONFIGURATION:-Release}"

fail() { echo "try-team: $*" >&2; exit 1; }

# PostgreSQL's programs are not on PATH in Debian's packages: take the newest version's folder.
pg_bin="$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")")"
[[ -x "$pg_bin/initdb" && -x "$pg_bin/pg_ctl" ]] || fail "PostgreSQL's initdb is missing: apt-get install -y postgresql"
nginx_bin="$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)"
[[ -x "$nginx_bin" ]] || fail "nginx is missing: apt-get install -y nginx"
command -v dotnet >/dev/null || fail "the .NET SDK is missing (see global.json)"
command -v curl >/dev/null || fail "curl is missing: apt-get install -y curl"
for port in "$proxy_port" "$port_a" "$port_b" "$pg_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "port $port is taken: choose others with AIDEALS_PROXY_PORT, AIDEALS_PORT_A, AIDEALS_PORT_B, AIDEALS_PG_PORT"
    fi
done

work="$(mktemp -d /tmp/aideals-team.XXXXXX)"
chmod 755 "$work"
pids=()

# initdb and the server refuse to run as root: as root, the cluster belongs to an unprivileged user.
as_db_user=()
if [[ $(id -u) -eq 0 ]]; then
    db_user=postgres
    id "$db_user" >/dev/null 2>&1 || db_user=nobody
    as_db_user=(runuser -u "$db_user" --)
fi

stop() {
    trap - EXIT INT TERM
    echo
    echo "try-team: stopping"
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ -f "$work/pg/data/postmaster.pid" ]]; then
        (cd / && "${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null) || true
    fi
    if [[ "${AIDEALS_KEEP:-}" == 1 ]]; then
        echo "try-team: kept $work"
    else
        rm -rf "$work"
    fi
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "try-team: building the app"
dotnet build "$repo/src/AiDeals.Web" -c "$configuration" --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; fail "the build failed"; }
app_dll="$repo/src/AiDeals.Web/bin/$configuration/net10.0/AiDeals.Web.dll"

echo "try-team: starting PostgreSQL on 127.0.0.1:$pg_port"
mkdir -p "$work/pg"
[[ ${#as_db_user[@]} -eq 0 ]] || chown "$db_user" "$work/pg"
(cd / && "${as_db_user[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1) \
    || { cat "$work/pg/initdb.log" >&2; fail "initdb failed"; }
(cd / && "${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null) \
    || { cat "$work/pg/server.log" >&2; fail "PostgreSQL did not start"; }
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres aideals
database="Host=127.0.0.1;Port=$pg_port;Database=aideals;Username=postgres"

start_instance() {
    local name=$1 port=$2
    mkdir -p "$work/$name"
    (
        cd "$repo/src/AiDeals.Web"
        # Development: the demo accounts, and cookies over plain http. Each instance logs into its own folder.
        ASPNETCORE_ENVIRONMENT=Development \
        ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
        Database__Provider=PostgreSql \
        ConnectionStrings__AiDeals="$database" \
        Logs__Folder="$work/$name/logs" \
            exec dotnet "$app_dll" --urls "http://127.0.0.1:$port" --contentRoot "$repo/src/AiDeals.Web"
    ) >"$work/$name/console.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
        if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
            echo "try-team: instance $name is up on http://127.0.0.1:$port"
            return
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || { tail -n 40 "$work/$name/console.log" >&2; fail "instance $name stopped"; }
        sleep 0.5
    done
    tail -n 40 "$work/$name/console.log" >&2
    fail "instance $name did not answer /health within 2 minutes"
}

# One after the other: the first migrates the empty database and loads the deal book, the second finds them done.
start_instance a "$port_a"
start_instance b "$port_b"

echo "try-team: starting nginx on 127.0.0.1:$proxy_port"
mkdir -p "$work/nginx"
sed -e "s/127\.0\.0\.1:5441/127.0.0.1:$port_a/" -e "s/127\.0\.0\.1:5442/127.0.0.1:$port_b/" \
    -e "s/listen 127\.0\.0\.1:5440;/listen 127.0.0.1:$proxy_port;/" \
    "$repo/deploy/nginx/aideals.conf" >"$work/nginx/aideals.conf"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
error_log $work/nginx/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/aideals.conf;
}
EOF
"$nginx_bin" -t -q -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" || fail "nginx refused its configuration"
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -g "daemon off;" &
pids+=($!)

cat <<EOF

  AiDeals for a team: http://127.0.0.1:$proxy_port
  (instance a: http://127.0.0.1:$port_a, instance b: http://127.0.0.1:$port_b, PostgreSQL: $database)
  Log in as analyst@aideals.local / AnalystDemo2025. Each browser is pinned to one instance by the AiDeals_Route
  cookie: open a second browser (or a private window) to land on the other one; a save in one shows in the other.
  Logs: $work/a, $work/b, $work/nginx. Ctrl-C stops everything.

EOF
# Ctrl-C in a terminal reaches the instances and nginx too: only a stop without it is worth a word.
interrupted=
trap 'interrupted=1' INT TERM
wait -n "${pids[@]}" || true
sleep 0.2
[[ -n "$interrupted" ]] || echo "try-team: a process stopped on its own; see its log in $work" >&2
