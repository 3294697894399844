#!/usr/bin/env bash
# Lang3SuiteIT on other JDKs than the one running Maven: by default on each of the root pom's
# jkcov.test.jdks (Temurin 25), or on the JDK homes given as arguments. Not part of `mvn verify`:
# commons-lang3's suite is too slow on JDK 25 for CI (README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ $# -gt 0 ]]; then
  jdks="$*"
else
  jdks="$(mvn -q -B -ntp -N -Dstyle.color=never help:evaluate -Dexpression=jkcov.test.jdks -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")"
fi
echo "validation: JDKs: $jdks" >&2
mvn -q -B -ntp -DskipTests install -pl validation -am
exec mvn -B -ntp -pl validation verify \
  -Djkcov.validation.jdks="$jdks" -Djkcov.validation.timeout.minutes="${JKCOV_VALIDATION_TIMEOUT_MINUTES:-240}"
