package io.github.pyrelease.github;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.fuzz.Outcomes;
import io.github.pyrelease.fuzz.RawAnswer;
import io.github.pyrelease.http.HttpResponse;
import java.time.Instant;
import okhttp3.HttpUrl;

/**
 * GitHub's answers as the client reads every one: rate limit headers, error bodies ({@code
 * message}, {@code errors[]}), a release or asset object, a page of a list and its {@code Link}
 * header. Each input is a whole answer ({@link RawAnswer}). Besides a value or a clear error, an
 * error must never show the token, even when the answer echoes it back.
 */
class GithubAnswersFuzzTest {

  static final String TOKEN = "ghp_fuzzTOKEN0123456789abcdefABCDEF0123";
  private static final Credentials LOGIN =
      new Credentials("x-access-token", Secret.of(TOKEN), "environment GITHUB_TOKEN");
  private static final HttpUrl API = HttpUrl.get("https://api.github.example/api/v3");
  private static final GithubRepository REPOSITORY = GithubRepository.parse("acme/widgets");
  private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
  private static final String ACTION = "reading the release of tag v1.2.0 in acme/widgets";

  @FuzzTest
  void answers(FuzzedDataProvider data) {
    HttpResponse answer = RawAnswer.parse(data.consumeRemainingAsBytes());
    Outcomes.valueOrClearError(
        () -> {
          try {
            read(answer);
          } catch (PyreleaseException e) {
            if ((e.getMessage() + " " + e.where() + " " + e.fix()).contains(TOKEN)) {
              throw new AssertionError("an error shows the token: " + e.getMessage(), e);
            }
            throw e;
          }
        });
  }

  /** What {@link GithubClient} does with an answer, short of sending the next request. */
  private static void read(HttpResponse answer) {
    RateLimit limit = RateLimit.of(answer, GithubErrors.message(answer), NOW);
    if (limit != null) {
      throw GithubErrors.rateLimited(answer, limit, ACTION, NOW, LOGIN);
    }
    if (answer.status() != 200 && answer.status() != 201) {
      throw GithubErrors.fail(answer, ACTION, REPOSITORY, LOGIN);
    }
    JsonNode json = GithubClient.jsonOf(answer, ACTION, API);
    if (json.isArray()) {
      for (JsonNode item : GithubClient.listOf(json, answer, ACTION)) {
        readRelease(item);
        GithubAsset.from(item).sha256();
      }
      GithubClient.nextPage(API, answer, ACTION, LOGIN);
    } else {
      readRelease(json);
    }
  }

  private static void readRelease(JsonNode json) {
    GithubRelease release = GithubRelease.from(json);
    release.assets().forEach(GithubAsset::sha256);
    if (!release.uploadUrl().isEmpty()) {
      GithubClient.uploadBase(release, LOGIN);
    }
  }
}
