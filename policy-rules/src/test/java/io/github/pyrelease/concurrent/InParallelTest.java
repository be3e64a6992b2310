package io.github.pyrelease.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InParallelTest {

  @Test
  void keepsTheItemsOrderWhateverOrderTheyFinishIn() {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();

    List<String> results =
        InParallel.map(
            items,
            i -> {
              // the early items take longest, so they finish last
              long until = System.nanoTime() + (200 - i) * 10_000L;
              while (System.nanoTime() < until) {
                Thread.onSpinWait();
              }
              return "item " + i;
            },
            "test-worker");

    assertThat(results).isEqualTo(items.stream().map(i -> "item " + i).toList());
  }

  @Test
  void runsOnAsManyThreadsAsThereAreCores() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    assumeThat(cores).isGreaterThan(1);
    CountDownLatch allStarted = new CountDownLatch(cores);
    Set<String> threads = ConcurrentHashMap.newKeySet();

    InParallel.map(
        IntStream.range(0, cores).boxed().toList(),
        i -> {
          threads.add(Thread.currentThread().getName() + "@" + Thread.currentThread().getId());
          allStarted.countDown();
          try {
            // every item waits for all the others: only true parallelism gets past this
            return allStarted.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        },
        "test-worker");

    assertThat(allStarted.getCount()).isZero();
    assertThat(threads).hasSize(cores).allMatch(name -> name.startsWith("test-worker@"));
  }

  @Test
  void rethrowsTheFirstFailingItemsExceptionUnwrapped() {
    UncheckedIOException third = new UncheckedIOException("third", new java.io.IOException());

    assertThatThrownBy(
            () ->
                InParallel.map(
                    List.of(1, 2, 3, 4, 5),
                    i -> {
                      if (i == 3) {
                        throw third;
                      }
                      if (i == 5) {
                        throw new IllegalArgumentException("fifth");
                      }
                      return i;
                    },
                    "test-worker"))
        .isSameAs(third);
  }

  @Test
  void oneItemRunsOnTheCallersThread() {
    String caller = Thread.currentThread().getName();

    assertThat(InParallel.map(List.of(1), i -> Thread.currentThread().getName(), "test-worker"))
        .containsExactly(caller);
  }
}
