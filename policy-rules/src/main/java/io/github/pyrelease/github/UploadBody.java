package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * An asset's bytes streamed from disk as the raw request body (GitHub's upload is not multipart),
 * with a fixed {@code Content-Length}, hashed on the way so what was sent can be checked against
 * the digest the build computed. Never the whole file in memory.
 */
final class UploadBody extends RequestBody {

  private final AssetFile asset;
  private final long length;
  private volatile String sentSha256;

  UploadBody(AssetFile asset) {
    this.asset = asset;
    try {
      this.length = Files.size(asset.path());
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + asset.path() + ": " + e.getMessage(),
          asset.path().toString(),
          "build the distributions again",
          e);
    }
  }

  long length() {
    return length;
  }

  @Override
  public MediaType contentType() {
    return MediaType.get(asset.contentType());
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    MessageDigest sha256 = newSha256();
    byte[] buffer = new byte[1 << 16];
    long written = 0;
    try (InputStream in = Files.newInputStream(asset.path())) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        sink.write(buffer, 0, n);
        sha256.update(buffer, 0, n);
        written += n;
      }
    }
    if (written != length) {
      throw new IOException(asset.path() + " changed size while it was uploaded");
    }
    sentSha256 = HexFormat.of().formatHex(sha256.digest());
  }

  /** The sha256 of the bytes last sent, or {@code null} before a whole body went out. */
  String sentSha256() {
    return sentSha256;
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
