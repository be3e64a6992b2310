package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionFinder;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.dist.readme.DescriptionRenderer;
import io.github.pyrelease.policy.DistributionFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The distributions in the dist directory, each read once, and their long descriptions checked once
 * for all of them together (so readme_renderer, when needed at all, starts once). Both are done on
 * every core: each file, and each description, is independent of the others. When the descriptions
 * will be wanted, each is decided by pyrelease's own check right after its file is read, on the
 * same thread.
 */
final class BuiltDistributions implements DistributionFacts {

  private final Path dir;
  private final String display;
  private final String python;
  private final boolean decideWhileReading;
  private List<Distribution> all;
  private Future<List<Read>> prefetched;
  private List<DescriptionCheck> decided;
  private Map<Distribution, DescriptionCheck> descriptions;

  BuiltDistributions(Path dir, String display, String python) {
    this(dir, display, python, false);
  }

  /**
   * @param decideWhileReading decide each long description as its file is read: only worth it when
   *     a rule will ask for them (a wrong guess costs time, never a result)
   */
  BuiltDistributions(Path dir, String display, String python, boolean decideWhileReading) {
    this.dir = dir;
    this.display = display;
    this.python = python;
    this.decideWhileReading = decideWhileReading;
  }

  @Override
  public String directory() {
    return display;
  }

  /**
   * Starts reading the files in the background: {@link #all} then waits for that read instead of
   * starting its own. Only worth it when a rule will ask for them (a wrong guess costs time, never
   * a result).
   */
  synchronized void prefetch() {
    if (all == null && prefetched == null) {
      FutureTask<List<Read>> read = new FutureTask<>(this::readAll);
      Thread thread = new Thread(read, "pyrelease-prefetch");
      thread.setDaemon(true);
      thread.start();
      prefetched = read;
    }
  }

  @Override
  public synchronized List<Distribution> all() {
    if (all == null) {
      List<Read> read = prefetched != null ? await(prefetched) : readAll();
      prefetched = null;
      all = List.copyOf(read.stream().map(Read::distribution).toList());
      if (decideWhileReading) {
        decided = new ArrayList<>();
        read.forEach(r -> decided.add(r.description()));
      }
    }
    return all;
  }

  /** The result of {@code future}, its failure rethrown as it was thrown on the other thread. */
  private <R> R await(Future<R> future) {
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
      throw new PyreleaseException("interrupted while reading " + display, display, null);
    }
  }

  /** A distribution, and what its description was decided to be ({@code null}: not yet). */
  private record Read(Distribution distribution, DescriptionCheck description) {}

  private List<Read> readAll() {
    List<Path> files;
    try {
      files = DistributionFinder.find(dir);
    } catch (IOException e) {
      throw unreadable(e);
    }
    DistributionReader reader = new DistributionReader();
    try {
      return inParallel(
          files,
          file -> {
            Distribution d;
            try {
              d = reader.read(file, display + "/" + file.getFileName());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return new Read(
                d, decideWhileReading ? DescriptionRenderer.decide(descriptionOf(d)) : null);
          });
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause());
    }
  }

  /** {@code function} of each item, in order, on as many threads as there are cores. */
  private <T, R> List<R> inParallel(List<T> items, Function<T, R> function) {
    int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    List<R> results = new ArrayList<>();
    if (threads <= 1) {
      for (T item : items) {
        results.add(function.apply(item));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, BuiltDistributions::daemon);
    try {
      List<Future<R>> pending = new ArrayList<>();
      for (T item : items) {
        pending.add(pool.submit((Callable<R>) () -> function.apply(item)));
      }
      for (Future<R> f : pending) {
        results.add(await(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private PyreleaseException unreadable(IOException e) {
    return new PyreleaseException(
        "cannot read the distributions in " + display + ": " + e.getMessage(),
        display,
        "check that the directory and its files are readable");
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "pyrelease-read");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public synchronized DescriptionCheck description(Distribution distribution) {
    if (descriptions == null) {
      List<Distribution> dists = all();
      List<DescriptionRenderer.Description> texts = new ArrayList<>();
      for (Distribution d : dists) {
        texts.add(descriptionOf(d));
      }
      List<DescriptionCheck> checks =
          new DescriptionRenderer(python)
              .completed(
                  texts,
                  decided != null ? decided : inParallel(texts, DescriptionRenderer::decide));
      descriptions = new IdentityHashMap<>();
      for (int i = 0; i < dists.size(); i++) {
        descriptions.put(dists.get(i), checks.get(i));
      }
    }
    DescriptionCheck check = descriptions.get(distribution);
    return check != null
        ? check
        : new DescriptionRenderer(python).check(List.of(descriptionOf(distribution))).get(0);
  }

  private static DescriptionRenderer.Description descriptionOf(Distribution d) {
    return d.coreMetadata()
        .map(
            m ->
                new DescriptionRenderer.Description(
                    m.value("Description-Content-Type").orElse(null), m.description().orElse(null)))
        .orElse(new DescriptionRenderer.Description(null, null));
  }
}
