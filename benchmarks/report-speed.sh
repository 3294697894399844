#!/usr/bin/env bash
# jkcov report on 10 million PCs of a 10,000-class program (issue 5: under 10 s each, text and
# HTML), ROUNDS times (default 3): runs ReportSpeedIT, which generates the input, reports it as a
# process and prints the time, and collects those lines. Figures: docs/report.md.
#   benchmarks/report-speed.sh        (after mvn install -DskipTests; JAVA_HOME picks the JDK)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
cd "$ROOT"
echo "$(uptime)"
for ((r = 1; r <= ROUNDS; r++)); do
  mvn -B -ntp -q -pl tools verify -Dit.test=ReportSpeedIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    | grep -o 'jkcov report --.*' | sed "s/^/round $r: /"
done
