#!/usr/bin/env bash
# Regenerates everything under samples/ from a seed: classicmodels SQL + CSVs, sample events, ML artifacts.
#
#   scripts/regenerate-samples.sh [--seed N]      (default seed 42, default scale 1)
#
# Steps: build sample-generator (./mvnw, tests skipped) → SampleDataGenerator → SampleEventsWriter →
# samples/training/train_two_tower.py (trains, evaluates, writes metrics.json and prints its tables) under Debian's
# /usr/bin/python3 (python3-torch, python3-sklearn, python3-pandas; installed with apt if missing). Running it
# twice yields byte-identical files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SEED=42
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 64 ;;
  esac
done

PY=/usr/bin/python3
if ! "$PY" -c 'import torch, sklearn, pandas' >/dev/null 2>&1; then
  echo "[regenerate-samples] Debian's python3-torch/python3-sklearn/python3-pandas are missing; installing with apt" >&2
  echo "[regenerate-samples]   apt-get install -y -o DPkg::Lock::Timeout=600 python3-torch python3-sklearn python3-pandas" >&2
  if [ "$(id -u)" -eq 0 ]; then APT=(apt-get); else APT=(sudo apt-get); fi
  "${APT[@]}" install -y -o DPkg::Lock::Timeout=600 python3-torch python3-sklearn python3-pandas >&2 \
    || { echo "[regenerate-samples] ERROR: apt install failed; install the three packages above and rerun" >&2; exit 2; }
fi

echo "[regenerate-samples] building sample-generator" >&2
./mvnw -q -B -ntp -pl sample-generator -am package -DskipTests -Drecs.localServices.skip=true \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/regenerate.classpath >&2
CP="sample-generator/target/classes:$(cat sample-generator/target/regenerate.classpath)"

java -cp "$CP" com.scalemodels.recs.sampledata.SampleDataGenerator --seed "$SEED" --scale 1 --out samples/classicmodels
java -cp "$CP" com.scalemodels.recs.sampledata.SampleEventsWriter --seed "$SEED" \
  --data-dir samples/classicmodels/csv --out samples/events

# The training script does not clean its output folder; start empty so no stale file survives.
rm -rf samples/ml-artifacts
PYTHONHASHSEED=0 "$PY" samples/training/train_two_tower.py --seed "$SEED" \
  --data-dir samples/classicmodels/csv --out samples/ml-artifacts

echo "[regenerate-samples] done; sha256 of every generated file:" >&2
find samples/classicmodels samples/events samples/ml-artifacts -type f | LC_ALL=C sort | xargs sha256sum
