package io.github.pyrelease.io;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive use of a folder that several writers update by read, merge and replace (a Pages site
 * that every module of a reactor publishes into): without it, two writers each merge with the old
 * content and the second replace loses the first's change. Held against threads of this JVM (a
 * {@code -T N} build) and against other processes (parallel CI jobs on one runner) through an OS
 * lock on a file beside the folder ({@code .<folder>.pyrelease.lock}), so the folder itself, often
 * a checkout of the Pages branch, holds only what it publishes.
 */
public final class FolderLock implements AutoCloseable {

  /**
   * One lock per folder for this JVM: the OS lock is held per process, so it alone does not keep
   * two threads apart (Java refuses an overlapping lock with an exception instead of waiting).
   */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock threads;
  private final FileChannel channel;
  private final FileLock processes;

  private FolderLock(ReentrantLock threads, FileChannel channel, FileLock processes) {
    this.threads = threads;
    this.channel = channel;
    this.processes = processes;
  }

  /**
   * Waits until no other thread or process holds {@code folder}, creating it if needed.
   *
   * @throws PyreleaseException when the folder or its lock file cannot be created
   */
  public static FolderLock acquire(Path folder) {
    Path key = folder.toAbsolutePath().normalize();
    ReentrantLock threads = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    threads.lock();
    FileChannel channel = null;
    try {
      Files.createDirectories(key);
      channel =
          FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new FolderLock(threads, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      threads.unlock();
      throw new PyreleaseException(
          "cannot lock " + key + " for writing: " + e.getMessage(),
          key.toString(),
          "check that the folder is writable",
          e);
    }
  }

  /** The empty file the OS lock is taken on; left in place, since deleting it would race. */
  static Path lockFile(Path folder) {
    Path parent = folder.getParent();
    return parent == null
        ? folder.resolve(".pyrelease.lock")
        : parent.resolve("." + folder.getFileName() + ".pyrelease.lock");
  }

  @Override
  public void close() {
    try {
      processes.release();
    } catch (IOException e) {
      // closing the channel below releases the lock as well
    } finally {
      closeQuietly(channel);
      threads.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
    }
  }
}
