package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.Gate;
import io.github.pyrelease.publish.plan.PublishStage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify-install gate against a loopback PEP 503 index, with Debian's python3 and pip. */
class VenvInstallCheckTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir Path dir;

  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final List<String> requested = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();

  @BeforeEach
  void serveAnIndex() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          synchronized (requested) {
            requested.add(path);
          }
          byte[] body = served.get(path);
          exchange
              .getResponseHeaders()
              .add("Content-Type", path.endsWith("/") ? "text/html" : "application/octet-stream");
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void installsTheVersionFromTheIndexAndImportsItsModules() {
    serve(new Archives.Wheel("acme-widgets", "1.4.0"));

    String verified = check().verify(stage(), release("1.4.0"));

    assertThat(verified)
        .isEqualTo("acme-widgets 1.4.0 installed from " + simpleUrl() + ", imported acme_widgets");
    assertThat(requested)
        .contains("/simple/acme-widgets/", "/files/acme_widgets-1.4.0-py3-none-any.whl");
    assertThat(logged).anyMatch(l -> l.contains("--no-deps") && l.contains("acme-widgets==1.4.0"));
  }

  @Test
  void aPackageThatDoesNotImportFailsTheGateWithPythonsWords() {
    Archives.Wheel wheel =
        new Archives.Wheel("acme-widgets", "1.4.0")
            .file("acme_widgets/__init__.py", "import acme_missing_dependency\n");
    serve(wheel);

    assertThatThrownBy(() -> check().verify(stage(), release("1.4.0")))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining(
            "acme-widgets 1.4.0 installs from " + simpleUrl() + " but does not import")
        .hasMessageContaining("No module named 'acme_missing_dependency'");
  }

  @Test
  void aVersionTheIndexDoesNotHaveFailsTheGate() {
    serve(new Archives.Wheel("acme-widgets", "1.3.0"));

    assertThatThrownBy(() -> check().verify(stage(), release("1.4.0")))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("acme-widgets 1.4.0 does not install from " + simpleUrl())
        .hasMessageContaining("acme-widgets==1.4.0");
  }

  private void serve(Archives.Wheel wheel) {
    byte[] bytes = wheel.bytes();
    String name = wheel.fileName();
    served.put("/files/" + name, bytes);
    served.put(
        "/simple/acme-widgets/",
        ("<!DOCTYPE html><html><body><a href=\"/files/"
                + name
                + "#sha256="
                + sha256(bytes)
                + "\">"
                + name
                + "</a></body></html>")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String simpleUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
  }

  private VenvInstallCheck check() {
    PublishLog log = PublishLog.of(logged::add, logged::add);
    return new VenvInstallCheck(
        PYTHON, "pyrelease.python", stage -> simpleUrl(), Duration.ofMinutes(3), log);
  }

  private static PublishStage.Index stage() {
    return new PublishStage.Index(
        "testpypi",
        "http://127.0.0.1/legacy/",
        null,
        "testpypi",
        null,
        Set.of(Gate.VERIFY_INSTALL),
        new Position("release-policy.yaml", 3, 5));
  }

  private static Release release(String version) {
    return new Release("acme-widgets", version, List.of(), "acme-widgets " + version, "", false);
  }
}
