#!/usr/bin/env bash
# Whole-process comparisons of jkcov against no agent and JaCoCo (docs/performance-whole-process.md).
# Builds what it needs (the project, the workloads; libraries and the JaCoCo agent come from Maven
# Central), then runs every configuration in a fresh JVM, interleaved round by round
# (A B C ... A B C ...), and prints the tables. Not run by the tests or CI.
#
#   benchmarks/whole-process/run.sh                      # JDK on PATH (or JAVA_HOME) runs the JVMs
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/whole-process/run.sh
#
# Environment: JAVA (the java that runs the workloads; Maven uses its own), ROUNDS (5),
# SECTIONS ("cpu pool startup"), SKIP_BUILD=1, OUT (results directory), and the sizes below.
# A/B of two jkcov builds in the same run: AGENT_BASE=path/to/an/older/jkcov-agent.jar adds the
# CPU section's jkcov configurations again with that jar (c0, d0, e0, each run right before its
# counterpart); CPU_CONFIGS ("a b c d e f h") picks the configurations by letter: a no agent,
# b JaCoCo, c jkcov idle, d TRACE_PC, e TRACE_CMP; f g h are c d e with lazy=true (with
# AGENT_BASE, f0 g0 h0 need a base jar that knows the option; their runs fail otherwise).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
ROUNDS="${ROUNDS:-5}"
SECTIONS="${SECTIONS:-cpu pool startup}"
OUT="${OUT:-$HERE/target/results-$(date +%Y%m%d-%H%M%S)}"
# Fixed work, not time. CPU: bzip2 of DATA_MB in chunks of CHUNK_KB, JSON of ORDERS orders.
CPU_ARGS="${CPU_ARGS:---rounds 1 --data-mb 2 --chunk-kb 64 --orders 3000 --batch 200}"
# Area for TRACE_PC / TRACE_CMP on the CPU workload: reset before every input (a chunk or a
# batch), large enough that no input overflows (the RESULT line reports overflowed_inputs).
AREA_WORDS="${AREA_WORDS:-$((1 << 26))}"
POOL_TASKS="${POOL_TASKS:-2000000}"
# The remote configuration is far slower per task (every task records in a section): fewer tasks.
REMOTE_TASKS="${REMOTE_TASKS:-200000}"
HEAP="-Xms1g -Xmx1g"
AGENT_BASE="${AGENT_BASE:-}"
CPU_CONFIGS="${CPU_CONFIGS:-a b c d e f h}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building jkcov ..." >&2
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests install)
  echo "building the workloads, fetching libraries and the JaCoCo agent ..." >&2
  (cd "$HERE" && mvn -q -B -ntp package)
fi

AGENT="$ROOT/agent/target/jkcov-agent-0.1.0-SNAPSHOT.jar"
JACOCO="$HERE/target/agents/jacocoagent.jar"
CP="$HERE/target/jkcov-whole-process-0.1.0-SNAPSHOT.jar"
for j in "$HERE"/target/lib/*.jar; do CP="$CP:$j"; done
LIBS='org.apache.commons.compress.*:com.fasterxml.jackson.*'
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS"

# run SECTION CONFIG ROUND MAIN [JVM options...] -- [program arguments...]
run() {
  local section="$1" config="$2" round="$3" main="$4"; shift 4
  local jvm=() prog=()
  while [[ $# -gt 0 && "$1" != -- ]]; do jvm+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  prog=("$@")
  local log="$OUT/$section-$config-$round.log"
  local t0 t1
  t0=$(date +%s%N)
  "$JAVA" -Dwp.launchNanos="$t0" "${jvm[@]}" -cp "$CP" "io.jkcov.wholeprocess.$main" "${prog[@]}" > "$log" 2>&1 || true
  t1=$(date +%s%N)
  local result
  result=$(grep '^RESULT ' "$log" | head -1 | cut -d' ' -f2- || true)
  if [[ -z "$result" ]]; then
    echo "FAILED: $section $config round $round; log $log:" >&2
    tail -20 "$log" >&2
    return 0   # keep going: the other runs of a long session are still worth their tables
  fi
  printf 'section=%s config=%s round=%s %s wall_ms=%s\n' "$section" "$config" "$round" "$result" \
      "$(( (t1 - t0) / 1000000 ))" | tee -a "$RESULTS" >&2
}

"$JAVA" -version 2>&1 | head -2 | tee "$OUT/jdk.txt" >&2
{ nproc; uptime; } > "$OUT/machine.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  for s in $SECTIONS; do
    case "$s" in
      cpu)
        for c in $CPU_CONFIGS; do
          case "$c" in
            a) run cpu a-no-agent "$r" CpuWorkload $HEAP -- $CPU_ARGS ;;
            b) run cpu b-jacoco   "$r" CpuWorkload $HEAP "-javaagent:$JACOCO=includes=$LIBS,output=none" -- $CPU_ARGS ;;
            c|d|e|f|g|h)
              # f g h: c d e with lazy=true (probes only from the first enable; docs/agent.md).
              local_trace=()
              name=jkcov
              lazy=""
              [[ "$c" == [fgh] ]] && { name=jkcov-lazy; lazy=",lazy=true"; }
              case "$c" in
                c|f) name="$name-idle" ;;
                d|g) local_trace=(--trace pc --area-words "$AREA_WORDS"); name="$name-trace-pc" ;;
                e|h) local_trace=(--trace cmp --area-words "$AREA_WORDS"); name="$name-trace-cmp" ;;
              esac
              if [[ -n "$AGENT_BASE" ]]; then
                run cpu "${c}0-base-$name" "$r" CpuWorkload $HEAP "-javaagent:$AGENT_BASE=includes=$LIBS$lazy" -- $CPU_ARGS "${local_trace[@]}"
              fi
              run cpu "$c-$name" "$r" CpuWorkload $HEAP "-javaagent:$AGENT=includes=$LIBS$lazy" -- $CPU_ARGS "${local_trace[@]}"
              ;;
            *) echo "unknown CPU configuration $c" >&2; exit 2 ;;
          esac
        done
        ;;
      pool)
        run pool a-jkcov-propagate-off "$r" PoolWorkload $HEAP "-javaagent:$AGENT=includes=$LIBS,propagate=false" -- --tasks "$POOL_TASKS"
        run pool b-jkcov-propagate-on  "$r" PoolWorkload $HEAP "-javaagent:$AGENT=includes=$LIBS" -- --tasks "$POOL_TASKS"
        run pool c-no-agent            "$r" PoolWorkload $HEAP -- --tasks "$POOL_TASKS"
        run pool d-jkcov-remote-owner  "$r" PoolWorkload $HEAP "-javaagent:$AGENT=includes=$LIBS" -- --tasks "$REMOTE_TASKS" --trace remote --area-words $((1 << 25))
        ;;
      startup)
        run startup a-no-agent         "$r" LoadClasses
        run startup b-jkcov-includes-all "$r" LoadClasses "-javaagent:$AGENT"
        run startup c-jkcov-pctable    "$r" LoadClasses "-javaagent:$AGENT=pctable=$OUT/startup.pcs"
        run startup d-jkcov-jdk-true   "$r" LoadClasses "-javaagent:$AGENT=jdk=true"
        run startup e-jacoco-all       "$r" LoadClasses "-javaagent:$JACOCO=output=none"
        ;;
      *) echo "unknown section $s" >&2; exit 2 ;;
    esac
  done
done

if [[ -f "$OUT/startup.pcs" ]]; then
  echo "classes with PCs in the PC table (startup, includes=*): $(grep -v '^#' "$OUT/startup.pcs" | cut -f3 | sort -u | wc -l)" | tee "$OUT/pctable.txt"
fi
"$JAVA" -cp "$CP" io.jkcov.wholeprocess.Summary "$RESULTS" | tee "$OUT/summary.txt"
echo "results: $OUT" >&2
