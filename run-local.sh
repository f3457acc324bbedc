#!/usr/bin/env bash
# The whole recommendations pipeline on this machine, batch and streaming, on sample data. No AWS account.
#
#   ./run-local.sh                       build if needed, start the local servers, run, print a summary
#   ./run-local.sh --sessions 500        fewer sessions;  --duration 2m --rate 20  a timed stream
#   ./run-local.sh --restart-services    stop and start the local PostgreSQL/MariaDB first
#   ./run-local.sh --help                every option
#   ./run-local.sh replay [--out DIR]    put a run's processing-failed/ records back through Firehose → <out>/replay/
#                                        (--dry-run, --from/--to, --error-code; ./run-local.sh replay --help)
#   ./run-local.sh invoke <function> <event.json>...   `sam local invoke` without Docker: the function's handler from
#                                        its deployment jar (./mvnw -DskipTests package first), configured as in
#                                        template.yaml; response on stdout, logs on stderr (./run-local.sh invoke --help)
#
# Outputs go to ./out (--out): datalake/, recommendations/, processing-failed/, logs/pipeline.log, summary.json.
# Local servers: scripts/local-services.sh (honours RECS_LOCAL_DIR and the RECS_* JDBC variables).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

main=com.scalemodels.recs.local.LocalPipeline
if [ "${1:-}" = "replay" ]; then
  main=com.scalemodels.recs.local.LocalReplay
  shift
elif [ "${1:-}" = "invoke" ]; then
  main=com.scalemodels.recs.local.invoke.LocalInvoke
  shift
fi

restart=false
help=false
args=()
for a in "$@"; do
  case "$a" in
    --restart-services) restart=true ;;
    -h|--help|-V|--version) help=true; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done

say() { echo "[run-local] $*" >&2; }

# Build only when a source or pom changed since the last build. `compile` (not `package`) is enough: the classpath
# files then point at each module's target/classes, and the slow shading of the Lambda jars is skipped.
stamp=local-runner/target/local.classpath
modules="json config contract features artifacts vectordb sample-generator inference-lambda transformation-lambda embeddings-loader glue-job failed-records-replay local-runner"
needs_build() {
  [ -f "$stamp" ] && [ -f glue-job/target/local.classpath ] || return 0
  [ -n "$(find pom.xml $(for m in $modules; do echo "$m/pom.xml $m/src"; done) -newer "$stamp" -type f -print -quit)" ]
}
if needs_build; then
  say "building (first run: a few minutes; later runs skip this when nothing changed)"
  start=$SECONDS
  ./mvnw -q -B -ntp -DskipTests -Drecs.localServices.skip=true -pl local-runner -am compile >&2
  touch "$stamp"
  say "built in $((SECONDS - start)) s"
fi

if ! $help; then
  if $restart; then
    say "restarting the local servers"
    bash scripts/local-services.sh stop >&2
  fi
  bash scripts/local-services.sh start >&2
  eval "$(bash scripts/local-services.sh env)"
fi

cp="local-runner/target/classes:$(cat "$stamp")"
# The Vector API module: the in-process inference function copies the catalog into memory as it does on Lambda.
exec java -Xmx2g --add-modules=jdk.incubator.vector -Dai.djl.offline=true \
  -Dlogback.configurationFile=local-runner/target/classes/local-runner-bootstrap-logback.xml \
  -cp "$cp" "$main" "${args[@]}"
