#!/usr/bin/env bash
# Causal4J's FGES beside Tetrad 7.6.6's on the same simulated data: the search's process CPU time
# (median of RUNS for Causal4J, one run for Tetrad; CPU time, because on a shared machine the
# wall clock depends on the other jobs), adjacency / arrowhead F1 against the true CPDAG, and how many
# edges are in one CPDAG but not the other ("differ": an edge oriented differently counts twice). Data: `causal4j simulate --model linear-gaussian --degree 2
# --samples N` with seeds 1..SEEDS for each P.
#
#   causal4j-bench/scripts/fges-vs-tetrad.sh OUTDIR "200 500" [SEEDS=3] [N=1000] [PENALTY=2] [RUNS=3]
#
# Needs the CLI jar and the bench jar (./mvnw -B -Pbench -pl causal4j-bench -am package
# -DskipTests), and for Tetrad a Java 21+ (JAVA21, default /usr/lib/jvm/temurin-25-jdk-amd64) and
# tetrad-lib 7.6.6 with its Apache Commons dependencies in ~/.m2 (as `mvn dependency:get` leaves
# them); without them only Causal4J runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"; sizes="$2"; seeds="${3:-3}"; n="${4:-1000}"; penalty="${5:-2}"; runs="${6:-3}"
java21="${JAVA21:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
m2="$HOME/.m2/repository"
tetrad_cp="$m2/io/github/cmu-phil/tetrad-lib/7.6.6/tetrad-lib-7.6.6.jar"
for dep in commons-math3/3.6.1/commons-math3-3.6.1 commons-lang3/3.14.0/commons-lang3-3.14.0 \
    commons-collections4/4.4/commons-collections4-4.4 commons-text/1.11.0/commons-text-1.11.0; do
  tetrad_cp="$tetrad_cp:$m2/org/apache/commons/$dep.jar"
done
bench="$root/causal4j-bench/target/benchmarks.jar"
have_tetrad=1
[ -x "$java21" ] && [ -f "${tetrad_cp%%:*}" ] || { have_tetrad=0; echo "Tetrad or Java 21+ not found: running Causal4J only" >&2; }
mkdir -p "$out"
# The edges of an edge-list file, one per line, undirected ones with their names in order.
edges() { awk 'NF == 3 && $2 == "---" && $1 > $3 { print $3, $2, $1; next } NF == 3 { print }' "$1" | sort; }
printf '%-12s %9s %9s %7s %7s %7s %7s %6s\n' data c4j_cpu_s tet_cpu_s c4j_adj tet_adj c4j_arr tet_arr differ
for p in $sizes; do
  for s in $(seq 1 "$seeds"); do
    d="$out/p$p-s$s"
    [ -f "$d/data.csv" ] || "$root/causal4j" simulate --model linear-gaussian --nodes "$p" \
      --degree 2 --samples "$n" --seed "$s" --out "$d" >/dev/null 2>&1
    c4j=$(java -Xmx8g -cp "$bench" dev.causal4j.bench.jmh.FgesRun "$d" "$penalty" false 1 "$runs" "$d/c4j.txt")
    c4j_s=$(sed -n 's/.*; \([0-9.]*\) s of CPU.*/\1/p' <<<"$c4j")
    c4j_adj=$(sed -n 's/.*adjacency .*F1 \([0-9.]*\).*/\1/p' <<<"$c4j")
    c4j_arr=$(sed -n 's/.*arrowhead .*F1 \([0-9.]*\).*/\1/p' <<<"$c4j")
    tet_s=-; tet_adj=-; tet_arr=-; differ=-
    if [ "$have_tetrad" = 1 ]; then
      tet=$("$java21" -Xmx8g -cp "$tetrad_cp" "$root/causal4j-bench/scripts/TetradFgesRun.java" \
        "$d" "$penalty" "$d/tetrad.txt" 2>/dev/null)
      tet_s=$(sed -n 's/.*(\([0-9.]*\) s of CPU).*/\1/p' <<<"$tet")
      cmp=$("$root/causal4j" compare --truth "$d/truth.json" --estimate "$d/tetrad.txt")
      tet_adj=$(awk '$1=="adjacency"{print $NF}' <<<"$cmp")
      tet_arr=$(awk '$1=="arrowhead" && $2 ~ /^[0-9]/ {print $NF}' <<<"$cmp")
      differ=$(comm -3 <(edges "$d/c4j.txt") <(edges "$d/tetrad.txt") | wc -l)
    fi
    printf '%-12s %9s %9s %7s %7s %7s %7s %6s\n' "p$p-s$s" "$c4j_s" "$tet_s" "$c4j_adj" \
      "$tet_adj" "$c4j_arr" "$tet_arr" "$differ"
  done
done
