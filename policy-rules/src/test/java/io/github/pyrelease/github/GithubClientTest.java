package io.github.pyrelease.github;

import static io.github.pyrelease.github.GithubFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.github.GithubReleaseResult.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client's conventions, errors and rate limits, against the fake GitHub. */
class GithubClientTest {

  @TempDir Path dir;

  private GithubFixture fixture;
  private FakeGithub github;
  private List<AssetFile> dists;

  /** Everything a user could see: messages, fixes, log lines. */
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fixture = new GithubFixture(dir);
    github = new FakeGithub(GithubFixture.REPOSITORY, TOKEN);
    dists = fixture.dists("1.0");
  }

  @AfterEach
  void noTokenAnywhere() {
    github.stop();
    seen.addAll(fixture.listener.log);
    seen.addAll(fixture.listener.events);
    assertThat(String.join("\n", seen)).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4));
  }

  private PyreleaseException failure(GithubReleases releases, GithubReleaseRequest request) {
    try {
      releases.publish(request);
    } catch (PyreleaseException e) {
      seen.add(e.describe());
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  private PyreleaseException failure(GithubReleaseRequest request) {
    return failure(fixture.releases(github), request);
  }

  @Test
  void everyRequestCarriesGithubsHeadersAndTheBearerToken() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(
          new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());
      GithubClient client = fixture.client(server.url("/").toString(), TOKEN);

      assertThat(client.publishedRelease(GithubRepository.parse("acme/tool"), "v1.0+local"))
          .isEmpty();

      RecordedRequest request = server.takeRequest();
      assertThat(request.getUrl().encodedPath())
          .isEqualTo("/repos/acme/tool/releases/tags/v1.0+local");
      assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
      assertThat(request.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(request.getHeaders().get("User-Agent")).isEqualTo("pyrelease-test");
    }
  }

  @Test
  void githubEnterpriseServerWorksUnderItsApiPathWithUploadsWhereUploadUrlSays() throws Exception {
    FakeGithub enterprise =
        new FakeGithub(GithubFixture.REPOSITORY, TOKEN, "/api/v3", "/api/uploads");
    try {
      assertThat(enterprise.apiUrl()).endsWith("/api/v3");

      GithubReleaseResult result =
          fixture.releases(enterprise).publish(fixture.request("v1.0", dists).build());

      assertThat(result.outcome()).isEqualTo(Outcome.PUBLISHED);
      assertThat(enterprise.requests)
          .allMatch(
              r ->
                  r.contains(" /api/v3/repos/acme/tool/")
                      || r.contains(" /api/uploads/repos/acme/tool/"));
      assertThat(enterprise.uploads()).isEqualTo(3);
      // a trailing slash on the base URL changes nothing
      GithubClient slash = fixture.client(enterprise.apiUrl() + "/", TOKEN);
      assertThat(slash.publishedRelease(GithubRepository.parse("acme/tool"), "v1.0")).isPresent();
    } finally {
      enterprise.stop();
    }
  }

  @Test
  void aBadTokenIs401AndSaysSo() {
    GithubReleases releases =
        new GithubReleases(
            fixture.client(github.apiUrl(), "ghp_WRONG"), fixture.sleeps::add, Duration.ZERO);

    PyreleaseException e = failure(releases, fixture.request("v1.0", dists).build());

    assertThat(e).isInstanceOf(GithubApiException.class);
    assertThat(((GithubApiException) e).status()).isEqualTo(401);
    assertThat(e.getMessage())
        .contains(
            "GitHub refused the token from environment PYRELEASE_GITHUB_TOKEN (401 Bad credentials)");
    assertThat(e.fix()).contains("wrong, expired or revoked").contains("contents: write");
  }

  @Test
  void aTokenWithoutWriteAccessIs403AndNamesThePermission() {
    github.canWrite = false;

    PyreleaseException e = failure(fixture.request("v1.0", dists).build());

    assertThat(e.getMessage())
        .contains("GitHub refused creating a draft release of tag v1.0 in acme/tool")
        .contains("403 Resource not accessible by personal access token")
        .contains("lacks a permission");
    assertThat(e.fix()).contains("'contents: write'").contains("permissions: contents: write");
    assertThat(github.releases).isEmpty();
  }

  @Test
  void aServerThatRepeatsTheTokenInItsMessageHasItMasked() {
    github.canWrite = false;
    github.echoAuthorization = true;

    PyreleaseException e = failure(fixture.request("v1.0", dists).build());

    assertThat(e.getMessage()).contains("(Bearer ******)");
  }

  @Test
  void aMissingRepositoryOrOneTheTokenCannotSeeIs404AndSaysBoth() {
    PyreleaseException e =
        failure(
            GithubReleaseRequest.builder("acme/nope", "v1.0")
                .assets(dists)
                .listener(fixture.listener)
                .build());

    assertThat(e.getMessage())
        .contains("GitHub answered 404 to listing the releases of acme/nope")
        .contains(
            "the repository acme/nope does not exist, or the token from environment"
                + " PYRELEASE_GITHUB_TOKEN cannot see it");
    assertThat(e.fix()).contains("check the repository name");
  }

  @Test
  void aRateLimitThatResetsSoonIsWaitedFor() {
    github.rateLimitedAnswers = 1;
    github.rateLimitReset = GithubFixture.NOW.getEpochSecond() + 30;

    GithubReleaseResult result =
        fixture.releases(github).publish(fixture.request("v1.0", dists).build());

    assertThat(result.outcome()).isEqualTo(Outcome.PUBLISHED);
    assertThat(fixture.sleeps).contains(Duration.ofSeconds(31));
    assertThat(fixture.listener.log)
        .anyMatch(
            l ->
                l.contains("rate limit for 'core' (5000 requests an hour) is reached")
                    && l.contains("waiting 31 s"));
  }

  @Test
  void aSecondaryRateLimitIsWaitedForAsRetryAfterSays() {
    github.secondaryLimitedAnswers = 1;

    fixture.releases(github).publish(fixture.request("v1.0", dists).build());

    assertThat(fixture.sleeps).contains(Duration.ofSeconds(7));
  }

  @Test
  void aRateLimitThatResetsLaterIsAnErrorSayingWhen() {
    github.rateLimitedAnswers = 1;
    github.rateLimitReset = GithubFixture.NOW.getEpochSecond() + 3600;

    PyreleaseException e = failure(fixture.request("v1.0", dists).build());

    assertThat(e.getMessage())
        .contains("GitHub's rate limit for 'core' (5000 requests an hour) is used up")
        .contains("API rate limit exceeded")
        .contains("it resets at 2026-11-25T11:00:00Z (in about 60 minutes)");
    assertThat(e.fix()).contains("run again after the reset");
    assertThat(fixture.sleeps).noneMatch(d -> d.toSeconds() > 1);
  }

  @Test
  void aNextPageOnAnotherServerIsNotAskedWithTheToken() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(
          new MockResponse.Builder()
              .addHeader(
                  "Link", "<https://evil.example/repos/acme/tool/releases?page=2>; rel=\"next\"")
              .body("[]")
              .build());
      GithubClient client = fixture.client(server.url("/").toString(), TOKEN);

      assertThatThrownBy(() -> client.draftsOf(GithubRepository.parse("acme/tool"), "v1.0"))
          .isInstanceOf(PyreleaseException.class)
          .hasMessageContaining("is on another server")
          .hasMessageContaining("does not send the token there");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void plainHttpToAnotherHostIsRefused() {
    assertThatThrownBy(() -> fixture.client("http://github.example/api/v3", TOKEN))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("refusing plain http to github.example");
  }
}
