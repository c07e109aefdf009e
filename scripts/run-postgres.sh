#!/usr/bin/env bash
# A local PostgreSQL server for running Mimo durably without Docker. Development only.
#
#   bash scripts/run-postgres.sh [start|stop|status]     (default: start)
#
# "start" creates a cluster under ./data/pg on first use (user mimo, password mimo, database mimo),
# starts it on 127.0.0.1:5433 and prints the connection string. Its data stays until you delete
# ./data/pg. MIMO_PG_DIR and MIMO_PG_PORT change the folder and the port. As root, the server runs
# as the postgres user (initdb refuses root) and PostgreSQL is installed with apt-get if missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prerequisites.sh
source scripts/lib/prerequisites.sh

readonly data_dir=${MIMO_PG_DIR:-$PWD/data/pg}
readonly port=${MIMO_PG_PORT:-5433}
readonly password=mimo
readonly connection_string="Host=127.0.0.1;Port=$port;Database=mimo;Username=mimo;Password=$password"

# Runs a command as the user that owns the cluster: postgres when we are root, else ourselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

create_cluster() {
    echo "Creating a PostgreSQL cluster in $data_dir ..."
    mkdir -p "$data_dir"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$data_dir"
    fi
    chmod 700 "$data_dir"

    local password_file
    password_file=$(mktemp)
    echo "$password" >"$password_file"
    chmod 644 "$password_file"
    as_owner "$bin/initdb" --pgdata="$data_dir" --username=mimo --pwfile="$password_file" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$password_file"
}

start() {
    if [[ ! -f "$data_dir/PG_VERSION" ]]; then
        create_cluster
    fi
    if as_owner "$bin/pg_ctl" status --pgdata="$data_dir" >/dev/null 2>&1; then
        echo "PostgreSQL is already running in $data_dir."
    else
        # The socket goes into the data folder, which the owner can always write.
        as_owner "$bin/pg_ctl" start --pgdata="$data_dir" --wait --log="$data_dir/server.log" \
            --options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$data_dir'" \
            >/dev/null
        echo "PostgreSQL is running on 127.0.0.1:$port (log: $data_dir/server.log)."
    fi

    if ! as_owner "$bin/psql" --host="$data_dir" --port="$port" --username=mimo --dbname=postgres \
        --tuples-only --no-align --command="SELECT 1 FROM pg_database WHERE datname = 'mimo'" \
        | grep -q 1; then
        as_owner "$bin/createdb" --host="$data_dir" --port="$port" --username=mimo mimo
    fi

    echo
    echo "Connection string:"
    echo "  export ConnectionStrings__Postgres='$connection_string'"
}

stop() {
    as_owner "$bin/pg_ctl" stop --pgdata="$data_dir" --mode=fast --wait
}

status() {
    as_owner "$bin/pg_ctl" status --pgdata="$data_dir"
}

if [[ -z "$(postgres_bin_dir)" ]]; then
    install_packages postgresql
fi
bin=$(postgres_bin_dir)
readonly bin

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *)
        echo "usage: bash scripts/run-postgres.sh [start|stop|status]" >&2
        exit 2
        ;;
esac
