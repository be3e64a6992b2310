package io.github.pyrelease.dist;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** An opened zip archive: its members in central directory order, and their contents. */
interface ZipSource extends Closeable {

  List<ZipMember> members();

  /** Whether the member's compression method (and encryption) can be read at all. */
  boolean canRead(ZipMember member);

  /** The member's uncompressed bytes. */
  InputStream open(ZipMember member) throws IOException;
}
