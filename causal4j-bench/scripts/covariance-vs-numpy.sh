#!/usr/bin/env bash
# Covariance of the same n x p matrix by numpy (np.cov) and by Causal4J (CovarianceMatrix.of),
# each the median of several runs after a warm-up, and their ratio. The data (n*p*8 bytes, 800 MB
# at the default size) go to a file under /tmp, never into the repository.
#
# Usage: causal4j-bench/scripts/covariance-vs-numpy.sh [n] [p] [threads]
# Needs: python3 with numpy, and the benchmark jar:
#   ./mvnw -B -Pbench -pl causal4j-bench -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
p=${2:-1000}
threads=${3:-$(nproc)}
file=${COV_BENCH_FILE:-/tmp/causal4j-covbench-${n}x${p}.f64}
jar=causal4j-bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "build $jar first: ./mvnw -B -Pbench -pl causal4j-bench -am package -DskipTests" >&2; exit 1; }
# numpy may use every core through OpenBLAS; Java is given the same number of threads.
OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
  python3 causal4j-bench/scripts/covariance_vs_numpy.py "$file" "$n" "$p" | tee /tmp/causal4j-covbench-numpy.txt
java -Xmx$(( (n * p * 8 * 2) / 1000000000 + 3 ))g -cp "$jar" dev.causal4j.bench.jmh.CovarianceVsNumpy \
  "$file" "$n" "$p" "$threads" | tee /tmp/causal4j-covbench-java.txt
np_med=$(awk '/^NUMPY_MEDIAN/ {print $2}' /tmp/causal4j-covbench-numpy.txt)
java_med=$(awk '/^JAVA_MEDIAN/ {print $2}' /tmp/causal4j-covbench-java.txt)
python3 -c "print(f'n={$n} p={$p} threads={$threads}: numpy {$np_med:.3f} s, causal4j {$java_med:.3f} s, ratio java/numpy = {$java_med/$np_med:.2f}')"
