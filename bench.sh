#!/usr/bin/env bash
# Benchmarks, outside the test suite.
#
#   ./bench.sh                 run every suite
#   ./bench.sh SUITE [SUITE…]  run the named suites
#   ./bench.sh SUITE -- ARGS…  run one suite with these arguments instead of its defaults
#   ./bench.sh --list          list the suites
#
# A suite is a file bench/<suite>.suite holding one line: `<module> <main class> [args…]`. Its main class lives
# in that module's test sources and prints one figure per line as `suite.metric: value unit`. Local PostgreSQL
# and MariaDB are started first (scripts/local-services.sh). Figures depend on the machine: compare runs on
# the same one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

list_suites() { for f in bench/*.suite; do basename "$f" .suite; done; }

case "${1:-}" in
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  --list) list_suites; exit 0 ;;
esac

suites=()
override=()
has_override=false
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; override=("$@"); has_override=true; break; fi
  suites+=("$1"); shift
done
if $has_override && [ ${#suites[@]} -ne 1 ]; then
  echo "arguments after -- need exactly one suite, e.g. ./bench.sh embeddings-loader -- 1000000 copy-only" >&2
  exit 64
fi
[ ${#suites[@]} -gt 0 ] || mapfile -t suites < <(list_suites)
for s in "${suites[@]}"; do
  [ -f "bench/$s.suite" ] || { echo "unknown suite '$s'; known: $(list_suites | tr '\n' ' ')" >&2; exit 64; }
done

bash scripts/local-services.sh start >&2
eval "$(bash scripts/local-services.sh env)"

# One build for all suites: every module's test classes plus a classpath file per module.
modules=$(for s in "${suites[@]}"; do read -r m _ < "bench/$s.suite"; echo "$m"; done | sort -u | paste -sd, -)
echo "[bench] building $modules" >&2
./mvnw -q -B -ntp -pl "$modules" -am -DskipTests -Drecs.localServices.skip=true test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2

for s in "${suites[@]}"; do
  read -r module main args < "bench/$s.suite"
  cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  echo "[bench] $s ($main)" >&2
  # shellcheck disable=SC2206
  $has_override || override=($args)
  java -Xmx8g -XX:+EnableDynamicAgentLoading --add-modules=jdk.incubator.vector -Dai.djl.offline=true -cp "$cp" "$main" ${override[@]+"${override[@]}"}
done
