package dev.causal4j.discovery;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent pieces of a search on a fixed number of threads. Callers write each piece's
 * result into its own slot and combine the slots in index order afterwards, which is what keeps
 * every search's output the same on one thread or many.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Calls {@code body} for {@code 0..n-1} on {@code threads} threads (in the calling thread when
   * {@code threads == 1}), and returns when all are done. An exception from any call is rethrown;
   * an interrupt of the calling thread stops the work with a {@link CancellationException}.
   */
  public static void forEach(int threads, int n, IntConsumer body) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1; got " + threads);
    }
    if (threads == 1 || n < 2) {
      for (int i = 0; i < n; i++) {
        checkCancelled();
        body.accept(i);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
        checkCancelled();
        body.accept(i);
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the search was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Throws {@link CancellationException} if the current thread was interrupted. */
  public static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the search was interrupted");
    }
  }

  /** The number of processors the JVM may use: the default thread count. */
  public static int availableThreads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
