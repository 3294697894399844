#!/usr/bin/env bash
# The two-thread target (each of two threads recording at once keeps >= 90% of one thread's
# rate) measured inside each JVM: io.jkcov.bench.TwoThreads times the recording loop with one
# thread and with two in phases milliseconds apart, and beside it a control with no jkcov code
# (docs/performance.md, "Two threads in one JVM"). Runs it in JVMS fresh JVMs per mode and JDK,
# so that each JVM's own compiled code and areas are sampled, and prints each JVM's verdict and
# a summary. A JVM that misses while its control keeps >= 0.90 is counted against jkcov; one whose
# control missed too is counted as the machine's (the host gave the guest less than two CPUs).
#
#   benchmarks/run-two-threads.sh                   # default java, then Temurin 25 if installed
#   JVMS=10 MODES=cmp ROUNDS=1000 benchmarks/run-two-threads.sh
#   SKIP_BUILD=1 benchmarks/run-two-threads.sh      # reuse benchmarks/target/benchmarks.jar
#
# Results: benchmarks/target/two-threads/<jdk>-<mode>-<n>.txt. With the defaults (5 JVMs, 600
# rounds, pc and cmp) about 1.5 minutes per JDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jvms="${JVMS:-5}"
modes="${MODES:-pc cmp}"
rounds="${ROUNDS:-600}"
out="$here/target/two-threads"
source "$here/common.sh"
mkdir -p "$out"
for jdk in $JDKS; do
    name="$(basename "$jdk")"
    jdk_heading "$jdk"
    for mode in $modes; do
        rm -f "$out/$name-$mode-"*.txt
        for ((n = 1; n <= jvms; n++)); do
            "$jdk/bin/java" -cp "$jar" io.jkcov.bench.TwoThreads "$mode" "$rounds" > "$out/$name-$mode-$n.txt"
            echo "  JVM $n: $(tail -1 "$out/$name-$mode-$n.txt")"
        done
        python3 - "$out" "$name" "$mode" "$jvms" <<'PY'
import re, statistics, sys
out, name, mode, jvms = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
kept, means, control, control_means, ours, machine = [], [], [], [], 0, 0
for n in range(1, jvms + 1):
    last = open(f"{out}/{name}-{mode}-{n}.txt").read().splitlines()[-1]
    k, m, c, cm = (float(x) for x in re.search(
        r"keeps ([\d.]+) of its rate.*by means ([\d.]+); the control keeps ([\d.]+), by means ([\d.]+)", last).groups())
    kept.append(k)
    means.append(m)
    control.append(c)
    control_means.append(cm)
    if k < 0.9:
        if c < 0.9:
            machine += 1
        else:
            ours += 1
def spread(x):
    return f"{statistics.median(x):.3f} ({min(x):.3f}..{max(x):.3f})"
print(f"  {mode}, median of {jvms} JVMs (range): the slower thread keeps {spread(kept)}, by means {spread(means)};"
      f" the control {spread(control)}, by means {spread(control_means)}")
print(f"  {mode}: JVMs below 0.90: {ours} with the control above (jkcov's), {machine} with the control"
      f" below too (the machine's)")
PY
    done
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
