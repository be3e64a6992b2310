package io.github.pyrelease.secrets;

import java.io.IOException;
import java.io.InputStream;

/** Receives the files of a scan, one at a time, streamed. */
@FunctionalInterface
public interface ContentSink {

  /**
   * One file.
   *
   * @param path the path rules' path patterns and fingerprints see (relative, with {@code /})
   * @param location how findings name the file
   * @param commit the commit it comes from, or {@code null}
   * @param size its size when known, else -1
   * @param content its bytes; read at most as far as the scan needs, closed by the caller
   */
  void accept(String path, String location, String commit, long size, InputStream content)
      throws IOException;
}
