package io.github.pyrelease.pages;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces several files as one change: every new content is first written to a temporary file
 * beside its target, and only when all are written are they moved into place (each move atomic). A
 * failure while writing changes nothing; a failure while moving puts back what was moved, so a
 * reader never sees a project page without the list that names it, or half a page.
 */
final class StagedFiles {

  /** Moves a written temporary file over its target (a seam for tests to fail a move). */
  interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  /**
   * One file to replace.
   *
   * @param target the file
   * @param content its new content
   * @param previous its content now, or {@code null} when it does not exist (to put it back)
   */
  record Change(Path target, byte[] content, byte[] previous) {}

  static final Mover ATOMIC_MOVE =
      (source, target) -> {
        try {
          Files.move(
              source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      };

  private static final String FIX =
      "check that the folder is writable and the disk is not full, then run again (a published"
          + " release is merged, never listed twice)";

  private final Mover mover;

  StagedFiles(Mover mover) {
    this.mover = mover;
  }

  /**
   * Replaces the files of {@code changes}, in order.
   *
   * @throws PyreleaseException when a file cannot be written; the files are then as before
   */
  void commit(List<Change> changes) {
    List<Path> createdDirectories = new ArrayList<>();
    List<Path> temps = new ArrayList<>();
    Change current = null;
    try {
      for (Change change : changes) {
        current = change;
        Path dir = change.target().toAbsolutePath().getParent();
        createDirectories(dir, createdDirectories);
        Path temp = Files.createTempFile(dir, "." + change.target().getFileName(), ".tmp");
        temps.add(temp);
        Files.write(temp, change.content());
      }
    } catch (IOException | UncheckedIOException e) {
      deleteAll(temps);
      removeEmpty(createdDirectories);
      throw new PyreleaseException(
          "cannot write " + current.target() + ": " + describe(e) + "; no page was changed",
          current.target().toString(),
          FIX,
          e);
    }
    int moved = 0;
    try {
      for (; moved < changes.size(); moved++) {
        mover.move(temps.get(moved), changes.get(moved).target());
      }
    } catch (IOException | RuntimeException e) {
      List<Path> unrestored = putBack(changes.subList(0, moved));
      deleteAll(temps.subList(moved, temps.size()));
      removeEmpty(createdDirectories);
      Path failed = changes.get(moved).target();
      String outcome =
          unrestored.isEmpty()
              ? "; the pages written before it were put back as they were"
              : "; these could not be put back and now hold the new content: " + unrestored;
      throw new PyreleaseException(
          "cannot move the new " + failed + " into place: " + describe(e) + outcome,
          failed.toString(),
          FIX,
          e);
    }
  }

  private static void createDirectories(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    Files.createDirectories(dir);
    created.addAll(missing);
  }

  /** Puts the old contents back, newest first; returns the files it could not. */
  private static List<Path> putBack(List<Change> moved) {
    List<Path> unrestored = new ArrayList<>();
    for (int i = moved.size() - 1; i >= 0; i--) {
      Change change = moved.get(i);
      try {
        if (change.previous() == null) {
          Files.deleteIfExists(change.target());
        } else {
          AtomicFiles.write(change.target(), change.previous());
        }
      } catch (IOException | PyreleaseException e) {
        unrestored.add(change.target());
      }
    }
    return unrestored;
  }

  private static void deleteAll(List<Path> temps) {
    for (Path temp : temps) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The original failure is the one to report.
      }
    }
  }

  /** Removes the directories this change created, deepest first, if nothing else is in them. */
  private static void removeEmpty(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException ignored) {
        // Not empty (another file landed there) or gone: either way leave it.
      }
    }
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String message = cause.getMessage();
    return message == null
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + " " + message;
  }
}
