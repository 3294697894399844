# Sourced by the benchmark scripts: builds the benchmark jar unless SKIP_BUILD is set, sets
# $jar, sets $JDKS (when not given) to the default java's JDK, then Temurin 25 if installed,
# prints the machine line, and defines jdk_heading.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
if [[ -z "${SKIP_BUILD:-}" ]]; then
    # package, not install: nothing is written outside the source tree's target directories
    (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests)
fi
if [[ -z "${JDKS:-}" ]]; then
    JDKS="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && JDKS="$JDKS /usr/lib/jvm/temurin-25-jdk-amd64"
fi
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Prints the heading of one JDK's results: a blank line, then "=== <dir name>: <its version>".
jdk_heading() {
    echo
    echo "=== $(basename "$1"): $("$1/bin/java" -version 2>&1 | head -2 | tail -1)"
}
