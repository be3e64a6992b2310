package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.git.GitCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyrelease publish} against two loopback indexes, the second behind an approval gate: the
 * stop, the resume that publishes each file once, the dry run, and the token kept out of the
 * output.
 */
class PublishCommandTest {

  private static final String TOKEN = "pypi-AgEIcHlwaS5vcmc-cli-secret-7f3a";
  private static final Map<String, String> ENV =
      Map.of("PYRELEASE_TESTPYPI_TOKEN", TOKEN, "PYRELEASE_PYPI_TOKEN", TOKEN);

  @TempDir Path dir;
  @TempDir Path home;

  private final MockWebServer server = new MockWebServer();
  private final List<String> uploads = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startTheIndexes() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().string(StandardCharsets.ISO_8859_1);
            int name = body.indexOf("filename=\"");
            uploads.add(
                request.getUrl().encodedPath()
                    + " "
                    + body.substring(name + 10, body.indexOf('"', name + 10)));
            return new MockResponse.Builder().code(200).body("OK").build();
          }
        });
    server.start();
    GitCli git = new GitCli(Files.createDirectories(home.resolve("home")));
    git.init(dir);
    CliFixture.project(dir, "1.0.0", "1.0.0");
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    Path dist = Files.createDirectories(dir.resolve("target/dist"));
    new Archives.Wheel("demo", "1.0.0").write(dist);
    Files.writeString(
        dir.resolve("release-policy.yaml"),
        """
        rules:
          upstream-synced: off
          version-unpublished: off
        publish:
          - { name: testpypi, type: index, url: "%s" }
          - { name: pypi, type: index, url: "%s", gate: approval }
        """
            .formatted(server.url("/testpypi/legacy/"), server.url("/pypi/legacy/")));
    git.run(dir, "add", "-A");
    git.run(dir, "commit", "-q", "-m", "Release 1.0.0");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void anApprovalGateStopsTheReleaseAndTheApprovedRunFinishesIt() throws Exception {
    CliFixture.Run stopped = CliFixture.run(ENV, false, "", "publish", dir.toString());

    assertThat(stopped.exit()).as(stopped.out() + stopped.err()).isEqualTo(ExitCode.RULE_FAILED);
    assertThat(stopped.out()).contains("The release preconditions passed.");
    assertThat(stopped.err())
        .contains("pyrelease: stage 'pypi' waits for approval before it publishes demo 1.0.0")
        .contains("fix: approve it and run again: pyrelease publish --approve pypi");
    assertThat(uploads).containsExactly("/testpypi/legacy/ demo-1.0.0-py3-none-any.whl");

    CliFixture.Run approved =
        CliFixture.run(ENV, false, "", "publish", dir.toString(), "--approve", "pypi");

    assertThat(approved.exit()).as(approved.out() + approved.err()).isZero();
    assertThat(uploads)
        .containsExactly(
            "/testpypi/legacy/ demo-1.0.0-py3-none-any.whl",
            "/pypi/legacy/ demo-1.0.0-py3-none-any.whl");
    JsonNode state =
        new ObjectMapper().readTree(dir.resolve("target/pyrelease/publish-state.json").toFile());
    assertThat(state.path("stages").get(0).path("status").asText()).isEqualTo("done");
    assertThat(state.path("stages").get(1).path("status").asText()).isEqualTo("done");
    assertThat(state.path("stages").get(1).path("gates").path("approval").path("by").asText())
        .isEqualTo("pyrelease.approve");
    assertThat(stopped.out() + stopped.err() + approved.out() + approved.err())
        .doesNotContain(TOKEN);
    assertThat(Files.readString(dir.resolve("target/pyrelease/publish-state.json")))
        .doesNotContain(TOKEN);
  }

  @Test
  void theFinishedReleaseRecordsItsUrlsAndHandsThemToGithubActions() throws Exception {
    Path summary = home.resolve("summary.md");
    Path output = home.resolve("output.txt");
    Map<String, String> actions = new java.util.HashMap<>(ENV);
    actions.put("GITHUB_STEP_SUMMARY", summary.toString());
    actions.put("GITHUB_OUTPUT", output.toString());

    CliFixture.Run run =
        CliFixture.run(actions, false, "", "publish", dir.toString(), "--approve", "all");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    String testpypi = server.url("/testpypi/simple/demo/").toString();
    String pypi = server.url("/pypi/simple/demo/").toString();
    assertThat(run.out())
        .contains("published [testpypi] " + testpypi + " (1 file)")
        .contains("published [pypi] " + pypi + " (1 file)");
    JsonNode published =
        new ObjectMapper().readTree(dir.resolve("target/pyrelease/published.json").toFile());
    assertThat(published.path("version").asText()).isEqualTo("1.0.0");
    assertThat(published.path("urls").toString())
        .isEqualTo("[\"" + testpypi + "\",\"" + pypi + "\"]");
    assertThat(published.path("stages").get(1).path("files").get(0).path("file").asText())
        .isEqualTo("demo-1.0.0-py3-none-any.whl");
    assertThat(Files.readString(summary))
        .contains("| stage | type | where | files |")
        .contains("| pypi | index | " + pypi + " | 1 |");
    List<String> outputs = Files.readAllLines(output);
    assertThat(outputs)
        .contains(
            "published-json=" + dir.resolve("target/pyrelease/published.json").toAbsolutePath(),
            testpypi,
            pypi,
            "testpypi-url=" + testpypi,
            "pypi-url=" + pypi);
    String delimiter = outputs.get(1).substring("urls<<".length());
    assertThat(outputs.get(4)).isEqualTo(delimiter);
    assertThat(Files.readString(summary) + String.join("\n", outputs)).doesNotContain(TOKEN);
  }

  @Test
  void aPersonAtTheTerminalApprovesTheStage() {
    CliFixture.Run run = CliFixture.run(ENV, true, "yes\n", "publish", dir.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(uploads).hasSize(2);
  }

  @Test
  void aDryRunSendsAndRecordsNothing() {
    CliFixture.Run run = CliFixture.run(ENV, false, "", "publish", dir.toString(), "--dry-run");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Dry run: nothing was published.");
    assertThat(uploads).isEmpty();
    assertThat(dir.resolve("target/pyrelease/publish-state.json")).doesNotExist();
  }

  @Test
  void aBrokenReleaseRuleStopsBeforeAnyUpload() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "not committed\n"); // clean-tree fails

    CliFixture.Run run =
        CliFixture.run(ENV, false, "", "publish", dir.toString(), "--approve", "all");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.RULE_FAILED);
    assertThat(run.out()).contains("FAIL  clean-tree");
    assertThat(uploads).isEmpty();
  }
}
