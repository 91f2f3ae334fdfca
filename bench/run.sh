#!/usr/bin/env bash
# privacy-site vs Hugo on the same synthetic multilingual content, side by side, in one run.
# Usage and what each number means: docs/benchmarks.md.
#
#   bench/run.sh                       # everything: 1k and 10k pages, incremental, -Xmx512m, profile
#   BENCH_SIZES=1k bench/run.sh        # only the 1,000-page site (a few minutes)
#   BENCH_SIZES="1k 10k 50k" bench/run.sh   # also the 50,000-page site (off by default: it takes long)
#
# Environment (all optional):
#   BENCH_WORK=/tmp/privacy-site-bench  where sites, outputs, logs and raw numbers go (GBs at 10k)
#   BENCH_SIZES="1k 10k"                which sites to measure: 100, 1k, 10k, 50k
#   RUNS_1K=5 RUNS_10K=3 RUNS_50K=1     runs per command (medians are reported)
#   BENCH_TIMEOUT_1K=300 BENCH_TIMEOUT_10K=420 BENCH_TIMEOUT_50K=1800
#                                       a run that takes longer is killed and reported as "> N s"
#   BENCH_EDITED=1                      0 skips the fresh-process check --out after a one-clause edit
#   BENCH_CELL_BUDGET=300               stop repeating a command once its runs took this long (s)
#   BENCH_INCREMENTAL=1 BENCH_XMX=1 BENCH_PROFILE=1   switch parts off with 0
#   BENCH_PROFILE_SECONDS=300           the profiled 10k build is recorded (and stopped) after this
#   BENCH_XMX_TIMEOUT=420               time limit of the -Xmx512m build (default: the 10k limit)
#   BENCH_EDITS=5                       edits per running server
#   BENCH_REPORT=docs/benchmarks.md     the results and profile blocks in it are replaced;
#                                       BENCH_REPORT=none leaves it alone
#   BENCH_CDS=on                        off: the launcher without its class-data archive (PRIVACY_SITE_CDS=off)
#   BENCH_LAUNCH=launcher               how ours starts: launcher = bin/privacy-site of the distribution zip
#                                       beside the jar (the supported launch), jar = java -jar
#   PRIVACY_SITE_JAR=path               the CLI jar (default: generator-core/target/privacy-site.jar,
#                                       built with Maven when missing; copied before use so a
#                                       concurrent rebuild cannot change it mid-run)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/privacy-site-bench}"
SIZES="${BENCH_SIZES:-1k 10k}"
RUNS_1K="${RUNS_1K:-5}"
RUNS_10K="${RUNS_10K:-3}"
RUNS_50K="${RUNS_50K:-1}"
TIMEOUT_1K="${BENCH_TIMEOUT_1K:-300}"
TIMEOUT_10K="${BENCH_TIMEOUT_10K:-420}"
TIMEOUT_50K="${BENCH_TIMEOUT_50K:-1800}"
CELL_BUDGET="${BENCH_CELL_BUDGET:-300}"
SEED="${BENCH_SEED:-42}"
CLAUSES="${BENCH_CLAUSES:-16}"
REPORT="${BENCH_REPORT:-$REPO/docs/benchmarks.md}"
PROFILE_SECONDS="${BENCH_PROFILE_SECONDS:-300}"
HUGO_PORT="${BENCH_HUGO_PORT:-1313}"
EDITS="${BENCH_EDITS:-5}"
OURS_PORT="${BENCH_OURS_PORT:-8181}"
RSS_TARGET_MIB=512   # issue 21: 10k pages' check --out in 512 MiB with the default settings

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
server_pid=""
edited_file=""
# A server this script started is stopped, and a source it edited restored, however the script ends.
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
      if [ -n "$edited_file" ]; then cp "$WORK/edited.orig" "$edited_file"; fi' EXIT
started=$(date +%s)

# ---------------------------------------------------------------------------------------------
# Tools: Hugo and GNU time from Debian, the CLI jar from Maven.

need_apt=()
command -v hugo >/dev/null || need_apt+=(hugo)
[ -x /usr/bin/time ] || need_apt+=(time)
command -v curl >/dev/null || need_apt+=(curl)
command -v unzip >/dev/null || need_apt+=(unzip)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
mkdir -p "$WORK/raw" "$WORK/logs" "$WORK/tmp"
rm -f "$WORK"/raw/*

JAR_SOURCE="${PRIVACY_SITE_JAR:-$REPO/generator-core/target/privacy-site.jar}"
if [ ! -f "$JAR_SOURCE" ]; then
  log "building the CLI jar (mvn -q -B install -DskipTests)"
  (cd "$REPO" && mvn -q -B install -DskipTests)
fi
JAR="$WORK/privacy-site.jar"
cp "$JAR_SOURCE" "$JAR"

# How our CLI is started. BENCH_LAUNCH=launcher (the default): bin/privacy-site from the distribution zip,
# the supported launch, one JVM with the tuned flags; BENCH_LAUNCH=jar: `java -jar`, which starts a second
# JVM for them. The launcher runs the same jar as above (copied into the unpacked distribution).
LAUNCH="${BENCH_LAUNCH:-launcher}"
LAUNCHER=""
if [ "$LAUNCH" = launcher ]; then
  dist_zip=$(ls "$(dirname "$JAR_SOURCE")"/privacy-site-*-dist.zip 2>/dev/null | head -1 || true)
  if [ -n "$dist_zip" ]; then
    rm -rf "$WORK/dist" && mkdir -p "$WORK/dist"
    (cd "$WORK/dist" && unzip -q "$dist_zip")
    LAUNCHER=$(ls "$WORK"/dist/*/bin/privacy-site | head -1)
    cp "$JAR" "$(dirname "$LAUNCHER")/../lib/privacy-site.jar"
  else
    log "no distribution zip beside $JAR_SOURCE: measuring java -jar instead of bin/privacy-site"
    LAUNCH=jar
  fi
fi
# ours_with OPTIONS: CMD becomes our CLI started with these JVM options (a string, may be empty).
ours_with() {
  if [ -n "$LAUNCHER" ]; then CMD=(env "JAVA_OPTS=$1" "$LAUNCHER"); else read -r -a opts <<<"$1"; CMD=(java "${opts[@]}" -jar "$JAR"); fi
}
ours_with ""

java_version=$(java -version 2>&1 | head -1)
hugo_version=$(hugo version | head -1)
ours_version=$(java -jar "$JAR" --version 2>/dev/null | head -1 || echo unknown)
ours_commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
ours_dirty=$(git -C "$REPO" status --porcelain -- generator-core 2>/dev/null | wc -l | tr -d ' ')
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
ram=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')
cores=$(nproc)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Our CLI's optional features, found from its help, so this script keeps working as they land.
build_help=$(java -jar "$JAR" build --help 2>&1 || true)
check_help=$(java -jar "$JAR" check --help 2>&1 || true)
# The cold rows measure a full run: with a build cache (issue 21), later repeats would be incremental.
no_cache=()
grep -q -- "--no-cache" <<<"$check_help" && no_cache=(--no-cache)
serve_help=""
if java -jar "$JAR" serve --help >"$WORK/serve-help.txt" 2>&1; then serve_help=$(cat "$WORK/serve-help.txt"); fi

# ---------------------------------------------------------------------------------------------
# Measuring: wall time (ms), CPU time (user+sys, ms) and peak RSS (KB) of one command.

count_lines() { if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }

# run_once CELL TIMEOUT COMMAND... : appends "wall_ms cpu_ms rss_kb exit" to raw/CELL.tsv
run_once() {
  local cell=$1 limit=$2; shift 2
  local n t0 t1 rc stats load
  n=$(( $(count_lines "$WORK/raw/$cell.tsv") + 1 ))
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s%N)
  set +e
  # SIGTERM at the limit (timeout then waits, so time still sees the child's CPU and RSS), SIGKILL 15 s later.
  /usr/bin/time -f '%U %S %M' -o "$WORK/time.out" timeout -k 15 "$limit" "$@" >"$WORK/logs/$cell.$n.log" 2>&1
  rc=$?
  set -e
  t1=$(date +%s%N)
  stats=$(tail -1 "$WORK/time.out")
  read -r user sys rss <<<"$stats"
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
  echo "$(( (t1 - t0) / 1000000 )) $cpu $rss $rc $load" >>"$WORK/raw/$cell.tsv"
  log "$cell run $n: $(( (t1 - t0) / 1000000 )) ms wall, $cpu ms CPU, $((rss / 1024)) MiB, exit $rc"
  return 0
}

# Whether CELL may run again: under its run count and its time budget, and its last run finished.
more_runs() {
  local cell=$1 runs=$2 file="$WORK/raw/$1.tsv"
  [ -f "$file" ] || return 0
  local count spent last_rc
  count=$(wc -l <"$file")
  spent=$(awk '{ s += $1 } END { print int(s / 1000) }' "$file")
  last_rc=$(tail -1 "$file" | awk '{ print $4 }')
  [ "$count" -lt "$runs" ] && [ "$spent" -lt "$CELL_BUDGET" ] && [ "$last_rc" = 0 ]
}

# Median of column COL (1 wall, 2 cpu, 3 rss) over the successful runs of CELL.
median() {
  local cell=$1 col=$2 file="$WORK/raw/$1.tsv"
  [ -f "$file" ] || { echo ""; return; }
  awk -v c="$col" '$4 == 0 { print $c }' "$file" | sort -n |
    awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
runs_ok() { if [ -f "$WORK/raw/$1.tsv" ]; then awk '$4 == 0 { n++ } END { print n + 0 }' "$WORK/raw/$1.tsv"; else echo 0; fi; }
runs_all() { count_lines "$WORK/raw/$1.tsv"; }
max_rss() { if [ -f "$WORK/raw/$1.tsv" ]; then awk '{ if ($3 > m) m = $3 } END { print m + 0 }' "$WORK/raw/$1.tsv"; else echo 0; fi; }
failure() { # the first failed run: "exit N after S s"
  [ -f "$WORK/raw/$1.tsv" ] && awk '$4 != 0 { printf "exit %d after %.0f s", $4, $1 / 1000; exit }' "$WORK/raw/$1.tsv"
  return 0
}

seconds() { [ -n "$1" ] && awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
mib() { [ -n "$1" ] && awk -v kb="$1" 'BEGIN { printf "%d MiB", kb / 1024 }'; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# ---------------------------------------------------------------------------------------------
# The sites.

# "100" is a 100-page site (5 locales x 20 documents) for trying the script out quickly. "50k" has
# 100 locales (the 20 languages, and each again with four regions, fr-CH) of 500 documents each: pages
# as large as the 10k site's (every page lists every document of its language), so time and memory can
# be read against the number of pages (about 3.4 GB of HTML from each tool); measured with
# `check --out` and Hugo only.
size_locales() { case $1 in 100) echo 5 ;; 1k) echo 10 ;; 10k) echo 20 ;; 50k) echo 100 ;; esac; }
size_documents() { case $1 in 100) echo 20 ;; 1k) echo 100 ;; 10k) echo 500 ;; 50k) echo 500 ;; esac; }
size_runs() { case $1 in 10k) echo "$RUNS_10K" ;; 50k) echo "$RUNS_50K" ;; *) echo "$RUNS_1K" ;; esac; }
size_timeout() { case $1 in 10k) echo "$TIMEOUT_10K" ;; 50k) echo "$TIMEOUT_50K" ;; *) echo "$TIMEOUT_1K" ;; esac; }

generate() {
  local size=$1 dir="$WORK/$1" stamp
  # Reuse a site generated before with the same generator, parameters and templates.
  stamp="$(cat "$REPO/bench/src/SyntheticSite.java" "$REPO"/generator-core/src/main/resources/org/privacysite/theme/messages/en.yaml | cksum) $SEED $CLAUSES"
  stamp="$stamp $(find "$REPO/generator-core/src/main/resources/org/privacysite/theme" -type f -exec cksum {} + | sort | cksum)"
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then
    log "reusing the $size site in $dir"
    return 0
  fi
  log "generating the $size site ($(size_locales "$size") locales x $(size_documents "$size") documents, $CLAUSES clauses each)"
  java "$REPO/bench/src/SyntheticSite.java" --out "$dir" --seed "$SEED" --locales "$(size_locales "$size")" \
    --documents "$(size_documents "$size")" --clauses "$CLAUSES" --templates "$REPO/generator-core/src/main/resources/org/privacysite/theme" >&2
  echo "$stamp" >"$dir/.stamp"
}

# set_aside DIR...: moves earlier outputs out of the way instead of deleting them; they are deleted
# once every run is done. On this VM's ext4 (no journal) a file created within ~30 s of a deletion
# costs far more kernel time (ext4 skips "recently deleted" inodes one by one): `rm -rf` right
# before a run put 3-12 s of system time into either tool, at random. Both tools are treated alike.
set_aside() {
  mkdir -p "$WORK/trash"
  local dir
  for dir in "$@"; do
    if [ -e "$dir" ]; then mv "$dir" "$WORK/trash/$(basename "$dir").$(date +%s%N)"; fi
  done
}

measure_size() {
  local size=$1 runs limit
  local S="$WORK/$size"
  runs=$(size_runs "$size")
  limit=$(size_timeout "$size")
  log "measuring $size: up to $runs runs each, interleaved, each limited to $limit s"
  local only_publish=0
  [ "$size" = 50k ] && only_publish=1   # the largest site: our one-pass check --out and Hugo's build
  for ((i = 1; i <= runs; i++)); do
    if [ "$only_publish" = 0 ] && more_runs "ours-build-$size" "$runs"; then
      set_aside "$S/out-ours" "$S"/.out-ours*
      ours_with ""
      run_once "ours-build-$size" "$limit" "${CMD[@]}" build --content "$S/ours/content" --templates "$S/ours/templates" --out "$S/out-ours"
    fi
    if more_runs "hugo-$size" "$runs"; then
      set_aside "$S/out-hugo"
      run_once "hugo-$size" "$limit" hugo --quiet -s "$S/hugo" -d "$S/out-hugo"
    fi
    if [ "$only_publish" = 0 ] && more_runs "ours-check-$size" "$runs"; then
      ours_with "-Djava.io.tmpdir=$WORK/tmp"
      run_once "ours-check-$size" "$limit" "${CMD[@]}" check --content "$S/ours/content" --templates "$S/ours/templates"
    fi
    if more_runs "ours-publish-$size" "$runs"; then
      set_aside "$S/out-ours-checked" "$S"/.out-ours-checked*
      ours_with ""
      run_once "ours-publish-$size" "$limit" "${CMD[@]}" check "${no_cache[@]}" --content "$S/ours/content" --templates "$S/ours/templates" --out "$S/out-ours-checked"
    fi
    # The same as `check --out` runs by default: it also writes the build cache (and the spare site) for the next
    # run. Cold: the output, its spare and the cache are set aside first.
    if [ "${#no_cache[@]}" -gt 0 ] && more_runs "ours-publish-cached-$size" "$runs"; then
      set_aside "$S/out-ours-cached" "$S"/.out-ours-cached* "$S/cache-cold"
      ours_with ""
      run_once "ours-publish-cached-$size" "$limit" "${CMD[@]}" check --cache "$S/cache-cold" --content "$S/ours/content" --templates "$S/ours/templates" --out "$S/out-ours-cached"
    fi
  done
  rm -rf "$WORK/tmp" && mkdir -p "$WORK/tmp"   # what a killed check left behind
  if [ "$size" = 10k ] && [ "${BENCH_XMX:-1}" = 1 ]; then
    log "10k build with -Xmx512m"
    set_aside "$S/out-ours" "$S"/.out-ours*
    ours_with "-Xmx512m"
    run_once "ours-build-xmx512m-$size" "${BENCH_XMX_TIMEOUT:-$limit}" "${CMD[@]}" build --content "$S/ours/content" --templates "$S/ours/templates" --out "$S/out-ours"
  fi
}

# ---------------------------------------------------------------------------------------------
# A CI run after a one-clause edit: a fresh process runs `check --out` into the output of a clean
# `check --out`, once after each of two edits of one clause of the first source document. Then a
# clean `check --out` of the edited sources into a new directory tells whether the outputs are
# byte-identical. Until there is a build cache, each of these runs is a full rebuild.

edited_check() {
  local size=$1 S="$WORK/$1" limit doc file out clean
  limit=$(size_timeout "$size")
  doc=$(sed -n '/^documents:/{n;s/^  - //p;q}' "$S/ours/content/site.yaml")
  file="$S/ours/content/en/$doc.md"
  out="$S/out-ours-edited"
  clean="$S/out-ours-edited-clean"
  log "$size: check --out after a one-clause edit, fresh process"
  set_aside "$out" "$S"/.out-ours-edited* "$clean" "$S/privacy-site-cache"
  ours_with ""
  ours_check=("${CMD[@]}" check --content "$S/ours/content" --templates "$S/ours/templates")
  run_once "ours-edit-base-$size" "$limit" "${ours_check[@]}" --out "$out"
  cp "$file" "$WORK/edited.orig"
  edited_file=$file
  # Three edits, each run in a fresh process; the first also sets up the cache's spare directory.
  for e in 1 2 3; do
    edit_clause "$file" "benchcliedit$e"
    run_once "ours-edited-$size" "$limit" "${ours_check[@]}" --out "$out"
  done
  run_once "ours-edited-clean-$size" "$limit" "${ours_check[@]}" "${no_cache[@]}" --out "$clean"
  if diff -r -q "$out" "$clean" >"$WORK/logs/edited-diff-$size.log" 2>&1; then
    echo "identical" >"$WORK/raw/ours-edited-identical-$size"
  else
    echo "different (see $WORK/logs/edited-diff-$size.log)" >"$WORK/raw/ours-edited-identical-$size"
  fi
  cp "$WORK/edited.orig" "$file"
  edited_file=""
}

# ---------------------------------------------------------------------------------------------
# Incremental rebuild: edit one clause of the English source in a running server and wait until
# the served page shows the edit. Hugo's own "Total in N ms" log line is recorded too.

# edit_clause FILE MARKER: appends MARKER to the first paragraph line after the first "## " heading
# (bench/src/EditToPage.java makes the same edit for the running servers).
edit_clause() {
  local file=$1 marker=$2
  awk -v m="$marker" '!done && seen && /^[[:alpha:]]/ { $0 = $0 " " m; done = 1 } /^## / { seen = 1 } { print }' \
    "$file" >"$file.tmp"
  cat "$file.tmp" >"$file"   # in place, as an editor's save does
  rm -f "$file.tmp"
}

# wait_log FILE PATTERN COUNT SECONDS: until FILE has more than COUNT lines with PATTERN (the
# server finished the rebuild the edit started), at most SECONDS.
wait_log() {
  local k
  for ((k = 0; k < $4 * 20; k++)); do
    [ "$(grep -c "$2" "$1" || true)" -gt "$3" ] && return 0
    sleep 0.05
  done
  return 0
}

wait_http() { # URL SECONDS
  local url=$1 limit=$2 t=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    sleep 0.5; t=$((t + 1))
    [ "$t" -lt $((limit * 2)) ] || return 1
  done
}

# edit_and_wait CELL FILE URL: edits FILE as edit_clause does and times until URL shows the edit, with
# bench/src/EditToPage.java: from the closed file, polling every millisecond over one kept-alive HTTP/1.1
# connection (a curl process per poll cost 5-15 ms and was counted in the result); appends ms to raw/CELL.tsv
edit_and_wait() {
  local cell=$1 file=$2 url=$3 marker ms rc
  marker="benchedit$(date +%s%N)"
  set +e
  ms=$(java "$REPO/bench/src/EditToPage.java" "$file" "$url" --marker "$marker" --timeout 60 2>>"$WORK/logs/edit-to-page.log")
  rc=$?
  set -e
  if [ "$rc" = 0 ] && [ -n "$ms" ]; then
    echo "$ms 0 0 0" >>"$WORK/raw/$cell.tsv"
    log "$cell: edit visible after $ms ms"
  else
    echo "60000 0 0 1" >>"$WORK/raw/$cell.tsv"
    log "$cell: edit not visible after 60 s (exit $rc; see $WORK/logs/edit-to-page.log)"
  fi
}

# EDITS edits of FILE in a running server, each timed until URL shows it; the server's own
# rebuild time is read from the line with MARKER ("... in N ms") that LOG gains. Then the server
# (PID) is stopped and FILE restored, so the next run starts from the site as generated.
edit_repeatedly() { # TOOL SIZE FILE URL LOG MARKER PID
  local tool=$1 size=$2 file=$3 url=$4 logf=$5 marker=$6 pid=$7 e before
  cp "$file" "$WORK/edited.orig"
  edited_file=$file
  for ((e = 1; e <= EDITS; e++)); do
    before=$(grep -c "$marker" "$logf" || true)
    edit_and_wait "$tool-incremental-$size" "$file" "$url"
    wait_log "$logf" "$marker" "$before" "$(size_timeout "$size")"
    { grep "$marker" "$logf" || true; } | tail -1 | sed -nE 's/.* in ([0-9.]+) ?ms.*/\1/p' |
      awk '{ printf "%d 0 0 0\n", $1 }' >>"$WORK/raw/$tool-rebuild-log-$size.tsv"
    sleep 1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  cp "$WORK/edited.orig" "$file"
  edited_file=""
}

incremental_hugo() {
  local size=$1 S="$WORK/$1" doc pid logf
  doc=$(sed -n '/^documents:/{n;s/^  - //p;q}' "$S/ours/content/site.yaml")
  logf="$WORK/logs/hugo-server-$size.log"
  log "hugo server on the $size site"
  hugo server -s "$S/hugo" --bind 127.0.0.1 --port "$HUGO_PORT" --disableLiveReload --disableFastRender=false \
    >"$logf" 2>&1 &
  pid=$!
  server_pid=$pid
  if ! wait_http "http://127.0.0.1:$HUGO_PORT/en/$doc/" "$(size_timeout "$size")"; then
    log "hugo server did not come up; see $logf"
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    return 0
  fi
  # Hugo logs "Total in 915 ms" after each rebuild.
  edit_repeatedly hugo "$size" "$S/hugo/content/en/$doc.md" "http://127.0.0.1:$HUGO_PORT/en/$doc/" "$logf" 'Total in' "$pid"
}

incremental_ours() {
  local size=$1 S="$WORK/$1" doc pid logf port_option
  if [ -z "$serve_help" ]; then
    log "our CLI has no 'serve' command yet: incremental row left as a placeholder"
    return 0
  fi
  doc=$(sed -n '/^documents:/{n;s/^  - //p;q}' "$S/ours/content/site.yaml")
  logf="$WORK/logs/ours-serve-$size.log"
  port_option=()
  grep -q -- '--port' <<<"$serve_help" && port_option=(--port "$OURS_PORT")
  log "privacy-site serve on the $size site"
  ours_with ""
  "${CMD[@]}" serve --content "$S/ours/content" --templates "$S/ours/templates" "${port_option[@]}" >"$logf" 2>&1 &
  pid=$!
  server_pid=$pid
  # The address: from its log when it prints one, else the port given with --port.
  local base="http://127.0.0.1:$OURS_PORT" t
  if [ ${#port_option[@]} -eq 0 ]; then
    for ((t = 0; t < $(size_timeout "$size") * 2; t++)); do
      found=$(grep -Eo 'http://(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]):[0-9]+' "$logf" | head -1 || true)
      [ -n "$found" ] && { base=${found/0.0.0.0/127.0.0.1}; break; }
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
  fi
  if ! wait_http "$base/en/$doc/" "$(size_timeout "$size")"; then
    log "serve did not answer at $base/en/$doc/; see $logf"
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    return 0
  fi
  # We log "Rebuilt 1 page in 12 ms" after each rebuild.
  edit_repeatedly ours "$size" "$S/ours/content/en/$doc.md" "$base/en/$doc/" "$logf" 'Rebuilt' "$pid"
}

# ---------------------------------------------------------------------------------------------
# Profile of our 10k build: JFR CPU samples, summarized by bench/src/JfrHotSpots.java.

profile_build() {
  local size=$1 S="$WORK/$1"
  log "profiling our $size build (JFR, at most $PROFILE_SECONDS s)"
  rm -rf "$S/out-ours" "$S"/.out-ours* "$WORK/build-$size.jfr"
  set +e
  # DebugNonSafepoints: without it JFR pins samples of inlined code on the wrong methods.
  # With a recording the CLI runs in this one JVM, so it gets the flags its second JVM would have
  # (TunedJvm.FLAGS in generator-core/src/main/java/org/privacysite/cli/TunedJvm.java).
  timeout -s KILL $((PROFILE_SECONDS + 30)) java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:+UseParallelGC -XX:InitialRAMPercentage=12.5 -XX:MaxTenuringThreshold=1 -XX:NewRatio=8 \
    -XX:InlineSmallCode=300 -XX:MaxInlineSize=15 -XX:FreqInlineSize=50 -XX:MaxInlineLevel=5 \
    "-XX:StartFlightRecording=duration=${PROFILE_SECONDS}s,settings=profile,filename=$WORK/build-$size.jfr" \
    -jar "$JAR" build --content "$S/ours/content" --templates "$S/ours/templates" --out "$S/out-ours" \
    >"$WORK/logs/profile-$size.log" 2>&1
  set -e
  for ((k = 0; k < 20; k++)); do [ -s "$WORK/build-$size.jfr" ] && break; sleep 1; done
  if [ -s "$WORK/build-$size.jfr" ]; then
    java "$REPO/bench/src/JfrHotSpots.java" "$WORK/build-$size.jfr" org.privacysite 12 >"$WORK/profile-$size.md"
  else
    echo "(no recording: see $WORK/logs/profile-$size.log)" >"$WORK/profile-$size.md"
  fi
}

# ---------------------------------------------------------------------------------------------

for size in $SIZES; do
  generate "$size"
done
# The launcher's class-data archive (README, "The distribution") is made by the first build or check of a
# jar with a Java, once per installation: made here, untimed, so that every timed run is an ordinary one.
# BENCH_CDS=off measures without it.
cds_note="off (BENCH_CDS=off)"
if [ "$LAUNCH" = launcher ]; then
  if [ "${BENCH_CDS:-on}" = off ]; then
    export PRIVACY_SITE_CDS=off
  else
    first_size=${SIZES%% *}
    log "making the launcher's class-data archive (one untimed check of the $first_size site)"
    "$LAUNCHER" check --no-cache --content "$WORK/$first_size/ours/content" --templates "$WORK/$first_size/ours/templates" \
      --out "$WORK/tmp/cds-warm-up" >"$WORK/logs/cds-warm-up.log" 2>&1 || true
    rm -rf "$WORK/tmp/cds-warm-up" "$WORK/tmp/.cds-warm-up"* "$WORK/tmp/privacy-site-cache"
    cds_note="on: the launcher's archive, made by an untimed run before the timed ones"
  fi
else
  cds_note="not used by java -jar"
fi
# Each size's one-clause edit (row 5) right after its other rows: run after the 50k site instead, it read the 10k
# site's sources and cache from disk, since Hugo's 50k build (20 GB of memory) had pushed them out of the page
# cache (the nineteenth session's run: 2.09 s, and 22.1 s for the clean check before it instead of 14).
for size in $SIZES; do
  measure_size "$size"
  if [ "${BENCH_EDITED:-1}" = 1 ] && [ "$size" != 50k ]; then
    edited_check "$size"
  fi
done
if [ "${BENCH_INCREMENTAL:-1}" = 1 ]; then
  for size in $SIZES; do
    [ "$size" = 50k ] && continue   # a server on 3.4 GB of HTML: not measured
    incremental_hugo "$size"
    incremental_ours "$size"
  done
fi
if [ "${BENCH_PROFILE:-1}" = 1 ]; then
  psize=$(for s in $SIZES; do [ "$s" = 50k ] || echo "$s"; done | tail -1)
  if [ -n "$psize" ]; then profile_build "$psize"; fi
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(( $(date +%s) - started ))
rm -rf "$WORK/trash"   # the outputs set aside during the runs

# ---------------------------------------------------------------------------------------------
# The results table.

cell_time() { # CELL: "median s (n runs)" or why there is none
  local cell=$1 m ok all
  m=$(median "$cell" 1); ok=$(runs_ok "$cell"); all=$(runs_all "$cell")
  if [ "$all" = 0 ]; then echo "not measured"; return; fi
  if [ -z "$m" ]; then echo "failed: $(failure "$cell")"; return; fi
  if [ "$ok" = "$all" ]; then echo "$(seconds "$m") (n=$ok)"; else echo "$(seconds "$m") (n=$ok; $(failure "$cell"))"; fi
}
cell_cpu() { local m; m=$(median "$1" 2); [ -n "$m" ] && seconds "$m" || echo "–"; }
cell_rss() { local m; m=$(median "$1" 3); if [ -n "$m" ]; then mib "$m"; else local x; x=$(max_rss "$1"); [ "$x" != 0 ] && echo "$(mib "$x") (at kill)" || echo "–"; fi; }
cell_ratio() { # A B: ratio of wall medians, or a lower bound when A timed out
  local a b
  a=$(median "$1" 1); b=$(median "$2" 1)
  if [ -n "$a" ] && [ -n "$b" ]; then ratio "$a" "$b"; return; fi
  if [ -z "$a" ] && [ -n "$b" ] && [ "$(runs_all "$1")" != 0 ]; then
    awk -v a="$(awk '{ print $1; exit }' "$WORK/raw/$1.tsv")" -v b="$b" 'BEGIN { printf "> %.1f", a / b }'; return
  fi
  echo "–"
}

{
  echo "Measured by \`bench/run.sh\` on $(date -u +'%Y-%m-%d %H:%M UTC'), $elapsed s in all."
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $cpu_model, $cores cores (\`nproc\`) |"
  echo "| RAM | $ram |"
  echo "| load average (1/5/15 min) | $load_start at the start, $load_end at the end$(awk -v l="${load_start%% *}" -v e="${load_end%% *}" -v c="$cores" 'BEGIN { if (l > c || e > c) printf " — **busier than its %d cores: wall times are inflated, CPU times are the fairer comparison**", c }') |"
  echo "| Java | $java_version |"
  echo "| Hugo | $hugo_version |"
  echo "| privacy-site | $ours_version, commit $ours_commit$([ "$ours_dirty" != 0 ] && echo " plus $ours_dirty uncommitted files in generator-core") |"
  echo "| class-data sharing (AppCDS) | $cds_note |"
  echo "| content | \`SyntheticSite.java --seed $SEED --clauses $CLAUSES\`: 1k = 10 locales × 100 documents, 10k = 20 locales × 500 documents, 50k = 100 locales (the 20 languages, each also in four regional variants such as fr-CH) × 500 documents, so that its pages are as large as the 10k site's |"
  echo
  echo "Times are medians of wall-clock time over n runs (cold JVM: a new process per run, started by $([ "$LAUNCH" = launcher ] && echo "the distribution's \`bin/privacy-site\`, the supported launch" || echo "\`java -jar\`, which starts a second JVM with the tuned flags")); CPU is"
  echo "user + system time; RSS is the peak resident set (\`/usr/bin/time\`). Ratio = ours ÷ Hugo (wall);"
  echo "below 1.00 we are faster. A run over its time limit is stopped: \"exit 124 after N s\"."
  echo
  echo "| pages | what | privacy-site | CPU | peak RSS | Hugo | CPU | peak RSS | ratio |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for size in $SIZES; do
    pages=$(( $(size_locales "$size") * $(size_documents "$size") ))
    echo "| $pages | (1) full build | $(cell_time "ours-build-$size") | $(cell_cpu "ours-build-$size") | $(cell_rss "ours-build-$size") | $(cell_time "hugo-$size") | $(cell_cpu "hugo-$size") | $(cell_rss "hugo-$size") | $(cell_ratio "ours-build-$size" "hugo-$size") |"
    echo "| $pages | (2) \`check\`: parse + parity + build + link check | $(cell_time "ours-check-$size") | $(cell_cpu "ours-check-$size") | $(cell_rss "ours-check-$size") | (Hugo builds only) | | | $(cell_ratio "ours-check-$size" "hugo-$size") |"
    echo "| $pages | (2) \`check --out\`: the same checks, and the site written (one pass) | $(cell_time "ours-publish-$size") | $(cell_cpu "ours-publish-$size") | $(cell_rss "ours-publish-$size") | (Hugo builds only) | | | $(cell_ratio "ours-publish-$size" "hugo-$size") |"
    if [ -f "$WORK/raw/ours-publish-cached-$size.tsv" ]; then
      echo "| $pages | (2) \`check --out\` as by default: the same, and the build cache written for the next run | $(cell_time "ours-publish-cached-$size") | $(cell_cpu "ours-publish-cached-$size") | $(cell_rss "ours-publish-cached-$size") | (Hugo keeps no cache) | | | $(cell_ratio "ours-publish-cached-$size" "hugo-$size") |"
    fi
    rss_max=$(max_rss "ours-publish-$size"); rss_med=$(median "ours-publish-$size" 3)
    if [ -n "$rss_med" ]; then
      cached_max=$(max_rss "ours-publish-cached-$size"); cached_note=""
      [ "$cached_max" -gt 0 ] && cached_note=" (with the build cache: $(mib "$(median "ours-publish-cached-$size" 3)") median, $(mib "$cached_max") highest)"
      verdict=$(awk -v a="$rss_max" -v b="$cached_max" -v t="$RSS_TARGET_MIB" 'BEGIN { m = a > b ? a : b; d = m / 1024 - t; if (d <= 0) printf "met"; else printf "**not met**, %d MiB over", d }')
      echo "| $pages | (2) peak RSS of \`check --out\`, default JVM settings, against the ${RSS_TARGET_MIB} MiB target | $(mib "$rss_med") median, $(mib "$rss_max") highest of n=$(runs_ok "ours-publish-$size")$cached_note | | | | | | $verdict |"
    fi
    b=$(median "ours-build-$size" 1); c=$(median "ours-check-$size" 1); h=$(median "hugo-$size" 1)
    if [ -n "$b" ] && [ -n "$c" ] && [ -n "$h" ]; then
      echo "| $pages | (2) \`build\` then \`check\` (two commands) | $(seconds $((b + c))) | | | | | | $(ratio $((b + c)) "$h") |"
    fi
    if [ "${BENCH_INCREMENTAL:-1}" = 1 ] && [ "$size" != 50k ]; then   # no server is run on the 50k site
      hi=$(median "hugo-incremental-$size" 1); hl=$(median "hugo-rebuild-log-$size" 1); oi=$(median "ours-incremental-$size" 1)
      ol=$(median "ours-rebuild-log-$size" 1)
      ours_inc="placeholder: \`serve\` not available yet"
      [ -n "$serve_help" ] && ours_inc="$([ -n "$oi" ] && echo "$oi ms edit → page; rebuild ${ol:-?} ms by its log (n=$(runs_ok "ours-incremental-$size"))" || echo "serve did not come up; see logs")"
      hugo_inc="not measured"
      [ -n "$hi" ] && hugo_inc="$hi ms edit → page; rebuild $hl ms by its log (n=$(runs_ok "hugo-incremental-$size"))"
      echo "| $pages | (3) incremental: one clause edited in a running server | $ours_inc | | | $hugo_inc | | | $([ -n "$oi" ] && [ -n "$hi" ] && ratio "$oi" "$hi" || echo "–") |"
    fi
    if [ -f "$WORK/raw/ours-build-xmx512m-$size.tsv" ]; then
      x=$(awk '{ print $4; exit }' "$WORK/raw/ours-build-xmx512m-$size.tsv")
      xr=$(awk '{ print $3; exit }' "$WORK/raw/ours-build-xmx512m-$size.tsv")
      xt=$(awk '{ print $1; exit }' "$WORK/raw/ours-build-xmx512m-$size.tsv")
      if [ "$x" = 0 ]; then verdict="succeeded"; elif [ "$x" = 124 ] || [ "$x" = 137 ]; then verdict="did not finish within the $(size_timeout "$size") s limit"; else verdict="FAILED (exit $x)"; fi
      reason=$(grep -m1 -o 'OutOfMemoryError[^"]*' "$WORK"/logs/ours-build-xmx512m-"$size".1.log 2>/dev/null || true)
      echo "| $pages | (4) full build with \`-Xmx512m\` | $verdict$([ -n "$reason" ] && echo ": $reason"), $(seconds "$xt") | | $(mib "$xr") | | | | |"
    fi
    if [ -f "$WORK/raw/ours-edited-$size.tsv" ]; then
      cache_note="no build cache yet: each run is a full rebuild"
      grep -q -- '--cache' <<<"$check_help" && cache_note="with the build cache"
      echo "| $pages | (5) \`check --out\` in a fresh process after one clause of one source document changed ($cache_note; output $(cat "$WORK/raw/ours-edited-identical-$size" 2>/dev/null || echo "not compared") to a clean build) | $(cell_time "ours-edited-$size") | $(cell_cpu "ours-edited-$size") | $(cell_rss "ours-edited-$size") | (Hugo keeps no cache) | | | clean \`check --out\` before: $(cell_time "ours-edit-base-$size") |"
    fi
  done
  echo
  echo "Raw numbers (wall ms, CPU ms, RSS KB, exit code, 1-minute load average at the start, per run) and logs: \`$WORK/raw\`, \`$WORK/logs\`."
} >"$WORK/results.md"

if [ -n "${psize:-}" ] && [ -f "$WORK/profile-$psize.md" ]; then
  {
    echo "JFR CPU samples of one privacy-site \`build\` of the $psize site (whole run, at most $PROFILE_SECONDS s;"
    echo "\`-XX:StartFlightRecording=settings=profile -XX:+DebugNonSafepoints\`), summarized by"
    echo "\`bench/src/JfrHotSpots.java\`. Log: \`$WORK/logs/profile-$psize.log\`."
    echo
    cat "$WORK/profile-$psize.md"
  } >"$WORK/profile.md"
fi

cat "$WORK/results.md"

# Replace the generated blocks of the report, keep everything else.
replace_block() { # FILE NAME CONTENT_FILE
  local file=$1 name=$2 content=$3
  grep -q "<!-- $name:start -->" "$file" || return 0
  awk -v name="$name" -v content="$content" '
    $0 == "<!-- " name ":start -->" { print; while ((getline line < content) > 0) print line; skip = 1; next }
    $0 == "<!-- " name ":end -->" { skip = 0 }
    !skip { print }' "$file" >"$file.tmp" && mv "$file.tmp" "$file"
}
if [ "$REPORT" != none ] && [ -f "$REPORT" ]; then
  replace_block "$REPORT" results "$WORK/results.md"
  [ -f "$WORK/profile.md" ] && replace_block "$REPORT" profile "$WORK/profile.md"
  log "results written into $REPORT"
fi
log "done in $elapsed s"
