# shellcheck shell=bash
# Shared by the scripts in this folder: finds the tools they need and installs missing ones
# with apt-get when running as root (a fresh Debian 12 machine or CI). Source it; do not run it.

export DEBIAN_FRONTEND=noninteractive
export NEEDRESTART_SUSPEND=1

# Prints the bin folder of the newest PostgreSQL server installed by Debian's packages, or nothing.
postgres_bin_dir() {
    local initdb
    initdb=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null \
        | sort -V | tail -n 1)
    if [[ -n "$initdb" ]]; then
        dirname "$initdb"
    fi
}

# Installs Debian packages (one apt-get update for all of them), or explains how when not root.
install_packages() {
    if [[ $# -eq 0 ]]; then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "error: missing $*; install with: sudo apt-get update && sudo apt-get install -y $*" >&2
        return 1
    fi
    echo "Installing $* with apt-get ..."
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Installs what the test suite and the checks need: a PostgreSQL server (the tests start their own
# throwaway clusters with its initdb and pg_ctl), docker-compose (to validate the compose file) and
# kubectl (to render the Kubernetes kustomization; no cluster is needed).
ensure_prerequisites() {
    local missing=()
    if [[ -z "$(postgres_bin_dir)" ]]; then
        missing+=(postgresql)
    fi
    if ! compose_command >/dev/null; then
        missing+=(docker-compose)
    fi
    if ! command -v kubectl >/dev/null 2>&1; then
        missing+=(kubernetes-client)
    fi
    install_packages "${missing[@]}"
}

# Prints the command that validates a compose file offline: Debian's docker-compose (v1.29), or
# the Docker CLI's compose plugin where that is what the machine has.
compose_command() {
    if command -v docker-compose >/dev/null 2>&1; then
        echo docker-compose
    elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
        echo "docker compose"
    else
        return 1
    fi
}
