package io.github.pyrelease.dist;

/** What an archive member is. Installers and extractors treat anything but files with care. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  HARDLINK,
  /** A device, FIFO or other special file: never belongs in a distribution. */
  SPECIAL
}
