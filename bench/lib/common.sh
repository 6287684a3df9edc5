# Shared by the bench scripts (source it): the machine line and a build that installs nothing.
# shellcheck shell=bash

# The machine, the JDK, the date and the load: printed above every table.
bench_machine() {
  echo "machine: nproc=$(nproc), $(lscpu | grep 'Model name' | sed 's/  */ /g'), $(java -version 2>&1 | grep -v '^Picked up' | head -1)"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Builds the analyzer (and the modules it needs) into their target folders, vigil.jar included,
# and writes the analyzer's test classpath to $2; nothing goes to the local repository, which
# other builds share (no `mvn install`).  bench_build REPO CLASSPATH_FILE
bench_build() {
  local repo="$1" out="$2" log
  log="$(mktemp /tmp/vigil-bench-build.XXXXXX)"
  echo "bench: building the analyzer (package, no install)" >&2
  if ! (cd "$repo" && mvn -B -q -pl analyzer -am -DskipTests package dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile="$out" >"$log" 2>&1); then
    tail -30 "$log" >&2; rm -f "$log"; return 1
  fi
  rm -f "$log"
}

# The analyzer's classes, test classes and dependencies, from the file bench_build wrote.
bench_classpath() {
  echo "$1/analyzer/target/classes:$1/analyzer/target/test-classes:$(cat "$2")"
}
