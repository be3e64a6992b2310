package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.git.GitCli;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyrelease publish} with a notify stage after an index, both on one loopback server: the
 * summary posted once, a failing webhook that leaves the release published and recorded, the dry
 * run, and the webhook's secret path in no output or file.
 */
class PublishNotifyCommandTest {

  private static final String KEY = "T9CLI/B9CLI/cliW3bh00kS3cr3t";
  private static final String TOKEN = "pypi-AgEIcHlwaS5vcmc-cli-notify-secret";

  @TempDir Path dir;
  @TempDir Path home;

  private final MockWebServer server = new MockWebServer();
  private final List<String> uploads = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notifications = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger webhookStatus = new AtomicInteger(200);
  private Map<String, String> env;

  @BeforeEach
  void startTheIndexAndTheWebhook() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().string(StandardCharsets.UTF_8);
            if (request.getUrl().encodedPath().startsWith("/hooks/")) {
              notifications.add(body);
              int status = webhookStatus.get();
              return new MockResponse.Builder()
                  .code(status)
                  .body(status == 200 ? "ok" : "invalid_token")
                  .build();
            }
            uploads.add(request.getUrl().encodedPath());
            return new MockResponse.Builder().code(200).body("OK").build();
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    String origin = "http://127.0.0.1:" + server.getPort();
    env =
        Map.of("PYRELEASE_PYPI_TOKEN", TOKEN, "PYRELEASE_NOTIFY_WEBHOOK", origin + "/hooks/" + KEY);
    GitCli git = new GitCli(Files.createDirectories(home.resolve("home")));
    git.init(dir);
    CliFixture.project(dir, "1.0.0", "1.0.0");
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    new Archives.Wheel("demo", "1.0.0").write(Files.createDirectories(dir.resolve("target/dist")));
    Files.writeString(
        dir.resolve("release-policy.yaml"),
        """
        rules:
          upstream-synced: off
          version-unpublished: off
        publish:
          - { name: pypi, type: index, url: "%s/pypi/legacy/" }
          - { name: notify, type: notify }
        """
            .formatted(origin));
    git.run(dir, "add", "-A");
    git.run(dir, "commit", "-q", "-m", "Release 1.0.0");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void theSummaryIsPostedOnceAndAResumeDoesNotPostItAgain() throws Exception {
    CliFixture.Run first = CliFixture.run(env, false, "", "publish", dir.toString());
    CliFixture.Run again = CliFixture.run(env, false, "", "publish", dir.toString());

    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(again.exit()).as(again.out() + again.err()).isZero();
    assertThat(uploads).containsExactly("/pypi/legacy/");
    assertThat(notifications).hasSize(1);
    JsonNode body = new ObjectMapper().readTree(notifications.get(0));
    String page = server.url("/pypi/simple/demo/").toString().replace("localhost", "127.0.0.1");
    assertThat(body.path("text").asText()).isEqualTo("demo 1.0.0 is published (pypi):\n" + page);
    assertThat(body.path("urls").path("index").get(0).asText()).isEqualTo(page);
    assertThat(first.out())
        .contains("[notify] posting the release's summary to http://127.0.0.1:")
        .contains("(environment PYRELEASE_NOTIFY_WEBHOOK)");
    assertThat(again.out()).contains("[notify] done earlier");
    JsonNode published =
        new ObjectMapper().readTree(dir.resolve("target/pyrelease/published.json").toFile());
    assertThat(published.path("stages")).hasSize(1);
    assertNoSecret(first, again);
  }

  @Test
  void aRefusedNotificationFailsTheRunButThePublishedReleaseStaysRecorded() throws Exception {
    webhookStatus.set(403);
    Path output = home.resolve("github-output.txt");
    Map<String, String> actions = new HashMap<>(env);
    actions.put("GITHUB_OUTPUT", output.toString());

    CliFixture.Run failed = CliFixture.run(actions, false, "", "publish", dir.toString());

    assertThat(failed.exit()).as(failed.out() + failed.err()).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(failed.err())
        .contains(
            "release-policy.yaml:6:5: the release is published, but the notify stage 'notify'"
                + " failed: the webhook at http://127.0.0.1:"
                + server.getPort()
                + " answered 403")
        .contains(": invalid_token")
        .contains("fix: check the webhook URL in environment PYRELEASE_NOTIFY_WEBHOOK");
    assertThat(dir.resolve("target/pyrelease/published.json")).exists();
    assertThat(Files.readString(output)).contains("pypi-url=");

    webhookStatus.set(200);
    CliFixture.Run resumed = CliFixture.run(env, false, "", "publish", dir.toString());

    assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
    assertThat(uploads).hasSize(1);
    assertThat(notifications).hasSize(2);
    assertNoSecret(failed, resumed);
    assertThat(Files.readString(output)).doesNotContain(KEY);
  }

  @Test
  void aDryRunPrintsTheBodyAndPostsNothing() throws Exception {
    CliFixture.Run run = CliFixture.run(env, false, "", "publish", dir.toString(), "--dry-run");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("[notify] would POST this JSON to the webhook at http://127.0.0.1:")
        .contains("[notify]   \"name\" : \"demo\",");
    assertThat(notifications).isEmpty();
    assertThat(uploads).isEmpty();
    assertNoSecret(run);
  }

  private void assertNoSecret(CliFixture.Run... runs) throws Exception {
    StringBuilder all = new StringBuilder();
    for (CliFixture.Run run : runs) {
      all.append(run.out()).append(run.err());
    }
    for (String file : List.of("publish-state.json", "published.json")) {
      Path path = dir.resolve("target/pyrelease").resolve(file);
      if (Files.exists(path)) {
        all.append(Files.readString(path));
      }
    }
    assertThat(all.toString()).isNotBlank().doesNotContain(KEY).doesNotContain(TOKEN);
  }
}
