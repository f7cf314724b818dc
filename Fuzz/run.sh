#!/bin/sh
# Runs one libFuzzer target of the instrumented stresstest-fuzz (make fuzz-build) for a number of
# seconds, from the committed seeds (Fuzz/corpus/TARGET) and a working corpus that grows between
# runs (.build-fuzz/corpus/TARGET). Prints libFuzzer's final statistics; on a crash, hang or
# memory blow-up it prints the report, keeps the input in .build-fuzz/artifacts/ and fails.
#
#   Fuzz/run.sh TARGET SECONDS
set -u
target=$1
seconds=$2
build=.build-fuzz
mkdir -p "$build/corpus/$target" "$build/artifacts" "$build/logs"
log="$build/logs/$target.log"
dict=""
if [ -f "Fuzz/$target.dict" ]; then dict="-dict=Fuzz/$target.dict"; fi
# Swift's own backtracer off: libFuzzer reports the crash and keeps the input.
SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=Fuzz/lsan.supp STRESSTEST_FUZZ_TARGET=$target "$build/release/stresstest-fuzz" \
  -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/$target-" $dict \
  "$build/corpus/$target" "Fuzz/corpus/$target" >"$log" 2>&1
status=$?
if [ $status -ne 0 ]; then
  echo "fuzz $target: FAILED (exit $status); the report ends:"
  tail -n 40 "$log"
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
corpus=$(ls "$build/corpus/$target" | wc -l)
echo "fuzz $target: $runs inputs in $seconds s, no failure; corpus $corpus inputs, peak memory $peak MB"
