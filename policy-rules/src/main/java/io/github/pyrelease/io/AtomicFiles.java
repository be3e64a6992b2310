package io.github.pyrelease.io;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see the old content or the new, never a half-written file: the
 * content goes to a temporary file beside the target, which is then moved over it.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code target}, creating parent directories. */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target}, creating parent directories. */
  public static void write(Path target, byte[] bytes) {
    write(target, bytes, false);
  }

  /**
   * Writes {@code bytes} to {@code target} and forces them to the disk before the move, for a
   * record that must survive a crash of the machine, not only of the process.
   */
  public static void writeSynced(Path target, byte[] bytes) {
    write(target, bytes, true);
  }

  private static void write(Path target, byte[] bytes, boolean sync) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      if (sync) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
      } else {
        try (OutputStream out = Files.newOutputStream(temp)) {
          out.write(bytes);
        }
      }
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot write " + target + ": " + describe(e),
          target.toString(),
          "check that the directory exists, is writable and the disk is not full",
          e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The original error is the one worth reporting.
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
