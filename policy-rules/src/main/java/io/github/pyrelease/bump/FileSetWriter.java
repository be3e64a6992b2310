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
 * <p>The protocol: (1) the old and new content of every file is written into one journal data file
 * and synced; (2) a manifest naming each file with the SHA-256 of its old and new content and where
 * both are in the data file is written to a temporary name, synced and renamed into place: from
 * this moment the change exists; (3) each file is replaced by writing its new content to a
 * temporary file beside it and renaming that over it (one atomic step per file, permissions kept);
 * (4) the journal is deleted. Three syncs in all, whatever the number of files: the work-tree files
 * themselves are not synced one by one, as git does not sync them either; a rename is atomic for
 * every process that survives, which is what the kill test proves. A failure in (3) restores the
 * files already replaced and deletes the journal. A journal found by {@link #recover} (the process
 * died) is rolled back: every file that holds its new content gets its old content back, so the
 * tree ends all-old; a journal without a manifest died before any file was touched and is just
 * removed. A file that holds neither content was changed by someone else since: recovery stops and
 * says which, keeping the journal. A file the set creates has no old content: rolling it back
 * deletes it.
 */
public final class FileSetWriter {

  private static final String MANIFEST = "manifest";
  private static final String DATA = "data";
  private static final String HEADER = "pyrelease-bump-journal 3";

  /** Journals of earlier versions, which never create a file, are still rolled back. */
  private static final String OLD_HEADER = "pyrelease-bump-journal 2";

  /** The old length and hash a manifest line gives a file that did not exist. */
  private static final String ABSENT = "absent";

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

  /**
   * One file's new content.
   *
   * @param before its content now, or {@code null} when the set creates it
   */
  public record Change(Path file, byte[] before, byte[] after) {

    boolean creates() {
      return before == null;
    }
  }

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
        restore(changes.get(i).file(), changes.get(i).before());
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
    long offset = 0;
    try (FileChannel data =
        FileChannel.open(
            journal.resolve(DATA), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (Change change : changes) {
        byte[] before = change.creates() ? new byte[0] : change.before();
        writeFully(data, before);
        writeFully(data, change.after());
        // old offset, old length, new length, old hash, new hash, file
        manifest
            .append(offset)
            .append('\t')
            .append(change.creates() ? ABSENT : String.valueOf(before.length))
            .append('\t')
            .append(change.after().length)
            .append('\t')
            .append(change.creates() ? ABSENT : sha256(before))
            .append('\t')
            .append(sha256(change.after()))
            .append('\t')
            .append(change.file().toAbsolutePath())
            .append('\n');
        offset += before.length + (long) change.after().length;
      }
      data.force(true);
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
      if (lines.isEmpty() || !(lines.get(0).equals(HEADER) || lines.get(0).equals(OLD_HEADER))) {
        throw new PyreleaseException(
            "the bump journal " + manifest + " is not one pyrelease wrote",
            manifest.toString(),
            "remove " + journal + " after checking the files it names with git status");
      }
      List<String> conflicts = new ArrayList<>();
      int restored = 0;
      try (FileChannel data = FileChannel.open(journal.resolve(DATA), StandardOpenOption.READ)) {
        for (String line : lines.subList(1, lines.size())) {
          String[] parts = line.split("\t", 6);
          Path file = Path.of(parts[5]);
          Optional<String> now = hashIfPresent(file);
          boolean created = parts[3].equals(ABSENT);
          if (now.isPresent() && now.get().equals(parts[4]) && !parts[3].equals(parts[4])) {
            restore(
                file,
                created
                    ? null
                    : read(data, Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[3]));
            restored++;
          } else if (created ? now.isPresent() : now.isEmpty() || !now.get().equals(parts[3])) {
            conflicts.add(file.toString());
          }
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
                + "/data at the offsets its manifest gives; restore or keep the files by hand,"
                + " then delete "
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

  /** The old content of an entry, checked against its hash. */
  private byte[] read(FileChannel data, long offset, int length, String hash) throws IOException {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (data.read(buffer, offset + buffer.position()) < 0) {
        break;
      }
    }
    byte[] content = buffer.array();
    if (buffer.hasRemaining() || !sha256(content).equals(hash)) {
      throw new PyreleaseException(
          "the bump journal " + journal + " is damaged: an old content does not match its hash",
          journal.toString(),
          "restore the files it names with git (git checkout -- FILE), then delete " + journal);
    }
    return content;
  }

  /** Gives {@code target} its old content back, or deletes it when it did not exist before. */
  private static void restore(Path target, byte[] before) throws IOException {
    if (before == null) {
      Files.deleteIfExists(target);
    } else {
      replace(target, before);
    }
  }

  /** Writes to a temporary file beside {@code target} and renames it over, keeping permissions. */
  static void replace(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".pyrelease.tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        writeFully(channel, content);
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
      writeFully(channel, content);
      channel.force(true);
    }
  }

  private static void writeFully(FileChannel channel, byte[] content) throws IOException {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
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
    MessageDigest digest;
    try {
      // a clone is much cheaper than a provider lookup, and a bump hashes every file twice
      digest = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      digest = newSha256();
    }
    return HexFormat.of().formatHex(digest.digest(content));
  }

  private static final MessageDigest SHA_256 = newSha256();

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
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
