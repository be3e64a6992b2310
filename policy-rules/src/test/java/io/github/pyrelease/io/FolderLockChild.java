package io.github.pyrelease.io;

import java.nio.file.Path;

/** Another JVM for {@link FolderLockTest}: appends its lines under the lock once told to go. */
final class FolderLockChild {

  private FolderLockChild() {}

  public static void main(String[] args) throws Exception {
    System.out.print("ready\n");
    System.out.flush();
    if (System.in.read() < 0) {
      return;
    }
    FolderLockTest.append(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
  }
}
