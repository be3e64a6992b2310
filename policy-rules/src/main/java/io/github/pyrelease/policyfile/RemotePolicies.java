package io.github.pyrelease.policyfile;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches policies from pinned URLs and keeps them in a content-addressed cache ({@code
 * <sha256>.yaml}), so a build that fetched a policy once keeps working offline, and a changed file
 * behind the URL is noticed rather than obeyed.
 */
public final class RemotePolicies {

  private static final int ATTEMPTS = 3;
  private static final long MAX_RETRY_AFTER_SECONDS = 10;

  private final Path cacheDir;
  private final boolean offline;
  private final Supplier<OkHttpClient> client;
  private final Duration backoff;

  /**
   * @param cacheDir where fetched policies are kept
   * @param offline never fetch: only what the cache holds is available
   */
  public RemotePolicies(Path cacheDir, boolean offline) {
    // Built on the first download only: building it loads the TLS stack and the trust store, which
    // costs a command-line run more than most checks do, and most runs fetch no policy at all.
    this(cacheDir, offline, new LazyClient(), Duration.ofMillis(500));
  }

  RemotePolicies(Path cacheDir, boolean offline, OkHttpClient client, Duration backoff) {
    this(cacheDir, offline, () -> client, backoff);
  }

  private RemotePolicies(
      Path cacheDir, boolean offline, Supplier<OkHttpClient> client, Duration backoff) {
    this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    this.offline = offline;
    this.client = client;
    this.backoff = backoff;
  }

  /** The default client, built once when first asked for. */
  private static final class LazyClient implements Supplier<OkHttpClient> {
    private OkHttpClient client;

    @Override
    public synchronized OkHttpClient get() {
      if (client == null) {
        client = clientDefaults().build();
      }
      return client;
    }
  }

  /** {@code $XDG_CACHE_HOME/pyrelease/policies}, else {@code ~/.cache/pyrelease/policies}. */
  public static Path defaultCacheDir(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("pyrelease").resolve("policies");
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /** The client's settings; tests add their own trust store to them. */
  static OkHttpClient.Builder clientDefaults() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(20))
        .callTimeout(Duration.ofSeconds(60))
        // A redirect from https to http would drop the transport security the pin relies on.
        .followSslRedirects(false);
  }

  /** The policy's bytes, from the cache or the network, always with the pinned digest. */
  byte[] fetch(PolicyLocation.Remote url, Position namedAt) {
    Path cached = cacheDir.resolve(url.sha256() + ".yaml");
    byte[] hit = readCache(cached, url.sha256());
    if (hit != null) {
      return hit;
    }
    if (offline) {
      throw PolicyFileException.of(
          namedAt,
          url.display() + " is not in the policy cache " + cacheDir + " and the build is offline",
          "run the build once online so the policy is cached, or copy the file to " + cached);
    }
    byte[] bytes = download(url, namedAt);
    String actual = PolicyBytes.sha256(bytes);
    if (!actual.equals(url.sha256())) {
      throw PolicyFileException.of(
          namedAt,
          "the policy at "
              + url.display()
              + " has sha256 "
              + actual
              + " but the policy pins #sha256="
              + url.sha256(),
          "if the change at that URL is expected, review it and pin the new digest; if not, find"
              + " out who changed the file (the old pin keeps protecting you)");
    }
    try {
      AtomicFiles.write(cached, bytes);
    } catch (PyreleaseException e) {
      // The policy was fetched and verified; a cache that cannot be written only costs a fetch.
    }
    return bytes;
  }

  /** The cached bytes when present and intact; a corrupt entry is removed and fetched again. */
  private static byte[] readCache(Path cached, String sha256) {
    try (InputStream in = Files.newInputStream(cached)) {
      byte[] bytes = PolicyBytes.readLimited(in);
      if (bytes != null && PolicyBytes.sha256(bytes).equals(sha256)) {
        return bytes;
      }
      Files.deleteIfExists(cached);
      return null;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private byte[] download(PolicyLocation.Remote url, Position namedAt) {
    Request request =
        new Request.Builder().url(url.url().toString()).header("User-Agent", "pyrelease").build();
    String lastProblem = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long waitSeconds = 0;
      try (Response response = client.get().newCall(request).execute()) {
        int code = response.code();
        if (code == 200) {
          return body(response, url, namedAt);
        }
        lastProblem =
            "HTTP " + code + (response.message().isEmpty() ? "" : " " + response.message());
        if (code >= 300 && code < 400) {
          throw PolicyFileException.of(
              namedAt,
              "cannot fetch "
                  + url.display()
                  + ": HTTP "
                  + code
                  + " redirects to "
                  + response.header("Location", "nowhere")
                  + ", which is not followed (https only, never to plain http)",
              "name the final https URL of the policy");
        }
        if (code != 429 && code < 500) {
          throw PolicyFileException.of(
              namedAt,
              "cannot fetch " + url.display() + ": " + lastProblem,
              code == 404
                  ? "check the URL"
                  : "check the URL and that the policy is public (policy URLs take no credentials)");
        }
        waitSeconds = retryAfter(response.header("Retry-After"));
      } catch (IOException e) {
        lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      if (attempt < ATTEMPTS) {
        pause(waitSeconds > 0 ? Duration.ofSeconds(waitSeconds) : backoff.multipliedBy(attempt));
      }
    }
    throw PolicyFileException.of(
        namedAt,
        "cannot fetch " + url.display() + " after " + ATTEMPTS + " attempts: " + lastProblem,
        "check the network; once fetched, the policy is cached in "
            + cacheDir
            + " for offline builds");
  }

  private static byte[] body(Response response, PolicyLocation.Remote url, Position namedAt)
      throws IOException {
    ResponseBody body = response.body();
    if (body.contentLength() > PolicyBytes.MAX_BYTES) {
      throw PolicyFileException.of(
          namedAt,
          url.display() + " " + PolicyBytes.tooLarge(body.contentLength()),
          "check the URL");
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = PolicyBytes.readLimited(in);
      if (bytes == null) {
        throw PolicyFileException.of(
            namedAt, url.display() + " " + PolicyBytes.tooLarge(-1), "check the URL");
      }
      return bytes;
    }
  }

  private static long retryAfter(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return 0; // an HTTP date: the usual backoff is close enough for a policy file
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PyreleaseException("interrupted while fetching a policy", null, null, e);
    }
  }
}
