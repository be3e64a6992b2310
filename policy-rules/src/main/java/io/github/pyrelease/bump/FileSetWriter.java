package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces a set of files all together or not at all, even if the process is killed half way.
 *
 * <p>The protocol: (1) the old and new content of every file is written into a journal directory
 * and synced; (2) a manifest naming each file with the SHA-256 of its old and new content is
 * written to a temporary name, synced and renamed into place: from this moment the change exists;
 * (3) each file is replaced by writing its new content to a temporary file beside it and renaming
 * that over it (one atomic step per file, permissions kept); (4) the journal is deleted. A failure
 * in (3) restores the files already replaced and deletes the journal. A journal found by {@link
 * #recover} (the process died) is rolled back: every file that holds its new content gets its old
 * content back, so the tree ends all-old; a journal without a manifest died before any file was
 * touched and is just removed. A file that holds neither content was changed by someone else since:
 * recovery stops and says which, keeping the journal.
 */
public final class FileSetWriter {

  private static final String MANIFEST = "manifest";
  private static final String HEADER = "pyrelease-bump-journal 1";

  /** A test hook called before each file is replaced and once after the last. */
  @FunctionalInterface
  public interface FaultHook {
    /**
     * @param replaced how many files have been replaced so far
     * @param total how many files the set has
     */
    void before(int replaced, int total) throws IOException;

    FaultHook NONE = (replaced, total) -> {};
  }

  /** One file's new content. */
  public record Change(Path file, byte[] before, byte[] after) {}

  private final Path journal;
  private final FaultHook hook;

  /**
   * @param journal the journal directory (inside {@code .git} when the project is in a repository,
   *     so that it is never committed)
   */
  public FileSetWriter(Path journal, FaultHook hook) {
    this.journal = journal;
    this.hook = hook;
  }

  public Path journal() {
    return journal;
  }

  /** Writes every change or none. */
  public void write(List<Change> changes) {
    if (Files.exists(journal)) {
      throw new PyreleaseException(
          "an interrupted bump left its journal at " + journal,
          journal.toString(),
          "run the bump again: it rolls the interrupted one back first");
    }
    try {
      prepare(changes);
    } catch (IOException e) {
      deleteJournalQuietly();
      throw new PyreleaseException(
          "cannot prepare the bump: " + reason(e) + "; no file was changed",
          journal.toString(),
          "check that the disk is not full and the directory is writable",
          e);
    }
    int replaced = 0;
    try {
      for (Change change : changes) {
        hook.before(replaced, changes.size());
        replace(change.file(), change.after());
        replaced++;
      }
      hook.before(replaced, changes.size());
    } catch (IOException | RuntimeException e) {
      rollBack(changes, replaced, e);
    }
    deleteJournalQuietly();
  }

  private void rollBack(List<Change> changes, int replaced, Exception cause) {
    String failed = replaced < changes.size() ? changes.get(replaced).file().toString() : "the set";
    try {
      for (int i = replaced - 1; i >= 0; i--) {
        replace(changes.get(i).file(), changes.get(i).before());
      }
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot write "
              + failed
              + " ("
              + reason(cause)
              + "), and restoring the files already written failed too: "
              + reason(e),
          journal.toString(),
          "run the bump again to roll back from the journal, or restore the files with git",
          e);
    }
    deleteJournalQuietly();
    throw new PyreleaseException(
        "cannot write "
            + failed
            + ": "
            + reason(cause)
            + "; the "
            + replaced
            + " file(s) already written were restored, so nothing changed",
        failed,
        "fix the cause and run the bump again",
        cause);
  }

  private void prepare(List<Change> changes) throws IOException {
    Files.createDirectories(journal);
    StringBuilder manifest = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      writeSynced(journal.resolve("old-" + i), change.before());
      writeSynced(journal.resolve("new-" + i), change.after());
      manifest
          .append(i)
          .append('\t')
          .append(sha256(change.before()))
          .append('\t')
          .append(sha256(change.after()))
          .append('\t')
          .append(change.file().toAbsolutePath())
          .append('\n');
    }
    Path temp = journal.resolve(MANIFEST + ".tmp");
    writeSynced(temp, manifest.toString().getBytes(StandardCharsets.UTF_8));
    move(temp, journal.resolve(MANIFEST));
    syncDirectory(journal);
  }

  /**
   * Rolls back a bump that was interrupted.
   *
   * @return what was done, or empty when there was no journal
   * @throws PyreleaseException when a file changed since and cannot be restored safely
   */
  public Optional<String> recover() {
    if (!Files.isDirectory(journal)) {
      return Optional.empty();
    }
    Path manifest = journal.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      deleteJournalQuietly();
      return Optional.of("removed the journal of a bump interrupted before it changed any file");
    }
    try {
      List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        throw new PyreleaseException(
            "the bump journal " + manifest + " is not one pyrelease wrote",
            manifest.toString(),
            "remove " + journal + " after checking the files it names with git status");
      }
      List<String> conflicts = new ArrayList<>();
      int restored = 0;
      for (String line : lines.subList(1, lines.size())) {
        String[] parts = line.split("\t", 4);
        Path file = Path.of(parts[3]);
        Optional<String> now = hashIfPresent(file);
        if (now.isPresent() && now.get().equals(parts[2]) && !parts[1].equals(parts[2])) {
          replace(file, Files.readAllBytes(journal.resolve("old-" + parts[0])));
          restored++;
        } else if (now.isEmpty() || !now.get().equals(parts[1])) {
          conflicts.add(file.toString());
        }
      }
      if (!conflicts.isEmpty()) {
        throw new PyreleaseException(
            "an interrupted bump cannot be rolled back: "
                + String.join(", ", conflicts)
                + " changed since it was interrupted",
            journal.toString(),
            "the old contents are in "
                + journal
                + "/old-<n> (see its manifest); restore or keep the files by hand, then delete "
                + journal);
      }
      deleteJournalQuietly();
      return Optional.of(
          "rolled back an interrupted bump: restored "
              + restored
              + " of "
              + (lines.size() - 1)
              + " file(s) to their content before it");
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot roll back the interrupted bump in " + journal + ": " + reason(e),
          journal.toString(),
          "check the files named in its manifest with git status, then delete " + journal,
          e);
    }
  }

  /** Writes to a temporary file beside {@code target} and renames it over, keeping permissions. */
  static void replace(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".pyrelease.tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      copyPermissions(target, temp);
      move(temp, target);
      temp = null;
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
      Files.setPosixFilePermissions(to, permissions);
    } catch (UnsupportedOperationException | NoSuchFileException e) {
      // not a POSIX file system, or a new file: the defaults apply
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeSynced(Path file, byte[] content) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(content));
      channel.force(true);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some platforms cannot sync a directory; the rename is still atomic
    }
  }

  private static Optional<String> hashIfPresent(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? Optional.of(sha256(Files.readAllBytes(file)))
        : Optional.empty();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private void deleteJournalQuietly() {
    if (!Files.exists(journal)) {
      return;
    }
    try (Stream<Path> files = Files.walk(journal)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a journal left behind is found and cleaned by the next run
    }
  }

  private static String reason(Throwable e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
