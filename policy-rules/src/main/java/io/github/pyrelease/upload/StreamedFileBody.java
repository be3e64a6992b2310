package io.github.pyrelease.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A file sent as a request body straight from disk: its length is known up front (so the request
 * has a {@code Content-Length}), and each write reads the file again, so a retried request sends
 * the whole file once more. Only okio's pooled segments are in memory, whatever the file's size.
 */
final class StreamedFileBody extends RequestBody {

  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private final Path file;
  private final long length;

  /**
   * @param length the size the file had when its digests were computed; a file that is not that
   *     size any more fails the write rather than send bytes the digests do not describe
   */
  StreamedFileBody(Path file, long length) {
    this.file = file;
    this.length = length;
  }

  @Override
  public MediaType contentType() {
    return OCTET_STREAM;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    long size = Files.size(file);
    if (size != length) {
      throw new FileChangedException(
          file.getFileName()
              + " is now "
              + size
              + " bytes, not the "
              + length
              + " its digests were computed from");
    }
    try (Source source = Okio.source(file)) {
      long written = sink.writeAll(source);
      if (written != length) {
        throw new FileChangedException(
            file.getFileName() + " changed while it was sent (" + written + " bytes read)");
      }
    }
  }

  /** The file changed after its digests were computed: the build must run again. */
  static final class FileChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    FileChangedException(String message) {
      super(message);
    }
  }
}
