package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.concurrent.InParallel;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionFinder;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.ReadDepth;
import io.github.pyrelease.dist.ReadLimits;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

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
  private final Path projectDir;
  private final Wanted wanted;
  private List<Distribution> all;
  private Future<List<Read>> prefetched;
  private List<DescriptionCheck> decided;
  private Map<Distribution, DescriptionCheck> descriptions;

  /**
   * What the selected rules will want of the files.
   *
   * @param depth how much of each wheel to read: only as much as the rules that may run look at,
   *     since reading, and hashing most of all, is most of a check
   * @param descriptionsWhileReading decide each long description as its file is read: only worth it
   *     when a rule will ask for them (a wrong guess costs time, never a result)
   */
  record Wanted(ReadDepth depth, boolean descriptionsWhileReading) {

    /** Everything read and hashed; descriptions when first asked for. */
    static final Wanted ALL = new Wanted(ReadDepth.DIGESTS, false);
  }

  BuiltDistributions(Path dir, String display, String python) {
    this(dir, display, python, Wanted.ALL);
  }

  BuiltDistributions(Path dir, String display, String python, Wanted wanted) {
    this(dir, display, python, wanted, null);
  }

  /**
   * @param python the interpreter named for readme_renderer, or {@code null} to look for one that
   *     has it
   * @param projectDir the project, whose own virtual environment is looked in first
   */
  BuiltDistributions(Path dir, String display, String python, Wanted wanted, Path projectDir) {
    this.dir = dir;
    this.display = display;
    this.python = python;
    this.projectDir = projectDir;
    this.wanted = wanted;
  }

  /** The directory the files are read from. */
  Path path() {
    return dir;
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
      if (wanted.descriptionsWhileReading()) {
        decided = new ArrayList<>();
        read.forEach(r -> decided.add(r.description()));
      }
    }
    return all;
  }

  /** The result of {@code future}; an interrupt while waiting is the user stopping the run. */
  private <R> R await(Future<R> future) {
    try {
      return InParallel.result(future);
    } catch (CancellationException e) {
      throw interrupted();
    }
  }

  private PyreleaseException interrupted() {
    return new PyreleaseException("interrupted while reading " + display, display, null);
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
    DistributionReader reader = new DistributionReader(ReadLimits.DEFAULT, wanted.depth());
    try {
      return InParallel.map(
          files,
          file -> {
            Distribution d;
            try {
              d = reader.read(file, display + "/" + file.getFileName());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return new Read(
                d,
                wanted.descriptionsWhileReading()
                    ? DescriptionRenderer.decide(descriptionOf(d))
                    : null);
          },
          "pyrelease-read");
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause());
    } catch (CancellationException e) {
      throw interrupted();
    }
  }

  private PyreleaseException unreadable(IOException e) {
    return new PyreleaseException(
        "cannot read the distributions in " + display + ": " + e.getMessage(),
        display,
        "check that the directory and its files are readable");
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
          new DescriptionRenderer(python, projectDir)
              .completed(
                  texts,
                  decided != null
                      ? decided
                      : InParallel.map(texts, DescriptionRenderer::decide, "pyrelease-readme"));
      descriptions = new IdentityHashMap<>();
      for (int i = 0; i < dists.size(); i++) {
        descriptions.put(dists.get(i), checks.get(i));
      }
    }
    DescriptionCheck check = descriptions.get(distribution);
    return check != null
        ? check
        : new DescriptionRenderer(python, projectDir)
            .check(List.of(descriptionOf(distribution)))
            .get(0);
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
