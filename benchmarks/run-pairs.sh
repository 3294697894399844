#!/usr/bin/env bash
# The two-thread target (each of two threads recording at once keeps >= 90% of one thread's
# rate), measured in pairs: one JMH fork of the one-thread benchmark right next to one fork of
# the two-thread one, PAIRS times per mode and JDK, the order swapped every pair. JMH alone runs
# every fork of one benchmark before the next, so a slow minute of a shared host (which a
# Firecracker guest does not report as steal time) lands on one side of the ratio only; a pair
# shares it. Prints each pair's ratio and their median (docs/performance.md, "Two threads").
# MODES: pc and cmp (TraceBench's recording loops), and control (HotPathAnatomy.writeLongArray,
# the same append with no jkcov code: what the same pairing gives code that shares nothing).
#
#   benchmarks/run-pairs.sh                      # default java, then Temurin 25 if installed
#   PAIRS=10 MODES=cmp JDKS=/usr/lib/jvm/java-17-openjdk-amd64 benchmarks/run-pairs.sh
#   PAIRS=8 MODES="pc control" benchmarks/run-pairs.sh   # jkcov and the control, one session
#   SKIP_BUILD=1 benchmarks/run-pairs.sh         # reuse benchmarks/target/benchmarks.jar
#
# Results: benchmarks/target/pairs/<jdk>-<mode>-<pair>-<1|2>.json. About 12 s per fork: with the
# defaults (6 pairs, pc and cmp) about 5 minutes per JDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pairs="${PAIRS:-6}"
modes="${MODES:-pc cmp}"
out="$here/target/pairs"
source "$here/common.sh"
mkdir -p "$out"
for jdk in $JDKS; do
    name="$(basename "$jdk")"
    jdk_heading "$jdk"
    for mode in $modes; do
        rm -f "$out/$name-$mode-"*.json
        for ((p = 1; p <= pairs; p++)); do
            # odd pairs run one thread first, even pairs two threads first
            order="1 2"; (( p % 2 == 0 )) && order="2 1"
            for threads in $order; do
                suffix=""; [[ $threads == 2 ]] && suffix=2Threads
                bench="TraceBench\\.${mode}Tracing$suffix\$"
                [[ $mode == control ]] && bench="HotPathAnatomy\\.writeLongArray$suffix\$"
                "$jdk/bin/java" -jar "$jar" "$bench" -f 1 -rf json -rff "$out/$name-$mode-$p-$threads.json" \
                    > "$out/$name-$mode-$p-$threads.log" 2>&1
            done
        done
        python3 - "$out" "$name" "$mode" "$pairs" <<'PY'
import json, statistics, sys
out, name, mode, pairs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def median(path):
    (b,) = json.load(open(path))
    return statistics.median(x for fork in b["primaryMetric"]["rawData"] for x in fork)
ratios = []
for p in range(1, pairs + 1):
    one = median(f"{out}/{name}-{mode}-{p}-1.json")
    two = median(f"{out}/{name}-{mode}-{p}-2.json")
    # per-thread rate with two threads / rate with one = time(one thread) / time(two threads)
    ratios.append(one / two)
    print(f"  {mode} pair {p}: 1 thread {one:.3f} ns, 2 threads {two:.3f} ns, ratio {one / two:.3f}")
m = statistics.median(ratios)
met = sum(r >= 0.9 for r in ratios)
print(f"  {mode}: median ratio {m:.3f} [{min(ratios):.3f}..{max(ratios):.3f}], "
      f"{met} of {pairs} pairs >= 0.90: target {'met' if m >= 0.9 else 'NOT met'} by the median")
PY
    done
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
