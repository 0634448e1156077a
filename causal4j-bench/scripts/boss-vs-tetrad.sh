#!/usr/bin/env bash
# BOSS of Causal4J and of Tetrad 7.6.6 side by side in one JVM (see BossVsTetrad.java): medians
# of wall and thread-CPU time over alternating runs, and adjacency/arrowhead F1 of each CPDAG.
#
# Usage: causal4j-bench/scripts/boss-vs-tetrad.sh [sizes] [reps] [grasp]
#   e.g. causal4j-bench/scripts/boss-vs-tetrad.sh 200,500 5
# Needs: Java 21+ (Tetrad 7.6.6 is compiled for it; set JAVA21 to its java, default the Temurin
# 25 on the development machine), Tetrad and its dependencies in ~/.m2 (test scope only, never
# shipped), and the benchmark jar:
#   ./mvnw -B -Pbench -pl causal4j-bench -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=${1:-200,500}
reps=${2:-5}
java21=${JAVA21:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jar=causal4j-bench/target/benchmarks.jar
m2=${M2_REPO:-$HOME/.m2/repository}
[ -f "$jar" ] || { echo "build $jar first: ./mvnw -B -Pbench -pl causal4j-bench -am package -DskipTests" >&2; exit 1; }
[ -x "$java21" ] || { echo "no Java 21+ at $java21; set JAVA21 (Tetrad 7.6.6 needs Java 21+)" >&2; exit 1; }
tetrad="$m2/io/github/cmu-phil/tetrad-lib/7.6.6/tetrad-lib-7.6.6.jar"
[ -f "$tetrad" ] || { echo "no $tetrad; fetch it with ./mvnw dependency:get -Dartifact=io.github.cmu-phil:tetrad-lib:7.6.6" >&2; exit 1; }
# tetrad-lib's published pom lists no dependencies; these are the ones its BOSS and GRaSP load.
cp="$jar:$tetrad:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
cp="$cp:$m2/org/ejml/ejml-core/0.44.0/ejml-core-0.44.0.jar:$m2/org/ejml/ejml-ddense/0.44.0/ejml-ddense-0.44.0.jar"
exec "$java21" -Xmx8g -Djava.util.prefs.userRoot=/tmp/causal4j-prefs -cp "$cp" \
  causal4j-bench/scripts/BossVsTetrad.java "$sizes" "$reps" "${3:-}"
