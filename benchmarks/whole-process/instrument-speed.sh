#!/usr/bin/env bash
# Offline instrumentation (`jkcov instrument`) against the agent's start-up, on the same classes:
# those LoadClasses loads (commons-compress and jackson-*). Rounds interleave:
#   a. LoadClasses, no agent           b. LoadClasses under the agent (includes=*)
#   c. jkcov instrument of those jars, unpacked into one directory
#   d. the same with -XX:TieredStopAtLevel=1, as the ./jkcov launcher runs it
# The agent's classes/s is given twice: classes / (b - a) over the loading loop alone, and
# classes / (b - a) over loop and start-up (launch to main: premain, ASM's warm-up); instrument's
# is classes / its whole process's wall time, reading and writing included.
# docs/performance-whole-process.md.
#   benchmarks/whole-process/instrument-speed.sh     (after run.sh built everything; ROUNDS=5)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
ROUNDS="${ROUNDS:-5}"
AGENT="$ROOT/agent/target/jkcov-agent-0.1.0-SNAPSHOT.jar"
TOOLS="$ROOT/tools/target/jkcov-tools.jar"
CP="$HERE/target/jkcov-whole-process-0.1.0-SNAPSHOT.jar"
for j in "$HERE"/target/lib/*.jar; do CP="$CP:$j"; done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/classes"
for j in "$HERE"/target/lib/commons-compress-*.jar "$HERE"/target/lib/jackson-*.jar; do
  (cd "$WORK/classes" && unzip -qo "$j" -x 'META-INF/*')
done
classes=$(find "$WORK/classes" -name '*.class' ! -name module-info.class | wc -l)
"$JAVA" -version 2>&1 | head -1
echo "classes: $classes; $(uptime)"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
load() { # "loop start": the loading loop's wall ms and launch -> main ms, from LoadClasses' RESULT line
  "$JAVA" -Dwp.launchNanos="$(date +%s%N)" "$@" -cp "$CP" io.jkcov.wholeprocess.LoadClasses 2>/dev/null \
    | sed -n 's/^RESULT .*work_ms=\([0-9.]*\).*main_at_ms=\([0-9.]*\).*/\1 \2/p'
}
for ((r = 1; r <= ROUNDS; r++)); do
  read -r a as < <(load); read -r b bs < <(load "-javaagent:$AGENT")
  rm -rf "$WORK/out"; t=$(date +%s%N); "$JAVA" -jar "$TOOLS" instrument "$WORK/classes" "$WORK/out" > /dev/null 2>&1; c=$(ms "$t")
  rm -rf "$WORK/out"; t=$(date +%s%N); "$JAVA" -XX:TieredStopAtLevel=1 -jar "$TOOLS" instrument "$WORK/classes" "$WORK/out" > /dev/null 2>&1; d=$(ms "$t")
  awk -v a="$a" -v b="$b" -v as="$as" -v bs="$bs" -v c="$c" -v d="$d" -v n="$classes" -v r="$r" 'BEGIN {
    all = (b - a) + (bs - as)
    printf "round %d: agent +%.0f ms loop (%.0f classes/s), +%.0f ms with start-up (%.0f classes/s); instrument %d ms (%.0f classes/s); C1 only %d ms (%.0f classes/s)\n",
      r, b - a, n / ((b - a) / 1000), all, n / (all / 1000), c, n / (c / 1000), d, n / (d / 1000) }'
done
