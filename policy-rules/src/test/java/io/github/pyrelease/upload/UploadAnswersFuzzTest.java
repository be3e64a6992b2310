package io.github.pyrelease.upload;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.fuzz.Outcomes;
import io.github.pyrelease.fuzz.RawAnswer;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * What an index answers to an upload (its words, shown to the user) and the three answers of
 * trusted publishing: the index's OIDC audience, GitHub's ID token, the index's minted token. Each
 * input is a whole answer ({@link RawAnswer}). Besides a value or a clear error, what is shown must
 * never hold a secret, even one the answer echoes back.
 */
class UploadAnswersFuzzTest {

  private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcfuzzTOKEN0123456789";
  private static final String REQUEST_TOKEN = "ghs_fuzzREQUESTtoken0123456789abcdef";
  private static final String ID_TOKEN = "eyJfuzz.ID.token0123456789";
  private static final Credentials LOGIN =
      new Credentials("__token__", Secret.of(TOKEN), "environment PYRELEASE_PYPI_TOKEN");
  private static final HttpUrl INDEX = HttpUrl.get("https://upload.index.example/legacy/");
  private static final TrustedPublishing TRUSTED =
      new TrustedPublishing(
          new HttpClient(HttpSettings.defaults("pyrelease-fuzz")),
          Map.of(
              TrustedPublishing.REQUEST_URL,
              "https://token.actions.example/id",
              TrustedPublishing.REQUEST_TOKEN,
              REQUEST_TOKEN),
          line -> {},
          Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC));

  @FuzzTest
  void uploadAnswers(FuzzedDataProvider data) {
    HttpResponse answer = RawAnswer.parse(data.consumeRemainingAsBytes());
    String said = ServerText.of(answer, LOGIN);
    if (said.contains(TOKEN)) {
      throw new AssertionError("the index's words, as shown, hold the token: " + said);
    }
    ServerText.searchable(answer);
  }

  @FuzzTest
  void trustedPublishingAnswers(FuzzedDataProvider data) {
    HttpResponse answer = RawAnswer.parse(data.consumeRemainingAsBytes());
    // each answer may echo what was sent to its server: nothing secret, the request token, the
    // ID token
    Outcomes.valueOrClearError(
        () -> TRUSTED.audienceFrom(INDEX.resolve("/_/oidc/audience"), answer));
    showsNoSecret(
        () -> TRUSTED.idTokenFrom("pypi", Secret.of(REQUEST_TOKEN), answer), REQUEST_TOKEN);
    showsNoSecret(
        () ->
            TRUSTED
                .mintedFrom(
                    INDEX.resolve("/_/oidc/mint-token"), "pypi", Secret.of(ID_TOKEN), answer)
                .expires(),
        ID_TOKEN);
  }

  private static void showsNoSecret(Runnable read, String secret) {
    Outcomes.valueOrClearError(
        () -> {
          try {
            read.run();
          } catch (PyreleaseException e) {
            String shown = e.getMessage() + " " + e.where() + " " + e.fix();
            if (shown.contains(secret)) {
              throw new AssertionError("an error shows a token: " + shown, e);
            }
            throw e;
          }
        });
  }
}
