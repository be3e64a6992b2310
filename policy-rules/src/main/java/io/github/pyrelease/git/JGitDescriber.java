package io.github.pyrelease.git;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Describes HEAD the way setuptools_scm asks git to, with JGit: the nearest tag with a digit in its
 * name (lightweight or annotated), the distance, the abbreviated node, whether tracked files are
 * dirty, the branch and HEAD's date.
 */
public final class JGitDescriber {

  /** git's shortest abbreviation, which small repositories get. */
  private static final int MIN_ABBREV = 7;

  private JGitDescriber() {}

  /**
   * Describes the work tree at {@code root}.
   *
   * @param searchParents whether {@code root} may be inside the work tree; otherwise it must be the
   *     work tree's top, as setuptools_scm requires by default
   * @return empty when {@code root} is no git work tree (then setuptools_scm uses its fallbacks)
   * @throws PyreleaseException when the repository cannot be read
   */
  public static Optional<GitDescription> describe(Path root, boolean searchParents) {
    Path top = root.toAbsolutePath().normalize();
    if (!searchParents && !Files.exists(top.resolve(Constants.DOT_GIT))) {
      return Optional.empty();
    }
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().setMustExist(true).findGitDir(top.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repository = builder.build();
        Git git = new Git(repository)) {
      if (repository.isBare()) {
        return Optional.empty();
      }
      return Optional.of(describe(repository, git));
    } catch (IOException | GitAPIException | JGitInternalException | IllegalArgumentException e) {
      throw new PyreleaseException(
          "cannot describe the git repository to compute the version: " + e.getMessage(),
          builder.getGitDir().toString(),
          "check the repository with 'git describe --tags --long' and 'git fsck'");
    }
  }

  private static GitDescription describe(Repository repository, Git git)
      throws IOException, GitAPIException {
    boolean dirty = dirty(git.status().call());
    String branch = branch(repository);
    ObjectId head = repository.resolve(Constants.HEAD);
    if (head == null) {
      return new GitDescription(null, 0, null, dirty, branch, null);
    }
    LocalDate date;
    int commits = 0;
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(head);
      Instant when = commit.getCommitterIdent().getWhenAsInstant();
      date = LocalDate.ofInstant(when, commit.getCommitterIdent().getZoneId());
      walk.markStart(commit);
      for (RevCommit ignored : walk) {
        commits++;
      }
    }
    GitDescribe.Described described;
    String node;
    try (RevWalk walk = new RevWalk(repository)) {
      described = GitDescribe.describe(repository, walk, walk.parseCommit(head));
      node = walk.getObjectReader().abbreviate(head, abbreviation(repository)).name();
    }
    if (described == null) {
      return new GitDescription(
          null, commits, "g" + head.name().substring(0, 7), dirty, branch, date);
    }
    return new GitDescription(
        described.tag(), (int) described.distance(), "g" + node, dirty, branch, date);
  }

  /** Tracked files that differ from HEAD, staged or not; untracked files do not count. */
  private static boolean dirty(Status status) {
    return !status.getAdded().isEmpty()
        || !status.getChanged().isEmpty()
        || !status.getRemoved().isEmpty()
        || !status.getMissing().isEmpty()
        || !status.getModified().isEmpty()
        || !status.getConflicting().isEmpty();
  }

  /** The branch as {@code git rev-parse --abbrev-ref HEAD} names it: {@code HEAD} when detached. */
  private static String branch(Repository repository) throws IOException {
    String full = repository.getFullBranch();
    if (full != null && full.startsWith(Constants.R_HEADS)) {
      return full.substring(Constants.R_HEADS.length());
    }
    return Constants.HEAD;
  }

  /**
   * The length git gives abbreviations by default ({@code core.abbrev} auto): half the bits of the
   * packed object count, rounded up, in hex digits, and at least 7. Loose objects do not count, as
   * in git's own estimate. The count is the last entry of each pack index's fan-out table.
   */
  static int abbreviation(Repository repository) {
    long count = 0;
    java.io.File common = repository.getCommonDirectory();
    Path packs =
        (common != null ? common : repository.getDirectory()).toPath().resolve("objects/pack");
    if (Files.isDirectory(packs)) {
      try (java.util.stream.Stream<Path> files = Files.list(packs)) {
        for (Path index : files.filter(f -> f.toString().endsWith(".idx")).toList()) {
          count += objectCount(index);
        }
      } catch (IOException e) {
        // no readable packs: git's estimate counts none either
      }
    }
    int bits = 64 - Long.numberOfLeadingZeros(count); // msb + 1
    return Math.max(MIN_ABBREV, (bits + 1) / 2);
  }

  /** Objects in one pack index (version 2 has an 8-byte header before its fan-out table). */
  private static long objectCount(Path index) {
    try (java.io.InputStream in = Files.newInputStream(index)) {
      byte[] head = in.readNBytes(8 + 256 * 4);
      boolean v2 = head.length >= 8 && (head[0] & 0xff) == 0xff && head[1] == 't';
      int last = (v2 ? 8 : 0) + 255 * 4;
      if (head.length < last + 4) {
        return 0;
      }
      return java.nio.ByteBuffer.wrap(head, last, 4).getInt() & 0xffffffffL;
    } catch (IOException e) {
      return 0;
    }
  }
}
