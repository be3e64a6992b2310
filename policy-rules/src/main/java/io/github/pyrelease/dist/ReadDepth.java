package io.github.pyrelease.dist;

/**
 * How much of a wheel is read: what the selected rules will look at, since reading every member is
 * most of a check's time, and hashing it most of that. An sdist is always read whole (its metadata
 * can be anywhere in one gzip stream) and never hashed (it has no RECORD).
 */
public enum ReadDepth {

  /**
   * The listing and the metadata files ({@code METADATA}, {@code WHEEL}), as {@code twine check}
   * reads a wheel: enough for the metadata and file-name checks. Every other member is listed with
   * its declared sizes and not read.
   */
  METADATA,

  /** Every member, streamed and checked against its sizes and CRC-32: the contents check. */
  CONTENTS,

  /** Every member, also hashed with the algorithms RECORD names: the RECORD check. */
  DIGESTS
}
