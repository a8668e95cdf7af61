#!/usr/bin/env bash
# Installs and starts PostgreSQL with pgvector, creates the quality_desk role and
# databases, and prints a DATABASE_URL as the last line of stdout.
#
#   bash src/db/setup-postgres.sh [DB_NAME]        # DB_NAME defaults to quality_desk
#   export TEST_DATABASE_URL=$(npm run -s db:setup -- quality_desk_test | tail -1)
#
# Everything except the URL goes to stderr, so callers can capture stdout as-is.
# Safe to re-run: each step checks first, and apt is not touched at all once
# everything is installed.
#
# Optional environment: PG_MAJOR (server version to use, default: highest
# installed, else the distribution's default), PG_CLUSTER (default main),
# DEBIAN_MIRROR (used for the trixie deb-src entry on Debian 12).
set -euo pipefail

DB_NAME="${1:-quality_desk}"
APP_ROLE=quality_desk
APP_PASSWORD=quality_desk
# The app and its tests expect both to exist whichever URL is asked for.
DATABASES=(quality_desk quality_desk_test)
PG_CLUSTER="${PG_CLUSTER:-main}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
TRIXIE_SRC_LIST=/etc/apt/sources.list.d/quality-desk-trixie-src.sources

export DEBIAN_FRONTEND=noninteractive
# Messages from psql/pg tools should not depend on the caller's locale.
export LC_MESSAGES=C

log() { printf '[db:setup] %s\n' "$*" >&2; }
die() { printf '[db:setup] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ ! "$DB_NAME" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
  die "database name '$DB_NAME' must match [a-z_][a-z0-9_]* (it is embedded in the URL unquoted)"
fi
if [[ " ${DATABASES[*]} " != *" $DB_NAME "* ]]; then
  DATABASES+=("$DB_NAME")
fi

if [[ $EUID -eq 0 ]]; then
  as_root() { "$@"; }
  # From /, since the postgres user may not be able to read the caller's cwd.
  as_postgres() { (cd / && runuser -u postgres -- "$@"); }
else
  command -v sudo >/dev/null || die "must run as root (or have sudo): it installs packages and manages the PostgreSQL cluster"
  as_root() { sudo -E "$@"; }
  as_postgres() { (cd / && sudo -u postgres "$@"); }
fi

[[ -r /etc/os-release ]] || die "/etc/os-release not found; this script supports Debian 12 (bookworm) and 13 (trixie)"
# shellcheck disable=SC1091
. /etc/os-release
command -v apt-get >/dev/null || die "apt-get not found; this script supports Debian 12 (bookworm) and 13 (trixie)"
if [[ "${ID:-}" != debian ]]; then
  log "warning: ${PRETTY_NAME:-unknown OS} is not Debian; continuing, but only Debian 12/13 are tested"
fi

# Two concurrent runs (e.g. one per database in CI) would otherwise fight over the
# dpkg lock and race on CREATE ROLE/DATABASE. The lock is held by a flock parent
# process rather than an fd in this shell: the postmaster started below would
# inherit such an fd and keep the lock for as long as PostgreSQL runs.
if [[ -z "${QUALITY_DESK_DB_SETUP_LOCKED:-}" ]] && command -v flock >/dev/null; then
  lock_file=/run/lock/quality-desk-db-setup.lock
  [[ -d /run/lock && -w /run/lock ]] || lock_file=/tmp/quality-desk-db-setup.lock
  rc=0
  QUALITY_DESK_DB_SETUP_LOCKED=1 flock -w 900 -E 75 -o "$lock_file" bash "${BASH_SOURCE[0]}" "$@" || rc=$?
  [[ $rc -eq 75 ]] && die "another db:setup run held $lock_file for 15 minutes; giving up"
  exit "$rc"
fi

# --- apt helpers ------------------------------------------------------------

APT_UPDATED=0
apt_update_once() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    as_root apt-get update -qq >&2 || die "apt-get update failed (is the Debian mirror reachable?)"
    APT_UPDATED=1
  fi
}

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  apt_update_once
  log "installing: ${missing[*]}"
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]} failed"
}

has_candidate() {
  local cand
  cand="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  [[ -n "$cand" && "$cand" != "(none)" ]]
}

add_trixie_src_list() {
  # Debian 12 ships no pgvector package. The trixie *source* package (0.8.0)
  # builds cleanly against PG 15; a deb-src-only entry means no trixie binaries
  # can ever be pulled into this system by a later apt-get upgrade.
  [[ -f "$TRIXIE_SRC_LIST" ]] && return 0
  log "adding deb-src entry for Debian trixie: $TRIXIE_SRC_LIST"
  as_root tee "$TRIXIE_SRC_LIST" >/dev/null <<EOF
Types: deb-src
URIs: $DEBIAN_MIRROR
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  APT_UPDATED=0
}

# On bookworm without pgvector, add the source entry before the first
# apt-get update so a fresh machine pays for only one update.
if [[ "${VERSION_CODENAME:-}" == bookworm ]] \
   && ! compgen -G '/usr/share/postgresql/*/extension/vector.control' >/dev/null; then
  add_trixie_src_list
fi

# --- PostgreSQL server ------------------------------------------------------

installed_major() {
  local d v best=""
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x "$d" ]] || continue
    v="${d#/usr/lib/postgresql/}"; v="${v%%/*}"
    if [[ -z "$best" ]] || (( v > best )); then best="$v"; fi
  done
  printf '%s' "$best"
}

PG_MAJOR="${PG_MAJOR:-$(installed_major)}"
if [[ -z "$PG_MAJOR" ]]; then
  # The "postgresql" metapackage pulls in whatever major this release supports
  # (15 on bookworm, 17 on trixie), so nothing is hard-coded per release.
  ensure_packages postgresql
  PG_MAJOR="$(installed_major)"
  [[ -n "$PG_MAJOR" ]] || die "installed the postgresql package but found no server under /usr/lib/postgresql/*/bin"
else
  # postgresql-common provides pg_ctlcluster/pg_createcluster and comes with the
  # server package, but a half-installed machine may lack the server itself.
  ensure_packages "postgresql-$PG_MAJOR"
fi
log "PostgreSQL major version: $PG_MAJOR (${PRETTY_NAME:-unknown OS})"

PG_BINDIR="/usr/lib/postgresql/$PG_MAJOR/bin"

# --- pgvector ---------------------------------------------------------------

pgvector_installed() {
  [[ -f "/usr/lib/postgresql/$PG_MAJOR/lib/vector.so" \
     && -f "/usr/share/postgresql/$PG_MAJOR/extension/vector.control" ]]
}

build_pgvector_from_trixie_source() {
  add_trixie_src_list
  ensure_packages build-essential dpkg-dev xz-utils "postgresql-server-dev-$PG_MAJOR"
  apt_update_once

  local build_dir
  build_dir="$(mktemp -d /tmp/quality-desk-pgvector.XXXXXX)"
  # shellcheck disable=SC2064
  trap "rm -rf '$build_dir'" EXIT
  log "downloading pgvector source into $build_dir"
  # Sandbox user root: _apt cannot write into a private mktemp dir, and the
  # download is verified against the signed Sources index regardless.
  (cd "$build_dir" && apt-get source --download-only -qq -o APT::Sandbox::User=root pgvector >&2) \
    || die "apt-get source pgvector failed; check that $TRIXIE_SRC_LIST is reachable (set DEBIAN_MIRROR to override)"
  local dsc
  dsc="$(find "$build_dir" -maxdepth 1 -name 'pgvector_*.dsc' | head -n1)"
  [[ -n "$dsc" ]] || die "no pgvector .dsc was downloaded into $build_dir"
  (cd "$build_dir" && dpkg-source -x "$(basename "$dsc")" src >&2) || die "unpacking $dsc failed"

  log "building pgvector ($(basename "$dsc" .dsc)) against PostgreSQL $PG_MAJOR"
  # OPTFLAGS= drops pgvector's default -march=native (as Debian's own build does),
  # so the installed library keeps working if this disk image moves to another CPU.
  make -C "$build_dir/src" -j"$(nproc)" PG_CONFIG="$PG_BINDIR/pg_config" OPTFLAGS= >&2 \
    || die "building pgvector failed (see compiler output above)"
  as_root make -C "$build_dir/src" PG_CONFIG="$PG_BINDIR/pg_config" OPTFLAGS= install >&2 \
    || die "installing pgvector failed"
}

if pgvector_installed; then
  log "pgvector already installed for PostgreSQL $PG_MAJOR"
else
  apt_update_once
  # Debian 13 (and any machine with the PGDG repository) has a binary package;
  # prefer it over compiling.
  if has_candidate "postgresql-$PG_MAJOR-pgvector"; then
    ensure_packages "postgresql-$PG_MAJOR-pgvector"
  else
    [[ "${VERSION_CODENAME:-}" == bookworm ]] \
      || log "warning: no postgresql-$PG_MAJOR-pgvector package on ${VERSION_CODENAME:-this release}; building from trixie source"
    build_pgvector_from_trixie_source
  fi
  pgvector_installed || die "pgvector files still missing under /usr/lib/postgresql/$PG_MAJOR after install"
fi

# --- cluster ----------------------------------------------------------------

cluster_field() {
  # pg_lsclusters -h: version cluster port status owner datadir logfile
  pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" -v f="$1" '$1==v && $2==c {print $f}'
}

if [[ -z "$(cluster_field 1)" ]]; then
  log "creating cluster $PG_MAJOR/$PG_CLUSTER"
  as_root pg_createcluster "$PG_MAJOR" "$PG_CLUSTER" >&2 || die "pg_createcluster $PG_MAJOR $PG_CLUSTER failed"
fi

PG_PORT="$(cluster_field 3)"
if [[ "$(cluster_field 4)" != online* ]]; then
  log "starting cluster $PG_MAJOR/$PG_CLUSTER on port $PG_PORT"
  # Containers and CI have no running systemd, so bypass pg_ctlcluster's
  # redirect to systemctl there; with systemd, let it own the service.
  if [[ -d /run/systemd/system ]]; then
    as_root systemctl start "postgresql@$PG_MAJOR-$PG_CLUSTER" >&2 \
      || die "systemctl start postgresql@$PG_MAJOR-$PG_CLUSTER failed; see journalctl -u postgresql@$PG_MAJOR-$PG_CLUSTER"
  else
    as_root pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PG_CLUSTER" start >&2 \
      || die "pg_ctlcluster start failed; see $(cluster_field 7)"
  fi
else
  log "cluster $PG_MAJOR/$PG_CLUSTER already running on port $PG_PORT"
fi

# pg_ctlcluster returns once the postmaster is up, but it may still be
# recovering; wait until TCP connections are actually accepted.
for _ in $(seq 1 60); do
  "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.5
done
"$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" \
  || die "PostgreSQL is not accepting connections on 127.0.0.1:$PG_PORT; see $(cluster_field 7)"

# --- role, databases, extension ----------------------------------------------

psql_admin() {
  # Peer auth over the Unix socket: no superuser password needed or stored.
  as_postgres "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@" >&2
}

log "ensuring role $APP_ROLE"
# ALTER on every run so a role left with another password or NOLOGIN is corrected.
psql_admin -d postgres -v role="$APP_ROLE" -v pw="$APP_PASSWORD" <<'SQL' \
  || die "could not create/update role $APP_ROLE"
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw';
SQL

for db in "${DATABASES[@]}"; do
  log "ensuring database $db (owner $APP_ROLE) with extension vector"
  # CREATE DATABASE cannot run inside a DO block or transaction, hence \gexec.
  psql_admin -d postgres -v db="$db" -v role="$APP_ROLE" <<'SQL' \
    || die "could not create database $db"
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'role')
  FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
 WHERE d.datname = :'db' AND r.rolname <> :'role' \gexec
SQL
  # The app role is not a superuser and vector is not a trusted extension, so
  # the extension has to be created here rather than by the app's migrations.
  psql_admin -d "$db" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS vector' \
    || die "CREATE EXTENSION vector failed in $db"
done

DATABASE_URL="postgres://$APP_ROLE:$APP_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
# Prove the URL works the way the app will use it (TCP + password), so a broken
# pg_hba.conf surfaces here rather than in the first test.
PGCONNECT_TIMEOUT=10 "$PG_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 "$DATABASE_URL" \
  -c 'SELECT 1' >/dev/null \
  || die "cannot connect as $APP_ROLE via $DATABASE_URL (check pg_hba.conf allows scram-sha-256/md5 on 127.0.0.1)"

log "ready: PostgreSQL $PG_MAJOR with pgvector $(as_postgres "$PG_BINDIR/psql" -X -At -p "$PG_PORT" -d "$DB_NAME" -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"
printf '%s\n' "$DATABASE_URL"
