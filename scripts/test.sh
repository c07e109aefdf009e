#!/usr/bin/env bash
# Runs every check and every test of the solution, and ends with one line: "N passed, N failed".
#
#   bash scripts/test.sh
#
# On a fresh Debian 12 machine as root it installs what the tests need (PostgreSQL, whose initdb
# and pg_ctl the tests use to start throwaway clusters, docker-compose and kubectl); as another
# user it says what to install. Set MIMO_TEST_POSTGRES to point the tests at an existing server
# instead.
# Exits non-zero when a check fails, a test fails or the test run itself breaks.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prerequisites.sh
source scripts/lib/prerequisites.sh

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

readonly solution=Mimo.Orleans.sln
readonly results_dir=TestResults/test-sh

section() {
    printf '\n== %s\n' "$1"
}

validate_compose_file() {
    local compose
    compose=$(compose_command)
    $compose -f docker-compose.yml config -q
    echo "docker-compose.yml is valid ($compose config)."
}

# Renders deploy/kubernetes offline, as `kubectl apply -k` would before sending it to a cluster:
# a missing file, a bad patch or broken YAML fails here. The structural checks of what it renders
# are tests (tests/Deploy.Tests).
render_kustomization() {
    local rendered
    rendered=$(kubectl kustomize deploy/kubernetes)
    echo "deploy/kubernetes renders ($(grep -c '^kind:' <<<"$rendered") objects, kubectl kustomize)."
}

# Sums one attribute of the <Counters> element over every TRX file in the results folder.
sum_counter() {
    local name=$1 total=0 value file
    for file in "$results_dir"/*.trx; do
        # The element is on one line; the file may be tens of megabytes of captured output.
        value=$(grep -o '<Counters [^>]*>' "$file" \
            | sed -n "s/.*[[:space:]]$name=\"\([0-9]*\)\".*/\1/p")
        total=$((total + ${value:-0}))
    done
    echo "$total"
}

section "Prerequisites"
ensure_prerequisites
echo "PostgreSQL server binaries: $(postgres_bin_dir)"
dotnet --version

section "Checks"
validate_compose_file
render_kustomization

section "Build ($solution, Release)"
dotnet build "$solution" --configuration Release -nologo -v quiet

section "Tests"
rm -rf "$results_dir"
test_status=0
dotnet test "$solution" \
    --configuration Release \
    --no-build \
    --results-directory "$results_dir" \
    --logger "trx" \
    --logger "console;verbosity=minimal" \
    --blame-hang-timeout 10m \
    --blame-hang-dump-type none \
    || test_status=$?

shopt -s nullglob
trx_files=("$results_dir"/*.trx)
shopt -u nullglob
if [[ ${#trx_files[@]} -eq 0 ]]; then
    echo "error: dotnet test wrote no TRX results (exit code $test_status)." >&2
    echo "0 passed, 0 failed"
    exit 1
fi

passed=$(sum_counter passed)
failed=$(( $(sum_counter failed) + $(sum_counter error) + $(sum_counter timeout) \
    + $(sum_counter aborted) ))
# A skipped test is in "total" but not in "executed".
skipped=$(( $(sum_counter total) - $(sum_counter executed) ))

section "Summary (${#trx_files[@]} test result files in $results_dir)"
if [[ $test_status -ne 0 && $failed -eq 0 ]]; then
    echo "error: dotnet test exited with $test_status although no test failed: the run broke." >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [[ $failed -ne 0 || $test_status -ne 0 ]]; then
    exit 1
fi
