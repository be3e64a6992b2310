package io.github.pyrelease.policyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.policy.Level;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned policies over https, with the production client settings, on this machine only. */
class RemotePoliciesTlsTest {

  private static final String POLICY = "rules:\n  version-pep440: info\n";

  @TempDir Path dir;
  private final MockWebServer https = new MockWebServer();
  private final MockWebServer plain = new MockWebServer();
  private RemotePolicies remote;

  @BeforeEach
  void start() throws Exception {
    HeldCertificate localhost =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(localhost).build();
    HandshakeCertificates client =
        new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
    https.useHttps(server.sslSocketFactory());
    https.start(InetAddress.getLoopbackAddress(), 0);
    plain.start(InetAddress.getLoopbackAddress(), 0);
    remote =
        new RemotePolicies(
            dir.resolve("cache"),
            false,
            RemotePolicies.clientDefaults()
                .sslSocketFactory(client.sslSocketFactory(), client.trustManager())
                .build(),
            Duration.ofMillis(10));
  }

  @AfterEach
  void stop() {
    https.close();
    plain.close();
  }

  private LoadedPolicy load(String path) {
    String url =
        https.url(path).newBuilder().host("localhost").build()
            + "#sha256="
            + PolicyBytes.sha256(POLICY.getBytes(StandardCharsets.UTF_8));
    PolicyFiles.write(dir, "release-policy.yaml", "extends: \"" + url + "\"\n");
    return PolicyFiles.loader(getClass().getClassLoader(), remote).load(null, dir, dir);
  }

  @Test
  void aPolicyIsFetchedOverHttps() {
    https.enqueue(new MockResponse.Builder().body(POLICY).build());

    assertThat(load("/p.yaml").policy().settings().get("version-pep440").level())
        .isEqualTo(Level.INFO);
  }

  @Test
  void aRedirectFromHttpsToPlainHttpIsNotFollowed() {
    plain.enqueue(new MockResponse.Builder().body(POLICY).build());
    https.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", plain.url("/p.yaml").toString())
            .build());

    assertThatThrownBy(() -> load("/moved.yaml"))
        .hasMessageContaining(
            ": HTTP 302 redirects to " + plain.url("/p.yaml") + ", which is not followed");
    assertThat(plain.getRequestCount()).isZero();
  }
}
