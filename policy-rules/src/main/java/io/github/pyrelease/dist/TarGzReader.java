package io.github.pyrelease.dist;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an sdist in one pass over its gzip stream: every member is hashed as it streams past,
 * nothing is extracted, and only {@code <root>/PKG-INFO} is kept.
 */
final class TarGzReader {

  private final ReadLimits limits;

  TarGzReader(ReadLimits limits) {
    this.limits = limits;
  }

  record Contents(
      List<ArchiveEntry> entries,
      List<ArchiveProblem> problems,
      CoreMetadata pkgInfo,
      String metadataProblem) {}

  Contents read(Path file) {
    List<ArchiveEntry> entries = new ArrayList<>();
    List<ArchiveProblem> problems = new ArrayList<>();
    CoreMetadata pkgInfo = null;
    try (CountingStream counted =
            new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        GZIPInputStream gzip = openGzip(counted, problems);
        TarArchiveInputStream tar =
            gzip == null ? null : new TarArchiveInputStream(gzip, "UTF-8")) {
      if (tar == null) {
        return new Contents(entries, problems, null, null);
      }
      ReadBudget budget = new ReadBudget(limits, counted::count);
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar, entries.isEmpty(), problems)) != null) {
        if (entries.size() >= limits.maxEntries()) {
          problems.add(
              new ArchiveProblem(
                  ArchiveProblems.LIMIT,
                  "has more than "
                      + limits.maxEntries()
                      + " members, the most pyrelease reads; the rest were not checked"));
          break;
        }
        String name = entry.getName();
        String nameProblem = nameProblem(name);
        EntryType type = typeOf(entry);
        if (type != EntryType.FILE) {
          String target =
              type == EntryType.SYMLINK || type == EntryType.HARDLINK ? entry.getLinkName() : null;
          entries.add(new ArchiveEntry(name, type, 0, -1, -1, Map.of(), target, nameProblem, null));
          continue;
        }
        boolean isPkgInfo = isRootPkgInfo(name);
        ByteArrayOutputStream capture = isPkgInfo ? new ByteArrayOutputStream() : null;
        // no digests: an sdist has no RECORD, so nothing would compare them
        EntryDigests digests = new EntryDigests(Set.of());
        ReadBudget.Read got;
        try {
          got = budget.read(tar, digests, null, -1, -1, capture);
        } catch (IOException e) {
          problems.add(truncated(e, name));
          entries.add(
              new ArchiveEntry(
                  name, type, 0, entry.getSize(), -1, Map.of(), null, nameProblem, describe(e)));
          break;
        }
        entries.add(
            new ArchiveEntry(
                name,
                type,
                got.size(),
                entry.getSize(),
                -1,
                digests.finish(),
                null,
                nameProblem,
                got.stopped()));
        if (isPkgInfo && got.stopped() == null && capture.size() == got.size() && pkgInfo == null) {
          pkgInfo = CoreMetadataParser.parse(name, capture.toByteArray());
        }
        if (budget.exhausted() != null) {
          problems.add(new ArchiveProblem(ArchiveProblems.LIMIT, budget.exhausted()));
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(truncated(e, null));
    }
    String metadataProblem = null;
    if (pkgInfo == null) {
      for (ArchiveEntry e : entries) {
        if (isRootPkgInfo(e.name()) && metadataProblem == null) {
          metadataProblem = ZipReader.metadataProblem(entries, e.name(), limits);
        }
      }
    }
    return new Contents(entries, problems, pkgInfo, metadataProblem);
  }

  /**
   * commons-compress reads a byte that is not UTF-8 as '?', so a '?' means either that or a real
   * question mark, which Windows cannot store in a file name: both are worth a finding.
   */
  private static String nameProblem(String name) {
    if (name.indexOf('\uFFFD') >= 0) {
      return "the name is not valid UTF-8";
    }
    if (name.indexOf('?') >= 0) {
      return "the name is not valid UTF-8 (or holds a '?', which Windows cannot store in a file"
          + " name)";
    }
    return null;
  }

  private static GZIPInputStream openGzip(InputStream in, List<ArchiveProblem> problems)
      throws IOException {
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (ZipException | EOFException e) {
      problems.add(
          new ArchiveProblem(
              ArchiveProblems.UNREADABLE,
              "is not a gzip file (" + describe(e) + "); an sdist must be a gzipped tar"));
      return null;
    }
  }

  private static TarArchiveEntry nextEntry(
      TarArchiveInputStream tar, boolean first, List<ArchiveProblem> problems) {
    try {
      return tar.getNextEntry();
    } catch (IOException | RuntimeException e) {
      if (first) {
        problems.add(
            new ArchiveProblem(
                ArchiveProblems.UNREADABLE,
                "is not a tar archive inside its gzip stream (" + describe(e) + ")"));
      } else {
        problems.add(truncated(e, null));
      }
      return null;
    }
  }

  private static ArchiveProblem truncated(Exception e, String member) {
    String where = member == null ? "" : " in " + member;
    if (e instanceof EOFException) {
      return new ArchiveProblem(
          ArchiveProblems.TRUNCATED, "ends early" + where + " (" + describe(e) + "): truncated");
    }
    return new ArchiveProblem(
        ArchiveProblems.CORRUPT, "is corrupt" + where + " (" + describe(e) + ")");
  }

  private static EntryType typeOf(TarArchiveEntry entry) {
    if (entry.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    if (entry.isSymbolicLink()) {
      return EntryType.SYMLINK;
    }
    if (entry.isLink()) {
      return EntryType.HARDLINK;
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      return EntryType.SPECIAL;
    }
    return entry.isFile() ? EntryType.FILE : EntryType.SPECIAL;
  }

  /** {@code <root>/PKG-INFO}: the sdist's core metadata (not an egg-info copy deeper down). */
  private static boolean isRootPkgInfo(String name) {
    String trimmed = name.startsWith("./") ? name.substring(2) : name;
    int slash = trimmed.indexOf('/');
    return slash > 0 && trimmed.substring(slash + 1).equals("PKG-INFO");
  }

  private static String describe(Throwable e) {
    return ZipReader.describe(e);
  }

  /** Counts the compressed bytes the gzip stream has consumed, for the expansion ratio. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
