package io.github.pyrelease.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A function of each item of a list, computed on as many threads as there are cores, the results in
 * the items' order: for work on independent items (files, distributions) that is all CPU.
 */
public final class InParallel {

  private InParallel() {}

  /**
   * {@code function} of each item, in order. A failure is rethrown as it was thrown (the first
   * item's that failed, in order), so callers see no wrapping.
   *
   * @param threadName what the threads are called (in thread dumps and profiles)
   * @throws CancellationException when this thread is interrupted while waiting (it stays
   *     interrupted)
   */
  public static <T, R> List<R> map(
      List<T> items, Function<? super T, ? extends R> function, String threadName) {
    int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    List<R> results = new ArrayList<>(items.size());
    if (threads <= 1) {
      for (T item : items) {
        results.add(function.apply(item));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<R>> pending = new ArrayList<>(items.size());
      for (T item : items) {
        pending.add(pool.submit(() -> function.apply(item)));
      }
      for (Future<R> future : pending) {
        results.add(result(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The result of {@code future}, its failure rethrown as it was thrown on the other thread. */
  public static <R> R result(Future<R> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("interrupted");
      cancelled.initCause(e);
      throw cancelled;
    }
  }
}
