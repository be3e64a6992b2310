package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionFinder;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.dist.readme.DescriptionRenderer;
import io.github.pyrelease.policy.DistributionFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The distributions in the dist directory, each read once, and their long descriptions rendered
 * once for all of them together (so readme_renderer, when needed at all, starts once).
 */
final class BuiltDistributions implements DistributionFacts {

  private final Path dir;
  private final String display;
  private final String python;
  private List<Distribution> all;
  private Map<Distribution, DescriptionCheck> descriptions;

  BuiltDistributions(Path dir, String display, String python) {
    this.dir = dir;
    this.display = display;
    this.python = python;
  }

  @Override
  public String directory() {
    return display;
  }

  @Override
  public synchronized List<Distribution> all() {
    if (all == null) {
      all = readAll();
    }
    return all;
  }

  /** Reads the files in parallel (each is independent), keeping their order. */
  private List<Distribution> readAll() {
    List<Path> files;
    try {
      files = DistributionFinder.find(dir);
    } catch (IOException e) {
      throw unreadable(e);
    }
    DistributionReader reader = new DistributionReader();
    int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<Distribution> read = new ArrayList<>();
      for (Path file : files) {
        read.add(readOne(reader, file));
      }
      return List.copyOf(read);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      List<Future<Distribution>> pending = new ArrayList<>();
      for (Path file : files) {
        pending.add(pool.submit(() -> readOne(reader, file)));
      }
      List<Distribution> read = new ArrayList<>();
      for (Future<Distribution> f : pending) {
        read.add(f.get());
      }
      return List.copyOf(read);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PyreleaseException("interrupted while reading " + display, display, null);
    } finally {
      pool.shutdownNow();
    }
  }

  private Distribution readOne(DistributionReader reader, Path file) {
    try {
      return reader.read(file, display + "/" + file.getFileName());
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private PyreleaseException unreadable(IOException e) {
    return new PyreleaseException(
        "cannot read the distributions in " + display + ": " + e.getMessage(),
        display,
        "check that the directory and its files are readable");
  }

  private static ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "pyrelease-read");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public synchronized DescriptionCheck description(Distribution distribution) {
    if (descriptions == null) {
      List<Distribution> dists = all();
      List<DescriptionRenderer.Description> texts = new ArrayList<>();
      for (Distribution d : dists) {
        texts.add(
            d.coreMetadata()
                .map(
                    m ->
                        new DescriptionRenderer.Description(
                            m.value("Description-Content-Type").orElse(null),
                            m.description().orElse(null)))
                .orElse(new DescriptionRenderer.Description(null, null)));
      }
      List<DescriptionCheck> checks = new DescriptionRenderer(python).check(texts);
      descriptions = new IdentityHashMap<>();
      for (int i = 0; i < dists.size(); i++) {
        descriptions.put(dists.get(i), checks.get(i));
      }
    }
    DescriptionCheck check = descriptions.get(distribution);
    return check != null
        ? check
        : new DescriptionRenderer(python)
            .check(
                List.of(
                    new DescriptionRenderer.Description(
                        distribution
                            .coreMetadata()
                            .flatMap(m -> m.value("Description-Content-Type"))
                            .orElse(null),
                        distribution.coreMetadata().flatMap(m -> m.description()).orElse(null))))
            .get(0);
  }
}
