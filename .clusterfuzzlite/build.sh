#!/bin/bash -eu
# ClusterFuzzLite (and OSS-Fuzz) build script: every cargo-fuzz target of fuzz/ built with
# `cargo fuzz build -O` and copied to $OUT, each with its seed corpus beside it.
#
# It runs in the crate's folder (the Dockerfile's WORKDIR; `.ci/run` runs it the same way
# through scripts/cflite-ci). The same file serves any crate whose fuzz targets are
# rewind's: a domain target per fuzz_targets/<name>.rs, and optionally `log_reader`.
#
# Seeds: a domain target reads bytes that drive the domain's bot, not a log, and a stored
# log (actions, not bot choices) cannot be turned back into those bytes, so it starts from
# the corpus ClusterFuzzLite keeps (empty the first time). The `log_reader` target reads
# log files, so it starts from every stored log in corpus/.

# Debug assertions stay on, as in `cargo fuzz run` (overflow checks find real defects; -O
# alone would drop them). Safe Rust needs no sanitizer; ClusterFuzzLite's `address` is
# honoured, and anything cargo fuzz has no flag for (undefined, coverage, none) builds
# without one (the builder's own cargo wrapper handles coverage). Comparison tracing is off,
# as in scripts/fuzz-ci: the bot maps any byte to a valid choice, and this keeps the two
# builds identical, so CI builds once.
case "${SANITIZER:-address}" in
  address | memory | thread | leak) sanitizer=$SANITIZER ;;
  *) sanitizer=none ;;
esac
target_dir=${FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/fuzz/target}}
cargo fuzz build -O --debug-assertions --sanitizer "$sanitizer" --no-trace-compares \
  --target-dir "$target_dir"

built="$target_dir/x86_64-unknown-linux-gnu/release"
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
for source in fuzz/fuzz_targets/*.rs; do
  target=$(basename "$source" .rs)
  cp "$built/$target" "$OUT/"
  if [ "$target" = log_reader ] && [ -d corpus ]; then
    # Flat, one file per log: two domains may hold logs of one name.
    find corpus -name '*.json' | while read -r log; do
      cp "$log" "$seeds/$(echo "$log" | tr / _)"
    done
    if [ -n "$(ls "$seeds")" ]; then
      (cd "$seeds" && zip -q -r "$OUT/${target}_seed_corpus.zip" .)
    fi
  fi
done
