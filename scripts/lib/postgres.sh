# shellcheck shell=bash
# Source this file, then call ensure_postgres: it installs PostgreSQL from apt when missing, starts the
# newest installed cluster, creates the wharf_test role and database, and exports WHARF_TEST_POSTGRES
# for the storage tests. Idempotent; silent on success; prints the failing step's output on failure.

WHARF_TEST_PG_ROLE=wharf_test
WHARF_TEST_PG_DATABASE=wharf_test
# A throwaway role on a loopback-only test cluster: the password only keeps scram auth on TCP happy.
WHARF_TEST_PG_PASSWORD=wharf_test_only

# Runs a command, hiding its output unless it fails.
_wharf_pg_quiet() {
  local output
  if ! output=$("$@" 2>&1); then
    echo "ensure_postgres: '$*' failed:" >&2
    echo "$output" >&2
    return 1
  fi
}

_wharf_pg_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres -- "$@"
  fi
}

_wharf_pg_newest_version() {
  local dir version=""
  for dir in /usr/lib/postgresql/*/bin/postgres; do
    [ -x "$dir" ] || continue
    dir=${dir#/usr/lib/postgresql/}
    version=$(printf '%s\n%s\n' "$version" "${dir%%/*}" | sort -V | tail -n 1)
  done
  printf '%s' "$version"
}

_wharf_pg_install() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(_wharf_pg_newest_version)" ]; then
    return 0
  fi
  _wharf_pg_quiet apt-get update || return 1
  _wharf_pg_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql || return 1
}

# Prints the port of the running cluster VERSION/main, starting (and if needed creating) it first.
_wharf_pg_start() {
  local version=$1 status port
  if ! pg_lsclusters -h "$version" main >/dev/null 2>&1; then
    _wharf_pg_quiet pg_createcluster "$version" main || return 1
  fi
  status=$(pg_lsclusters -h "$version" main | awk '{print $4}')
  if [ "$status" != "online" ]; then
    # pg_ctlcluster exits non-zero when the cluster is already running: a race with another start is fine.
    if ! _wharf_pg_quiet pg_ctlcluster "$version" main start; then
      status=$(pg_lsclusters -h "$version" main | awk '{print $4}')
      [ "$status" = "online" ] || return 1
    fi
  fi
  port=$(pg_lsclusters -h "$version" main | awk '{print $3}')
  local tries=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then
      echo "ensure_postgres: PostgreSQL $version did not accept connections on 127.0.0.1:$port within 30 s; see /var/log/postgresql/postgresql-$version-main.log" >&2
      return 1
    fi
    sleep 0.5
  done
  printf '%s' "$port"
}

_wharf_pg_create_role_and_database() {
  local port=$1
  _wharf_pg_quiet _wharf_pg_as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt -c "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$WHARF_TEST_PG_ROLE') THEN
        CREATE ROLE $WHARF_TEST_PG_ROLE LOGIN CREATEDB PASSWORD '$WHARF_TEST_PG_PASSWORD';
      ELSE
        ALTER ROLE $WHARF_TEST_PG_ROLE LOGIN CREATEDB PASSWORD '$WHARF_TEST_PG_PASSWORD';
      END IF;
    END \$\$;" || return 1
  if [ -z "$(_wharf_pg_as_postgres psql -p "$port" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$WHARF_TEST_PG_DATABASE'")" ]; then
    _wharf_pg_quiet _wharf_pg_as_postgres createdb -p "$port" -O "$WHARF_TEST_PG_ROLE" "$WHARF_TEST_PG_DATABASE" || return 1
  fi
}

ensure_postgres() {
  local version port
  _wharf_pg_install || return 1
  version=$(_wharf_pg_newest_version)
  if [ -z "$version" ]; then
    echo "ensure_postgres: no PostgreSQL server found under /usr/lib/postgresql after installing 'postgresql'" >&2
    return 1
  fi
  port=$(_wharf_pg_start "$version") || return 1
  _wharf_pg_create_role_and_database "$port" || return 1
  export WHARF_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$WHARF_TEST_PG_ROLE;Password=$WHARF_TEST_PG_PASSWORD;Database=$WHARF_TEST_PG_DATABASE"
}
