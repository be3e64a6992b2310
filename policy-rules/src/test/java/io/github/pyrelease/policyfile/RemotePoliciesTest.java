package io.github.pyrelease.policyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.policy.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned policies over HTTP, against a server on this machine only. */
class RemotePoliciesTest {

  private static final String ORG_POLICY =
      "rules:\n  version-pep440: { level: error, locked: true }\n";

  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path, String body) {
    return server.url(path)
        + "#sha256="
        + PolicyBytes.sha256(body.getBytes(StandardCharsets.UTF_8));
  }

  private LoadedPolicy load(String extendsUrl, boolean offline) {
    PolicyFiles.write(dir, "release-policy.yaml", "extends: \"" + extendsUrl + "\"\n");
    return PolicyFiles.loader(
            getClass().getClassLoader(), PolicyFiles.remote(dir.resolve("cache"), offline))
        .load(null, dir, dir);
  }

  @Test
  void aPinnedPolicyIsFetchedVerifiedCachedAndThenUsedOffline() throws Exception {
    server.enqueue(new MockResponse.Builder().body(ORG_POLICY).build());
    String url = url("/org/release-policy.yaml", ORG_POLICY);

    LoadedPolicy first = load(url, false);
    LoadedPolicy offline = load(url, true);

    assertThat(first.policy().settings().get("version-pep440").level()).isEqualTo(Level.ERROR);
    assertThat(first.files().get(0)).isEqualTo(server.url("/org/release-policy.yaml").toString());
    assertThat(offline.policy()).isEqualTo(first.policy());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(
            Files.readString(
                dir.resolve("cache").resolve(url.substring(url.indexOf('=') + 1) + ".yaml")))
        .isEqualTo(ORG_POLICY);
  }

  @Test
  void aChangedFileBehindThePinIsRefusedWithBothDigests() {
    server.enqueue(new MockResponse.Builder().body(ORG_POLICY.replace("error", "off")).build());
    String url = url("/p.yaml", ORG_POLICY);

    assertThatThrownBy(() -> load(url, false))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageStartingWith("the policy at " + server.url("/p.yaml") + " has sha256 ")
        .hasMessageEndingWith(" but the policy pins #sha256=" + url.substring(url.indexOf('=') + 1))
        .satisfies(
            e ->
                assertThat(((PolicyFileException) e).where())
                    .isEqualTo("release-policy.yaml:1:10"));
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void aCorruptCacheEntryIsFetchedAgain() throws Exception {
    String url = url("/p.yaml", ORG_POLICY);
    Path cached = dir.resolve("cache").resolve(url.substring(url.indexOf('=') + 1) + ".yaml");
    Files.createDirectories(cached.getParent());
    Files.writeString(cached, "rules: {}\n");
    server.enqueue(new MockResponse.Builder().body(ORG_POLICY).build());

    load(url, false);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(Files.readString(cached)).isEqualTo(ORG_POLICY);
  }

  @Test
  void offlineWithoutACachedCopySaysHowToGetOne() {
    String url = url("/p.yaml", ORG_POLICY);

    assertThatThrownBy(() -> load(url, true))
        .hasMessageContaining("is not in the policy cache")
        .hasMessageContaining("and the build is offline");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().body(ORG_POLICY).build());

    load(url("/p.yaml", ORG_POLICY), false);

    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void notFoundIsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(404).build());

    assertThatThrownBy(() -> load(url("/gone.yaml", ORG_POLICY), false))
        .hasMessage("cannot fetch " + server.url("/gone.yaml") + ": HTTP 404 Client Error");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anOversizedBodyIsRefused() {
    server.enqueue(new MockResponse.Builder().body("#".repeat(PolicyBytes.MAX_BYTES + 1)).build());

    assertThatThrownBy(() -> load(url("/big.yaml", ORG_POLICY), false))
        .hasMessageContaining("a policy file may have at most 1048576 bytes");
  }
}
