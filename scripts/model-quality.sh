#!/usr/bin/env bash
# Offline model quality, before and after: the previous rating-regression model and the current retrieval model,
# trained on the same split, with their baselines, on the committed sample's data (scale 1) and on seeded
# scale-10 data, both made by the Java generator into a temporary folder. Prints one table per topic: retrieval
# metrics (model and baselines), next-item task (user vector alone vs session blend), similar-items diversity.
#
#   scripts/model-quality.sh [--seed N] [--scales "1 10"] [--keep DIR]
#
# Nothing under samples/ changes. --keep leaves data and artifacts in DIR (default: a temporary folder, removed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SEED=42
SCALES="1 10"
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --scales) SCALES="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 64 ;;
  esac
done

PY=/usr/bin/python3
"$PY" -c 'import torch, sklearn, pandas' >/dev/null 2>&1 || {
  echo "[model-quality] needs Debian's python3-torch python3-sklearn python3-pandas (see samples/README.md)" >&2; exit 2; }
if [ -n "$KEEP" ]; then WORK="$KEEP"; mkdir -p "$WORK"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi

echo "[model-quality] building sample-generator" >&2
./mvnw -q -B -ntp -pl sample-generator -am package -DskipTests -Drecs.localServices.skip=true \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/regenerate.classpath >&2
CP="sample-generator/target/classes:$(cat sample-generator/target/regenerate.classpath)"

runs=()
for scale in $SCALES; do
  java -cp "$CP" com.scalemodels.recs.sampledata.SampleDataGenerator --seed "$SEED" --scale "$scale" \
    --out "$WORK/data-$scale" >&2
  for objective in rating-mse softmax; do
    out="$WORK/artifacts-$scale-$objective"
    echo "[model-quality] scale $scale, $objective" >&2
    start=$(date +%s)
    PYTHONHASHSEED=0 "$PY" samples/training/train_two_tower.py --seed "$SEED" --objective "$objective" --allow-worse \
      --data-dir "$WORK/data-$scale/csv" --out "$out" >&2
    echo "[model-quality] scale $scale, $objective: $(( $(date +%s) - start )) s" >&2
    runs+=("scale $scale=$out")
  done
done
"$PY" samples/training/evaluation.py --compare "${runs[@]}"
