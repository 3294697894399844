#!/usr/bin/env bash
# Offline instrumentation (`jkcov instrument`) against the agent's start-up, on the same classes:
# those LoadClasses loads (commons-compress and jackson-*). Rounds interleave:
#   a. LoadClasses, no agent           b. LoadClasses under the agent (includes=*)
#   c. ./jkcov instrument of those jars, unpacked into one directory, the launcher as it was
#      before its class-data-sharing archive (JKCOV_CDS=0 JKCOV_JAVA_OPTS=-XX:TieredStopAtLevel=1);
#      with BASE_TOOLS=path/to/an/older/jkcov-tools.jar, that jar as the launcher ran it then
#      (java -XX:TieredStopAtLevel=1 -jar), for an A/B of two builds
#   d. ./jkcov instrument as the launcher runs it now (C1 only, the archive made before round 1)
# The agent's classes/s is given twice: classes / (b - a) over the loading loop alone, and
# classes / (b - a) over loop and start-up (launch to main: premain, ASM's warm-up); instrument's
# is classes / its whole process's wall time (launcher, JVM start, reading and writing included).
# Every instrument run writes a new directory, and nothing is deleted until the end: on ext4, a
# file created within a minute of many deletions costs up to ~0.5 ms of system time
# (recently_deleted() in the inode allocator), which deleting the last round's output would add
# to every run. RM_OUT=1 deletes and recreates one output directory instead, as this script did
# before. Every run starts after `sync`. CPU time (user + system, the JVM's threads and
# children) is given too: on this shared machine it varies less with the load than wall time.
# docs/performance-whole-process.md.
#   benchmarks/whole-process/instrument-speed.sh     (after run.sh built everything; ROUNDS=5)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/whole-process/instrument-speed.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
ROUNDS="${ROUNDS:-5}"
AGENT="$ROOT/agent/target/jkcov-agent-0.1.0-SNAPSHOT.jar"
# The launcher runs the java on the PATH: the same as the agent's.
if [[ "$JAVA" == */* ]]; then export PATH="$(dirname "$JAVA"):$PATH"; fi
unset JKCOV_JAVA_OPTS JKCOV_CDS
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
n=0
out() { # sets o: a new output directory, or with RM_OUT=1 the same one, emptied
  if [[ "${RM_OUT:-0}" == 1 ]]; then o="$WORK/out"; rm -rf "$o" "$o.pctable"; else o="$WORK/out$((++n))"; fi
}
# The launcher's archive for this JDK and `instrument`, made (or found up to date) before the rounds.
out; t=$(date +%s%N); "$ROOT/jkcov" instrument "$WORK/classes" "$o" > /dev/null 2>&1
echo "first ./jkcov instrument (makes the archive if missing or stale): $(( ($(date +%s%N) - t) / 1000000 )) ms"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
tick=$(getconf CLK_TCK)
cpu() { # CPU ms of this shell's finished children so far (cutime + cstime)
  local s; read -r -a s < /proc/$$/stat; echo $(( (s[15] + s[16]) * 1000 / tick ))
}
load() { # "loop start": the loading loop's wall ms and launch -> main ms, from LoadClasses' RESULT line
  "$JAVA" -Dwp.launchNanos="$(date +%s%N)" "$@" -cp "$CP" io.jkcov.wholeprocess.LoadClasses 2>/dev/null \
    | sed -n 's/^RESULT .*work_ms=\([0-9.]*\).*main_at_ms=\([0-9.]*\).*/\1 \2/p' > "$WORK/result"
  read -r lw ls < "$WORK/result"
}
for ((r = 1; r <= ROUNDS; r++)); do
  sync; u=$(cpu); load; a=$lw as=$ls ua=$(( $(cpu) - u ))
  sync; u=$(cpu); load "-javaagent:$AGENT"; b=$lw bs=$ls ub=$(( $(cpu) - u ))
  out; sync; u=$(cpu); t=$(date +%s%N)
  if [[ -n "${BASE_TOOLS:-}" ]]; then
    "$JAVA" -XX:TieredStopAtLevel=1 -Djkcov.agent="$AGENT" -jar "$BASE_TOOLS" instrument "$WORK/classes" "$o" > /dev/null 2>&1
  else
    JKCOV_CDS=0 JKCOV_JAVA_OPTS=-XX:TieredStopAtLevel=1 "$ROOT/jkcov" instrument "$WORK/classes" "$o" > /dev/null 2>&1
  fi
  c=$(ms "$t") uc=$(( $(cpu) - u ))
  out; sync; u=$(cpu); t=$(date +%s%N); "$ROOT/jkcov" instrument "$WORK/classes" "$o" > /dev/null 2>&1; d=$(ms "$t") ud=$(( $(cpu) - u ))
  awk -v a="$a" -v b="$b" -v as="$as" -v bs="$bs" -v c="$c" -v d="$d" -v n="$classes" -v r="$r" 'BEGIN {
    all = (b - a) + (bs - as)
    printf "round %d: agent +%.0f ms loop (%.0f classes/s), +%.0f ms with start-up (%.0f classes/s); instrument, before %d ms (%.0f classes/s); now %d ms (%.0f classes/s)\n",
      r, b - a, n / ((b - a) / 1000), all, n / (all / 1000), c, n / (c / 1000), d, n / (d / 1000) }'
  echo "  CPU: agent +$((ub - ua)) ms ($(( classes * 1000 / (ub - ua > 0 ? ub - ua : 1) )) classes/CPU-s); instrument, before $uc ms ($(( classes * 1000 / uc )) classes/CPU-s); now $ud ms ($(( classes * 1000 / ud )) classes/CPU-s); load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
