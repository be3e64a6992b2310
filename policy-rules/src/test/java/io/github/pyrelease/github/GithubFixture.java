package io.github.pyrelease.github;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.dist.FileDigests;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Files to release, a client for a fake GitHub, and a listener that records what it hears. */
final class GithubFixture {

  static final String REPOSITORY = "acme/tool";
  static final String TOKEN = "ghp_FAKE0123456789abcdefghijklmnopqrstuvwx";
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final Path dir;
  final List<Duration> sleeps = new ArrayList<>();
  final Recorder listener = new Recorder();

  GithubFixture(Path dir) {
    this.dir = dir;
  }

  /** A file of {@code size} random bytes (seeded, so reruns build the same files). */
  AssetFile file(String name, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Path path = dir.resolve(name);
    Files.write(path, bytes);
    FileDigests digests = FileDigests.of(path);
    return AssetFile.of(path, digests.sha256(), digests.size());
  }

  /** A wheel, an sdist and their SHA256SUMS. */
  List<AssetFile> dists(String version) throws IOException {
    AssetFile wheel = file("acme-" + version + "-py3-none-any.whl", 150_000, 1);
    AssetFile sdist = file("acme-" + version + ".tar.gz", 90_000, 2);
    Path sums = dir.resolve(Sha256Sums.FILE_NAME);
    Files.writeString(
        sums,
        Sha256Sums.of(
            java.util.Map.of(wheel.name(), wheel.sha256(), sdist.name(), sdist.sha256())));
    FileDigests digests = FileDigests.of(sums);
    return List.of(wheel, sdist, AssetFile.of(sums, digests.sha256(), digests.size()));
  }

  static HttpSettings settings() {
    // quick transport retries; a Retry-After longer than 1 s is left to the client's rate limiting
    return HttpSettings.defaults("pyrelease-test")
        .withRetries(
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
        .withCallTimeout(Duration.ofSeconds(30));
  }

  GithubClient client(String apiUrl, String token) {
    return new GithubClient(
        apiUrl,
        new Credentials("x-access-token", Secret.of(token), "environment PYRELEASE_GITHUB_TOKEN"),
        settings(),
        CLOCK,
        sleeps::add,
        Duration.ofSeconds(60));
  }

  GithubReleases releases(FakeGithub github) {
    return new GithubReleases(client(github.apiUrl(), TOKEN), sleeps::add, Duration.ofMillis(1));
  }

  GithubReleaseRequest.Builder request(String tag, List<AssetFile> assets) {
    return GithubReleaseRequest.builder(REPOSITORY, tag)
        .name("acme " + tag.substring(1))
        .body("## Changes\n- faster\n")
        .assets(assets)
        .listener(listener);
  }

  /** Records every event as a line, and can stop the run at the n-th event as a kill would. */
  static final class Recorder implements GithubReleaseListener {
    final List<String> events = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    int killAt = -1;

    private void event(String line) {
      events.add(line);
      if (events.size() == killAt) {
        throw new Killed(line);
      }
    }

    @Override
    public void draftCreated(GithubRelease draft) {
      event("draft created " + draft.id());
    }

    @Override
    public void draftReused(GithubRelease draft) {
      event("draft reused " + draft.id());
    }

    @Override
    public void assetUploaded(AssetFile asset, String url) {
      event("uploaded " + asset.name() + " " + url);
    }

    @Override
    public void assetPresent(AssetFile asset, String url) {
      event("present " + asset.name() + " " + url);
    }

    @Override
    public void published(GithubRelease release) {
      event("published " + release.htmlUrl());
    }

    @Override
    public void log(String line) {
      log.add(line);
    }
  }

  /** The process "dies" here. */
  static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed(String at) {
      super("killed after: " + at);
    }
  }
}
