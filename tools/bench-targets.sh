#!/usr/bin/env bash
# Benchmark of `kehoach targets`: plans per second and peak memory on generated
# clean plans (1,000 and 10,000, made by examples/gen_batch.rs), written to docs/bench.md.
#
# Usage: tools/bench-targets.sh [SIZES...]   (default: 1000 10000)
# Needs /usr/bin/time (GNU time) for the peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000}")
[ $# -eq 0 ] && sizes=(1000 10000)
work=${BENCH_DIR:-target/bench-targets}
mkdir -p "$work" docs

cargo build --release --quiet --bin kehoach --example gen_batch
bin=target/release/kehoach

rows=()
for n in "${sizes[@]}"; do
  corpus="$work/plans-$n"
  if [ ! -f "$corpus.done" ]; then
    rm -rf "$corpus"
    target/release/examples/gen_batch "$n" "$corpus" --clean --seed 7
    touch "$corpus.done"
  fi
  bytes=$(du -sb "$corpus" | cut -f1)
  for ext in csv jsonl xlsx; do
    out="$work/out-$n.$ext"
    # Warm the page cache once so every format reads the same way.
    cat "$corpus"/*/* > /dev/null
    /usr/bin/time -v "$bin" targets "$corpus" -o "$out" 2> "$work/time-$n-$ext.txt" || true
    wall=$(grep "Elapsed (wall clock)" "$work/time-$n-$ext.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$work/time-$n-$ext.txt" | awk '{print $NF}')
    user=$(grep "User time" "$work/time-$n-$ext.txt" | awk '{print $NF}')
    sys=$(grep "System time" "$work/time-$n-$ext.txt" | awk '{print $NF}')
    cpu=$(grep "Percent of CPU" "$work/time-$n-$ext.txt" | awk '{print $NF}')
    secs=$(python3 -c 'import sys; p=sys.argv[1].split(":"); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))' "$wall")
    summary=$(grep "^targets:" "$work/time-$n-$ext.txt" | sed 's/; wrote.*//')
    rate=$(python3 -c "print(f'{$n/max($secs,1e-9):.0f}')")
    cpusecs=$(python3 -c "print(f'{$user+$sys:.2f}')")
    rows+=("| $n | $((bytes / 1024 / 1024)) MiB | .$ext | $secs s | $cpusecs s | $cpu | $rate | $((rss / 1024)) MiB | $summary |")
    echo "$n .$ext: $secs s, $rate plans/s, peak RSS $((rss / 1024)) MiB" >&2
  done
done

# Keep the hand-written analysis below the marker across runs.
marker='<!-- analysis: hand-written, kept by bench-targets.sh -->'
analysis=""
if [ -f docs/bench.md ] && grep -qF "$marker" docs/bench.md; then
  analysis=$(sed -n "/$marker/,\$p" docs/bench.md)
fi
parser=$(git log -1 --format='%h %s' -- src/plan/ 2>/dev/null || echo unknown)
{
  echo "# Benchmark: \`kehoach targets\`"
  echo
  echo "Made by \`tools/bench-targets.sh\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared with other jobs;"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB RAM. Input: clean generated plans (\`cargo run --release --example gen_batch -- N DIR --clean --seed 7\`),"
  echo "~$(( $(du -sb "$work/plans-${sizes[0]}" | cut -f1) / ${sizes[0]} / 1024 )) KiB each. All cores (no \`-j\`); wall time and peak resident memory from GNU time."
  echo "Last change to the parser (src/plan/) in this build: $parser."
  echo
  echo "| plans | input | output | wall | CPU (user+sys) | CPU share | plans/s (wall) | peak RSS | run summary |"
  echo "|---:|---:|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Target (issue 5): 10,000 clean plans in under 20 s, memory flat. Memory stays flat because"
  echo "plans are parsed in chunks of 32 per thread and each chunk's rows are written before the next"
  echo "is parsed (\`kehoach::batch::map_in_order\`); CSV and JSON Lines stream to disk, and the XLSX"
  echo "Targets, Products and Plans sheets use rust_xlsxwriter's constant-memory mode (rows go to"
  echo "temporary files until the workbook is zipped at the end)."
  echo
  echo "On a shared machine compare CPU time, not wall time: wall = CPU / (cores x CPU share)."
  if [ -n "$analysis" ]; then
    echo
    echo "$analysis"
  fi
} > docs/bench.md
echo "wrote docs/bench.md" >&2
