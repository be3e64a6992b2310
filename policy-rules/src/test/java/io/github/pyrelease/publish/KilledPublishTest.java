package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishState.Status;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publishing JVM killed with SIGKILL between stages and in the middle of one: the state file
 * tells exactly what the index has, and the next run finishes the release without sending any file
 * twice.
 */
class KilledPublishTest {

  private static final String TOKEN = "pypi-killed-test-token-77";
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]+)\"");

  @TempDir Path dir;

  private HttpServer server;

  /** "stage file" to the number of uploads the index accepted. */
  private final Map<String, Integer> accepted = new ConcurrentHashMap<>();

  private Path dist;
  private Path out;

  @BeforeEach
  void startIndexAndBuild() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    dist = Files.createDirectories(dir.resolve("dist"));
    new Archives.Wheel("acme-widgets", "1.4.0").write(dist);
    Files.write(
        dist.resolve("acme_widgets-1.4.0.tar.gz"),
        Archives.tarGz(
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0"))));
    out = dir.resolve("out");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void killedBetweenStagesTheNextRunPublishesOnlyTheRest() throws Exception {
    killAfter("stage a");

    PublishState recorded = new PublishStateFile(out).read().orElseThrow();
    assertThat(recorded.stage("a").orElseThrow().status()).isEqualTo(Status.DONE);
    assertThat(recorded.stage("b")).isEmpty();
    assertThat(accepted)
        .containsOnlyKeys("a acme_widgets-1.4.0.tar.gz", "a acme_widgets-1.4.0-py3-none-any.whl");

    runToTheEnd();

    assertThat(accepted)
        .containsOnlyKeys(
            "a acme_widgets-1.4.0.tar.gz",
            "a acme_widgets-1.4.0-py3-none-any.whl",
            "b acme_widgets-1.4.0.tar.gz",
            "b acme_widgets-1.4.0-py3-none-any.whl")
        .allSatisfy((file, count) -> assertThat(count).as(file).isEqualTo(1));
    assertThat(new PublishStateFile(out).read().orElseThrow().stages())
        .allMatch(s -> s.status() == Status.DONE);
  }

  @Test
  void killedInTheMiddleOfAStageTheNextRunSendsOnlyTheMissingFile() throws Exception {
    killAfter("file a acme_widgets-1.4.0.tar.gz");

    PublishState recorded = new PublishStateFile(out).read().orElseThrow();
    assertThat(recorded.stage("a").orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(recorded.stage("a").orElseThrow().files())
        .extracting(PublishState.FileState::file)
        .containsExactly("acme_widgets-1.4.0.tar.gz");
    assertThat(accepted).containsOnlyKeys("a acme_widgets-1.4.0.tar.gz");

    runToTheEnd();

    assertThat(accepted).hasSize(4).allSatisfy((file, count) -> assertThat(count).isEqualTo(1));
  }

  private void killAfter(String step) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KilledPublishMain.class.getName());
    command.addAll(List.of(dist.toString(), out.toString(), indexUrl(), TOKEN, step));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.add(line);
        if (line.equals("STOPPED AFTER " + step)) {
          process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
          break;
        }
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as(String.join("\n", output)).contains("STOPPED AFTER " + step);
    assertThat(process.exitValue()).isEqualTo(137);
  }

  private void runToTheEnd() {
    KilledPublishMain.publisher(out, indexUrl(), TOKEN, null)
        .publish(
            new Release(
                "acme-widgets", "1.4.0", ReleaseFiles.read(dist), "acme-widgets 1.4.0", "", false));
  }

  private String indexUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** An index that takes each new file once and answers 200 to the identical file again. */
  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (exchange.getRequestMethod().equals("POST") && path.endsWith("/legacy/")) {
      String stage = path.substring(1, path.indexOf('/', 1));
      Matcher name = FILENAME.matcher(new String(body, StandardCharsets.ISO_8859_1));
      if (name.find()) {
        accepted.merge(stage + " " + name.group(1), 1, Integer::sum);
      }
      respond(exchange, 200, "OK");
    } else {
      respond(exchange, 404, "Not Found");
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream response = exchange.getResponseBody()) {
      response.write(bytes);
    }
  }
}
