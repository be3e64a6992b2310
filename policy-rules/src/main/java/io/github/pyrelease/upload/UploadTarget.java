package io.github.pyrelease.upload;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.http.SecureUrls;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where a publishing stage uploads, and as whom.
 *
 * @param name the stage's name, for messages ({@code pypi}, {@code testpypi})
 * @param uploadUrl the legacy upload URL, such as {@code https://upload.pypi.org/legacy/}
 * @param indexUrl the index the files then show on, asked for a file's digest when the upload says
 *     it already exists (see {@link #defaultIndexUrl})
 * @param serverId the server id its credentials are kept under, for messages
 * @param credentials the credentials to send; {@code toString} shows them masked
 */
public record UploadTarget(
    String name, String uploadUrl, String indexUrl, String serverId, Credentials credentials) {

  public UploadTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uploadUrl, "uploadUrl");
    Objects.requireNonNull(indexUrl, "indexUrl");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** A target whose index is the {@linkplain #defaultIndexUrl default} of its upload URL. */
  public static UploadTarget of(
      String name, String uploadUrl, String serverId, Credentials credentials) {
    return new UploadTarget(name, uploadUrl, defaultIndexUrl(uploadUrl), serverId, credentials);
  }

  /**
   * The index an upload URL publishes to: {@code https://pypi.org/} for {@code
   * upload.pypi.org/legacy/}, {@code https://test.pypi.org/} for {@code test.pypi.org/legacy/},
   * else the upload URL without a trailing {@code legacy/} (as pypiserver and devpi lay it out).
   */
  public static String defaultIndexUrl(String uploadUrl) {
    HttpUrl url = HttpUrl.parse(uploadUrl);
    if (url != null) {
      String host = url.host().toLowerCase(Locale.ROOT);
      if (host.equals("upload.pypi.org") || host.equals("pypi.org")) {
        return "https://pypi.org/";
      }
      if (host.equals("test.pypi.org")) {
        return "https://test.pypi.org/";
      }
    }
    String base = uploadUrl.endsWith("/") ? uploadUrl : uploadUrl + "/";
    return base.endsWith("/legacy/") ? base.substring(0, base.length() - "legacy/".length()) : base;
  }

  /** The upload URL without user info, for messages. */
  public String shownUrl() {
    return SecureUrls.redact(uploadUrl);
  }
}
