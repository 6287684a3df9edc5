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

# Java options of every bench JVM whose classpath holds the modules' test jars: each carries a
# logback-test.xml, and logback prints its whole configuration status (to stdout, into the tables)
# when it finds more than one.
BENCH_QUIET_LOGBACK="-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener"

# The analyzer's classes, test classes and dependencies, from the file bench_build wrote.
bench_classpath() {
  echo "$1/analyzer/target/classes:$1/analyzer/target/test-classes:$(cat "$2")"
}

# The JVM options ./vigil gives the analyzer (heap, GC, JIT), from the launcher itself
# (VIGIL_PRINT_COMMAND=1 prints its java command instead of running it): one source of truth for
# every bench that runs the analyzer as ./vigil would. Class-data sharing is left out, as in
# analyzer/src/test/java/dev/vigil/analyzer/faults/LauncherOptions.java: its archive is the
# launcher's to write, and it changes only the start.  bench_analyzer_opts REPO
bench_analyzer_opts() {
  local printed opt opts=()
  printed="$(env -u VIGIL_JAVA_OPTS VIGIL_PRINT_COMMAND=1 "$1/vigil" analyze --help | tail -1)"
  # "java …", or "$JAVA_HOME/bin/java …" when JAVA_HOME is set
  case "$printed" in
    "java "*" -jar "*|*"/java "*" -jar "*) ;;
    *) echo "bench: ./vigil printed no java command: '$printed'" >&2; return 1 ;;
  esac
  printed="${printed#* }"
  for opt in ${printed%% -jar *}; do
    case "$opt" in
      -XX:SharedArchiveFile=*|-XX:DumpLoadedClassList=*|-Xlog:cds=off) ;;
      *) opts+=("$opt") ;;
    esac
  done
  echo "${opts[*]}"
}

# async-profiler (tools.profiler:async-profiler, from Maven Central like every other part), for
# profiles JFR cannot give: it samples native frames too (RocksDB's calls, LZ4, the kernel), where
# JFR does not sample a thread in native code at all. Prints the path of its linux-x64 agent,
# unpacked under DIR.  bench_async_profiler DIR
BENCH_ASYNC_PROFILER_VERSION=3.0
bench_async_profiler() {
  local dir="$1" log
  if [ ! -f "$dir/linux-x64/libasyncProfiler.so" ]; then
    log="$(mktemp /tmp/vigil-bench-ap.XXXXXX)"
    if ! mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$BENCH_ASYNC_PROFILER_VERSION" \
          -DoutputDirectory="$dir" >"$log" 2>&1; then
      tail -20 "$log" >&2; rm -f "$log"; return 1
    fi
    rm -f "$log"
    (cd "$dir" && unzip -q -o "async-profiler-$BENCH_ASYNC_PROFILER_VERSION.jar" 'linux-x64/*')
  fi
  echo "$dir/linux-x64/libasyncProfiler.so"
}
