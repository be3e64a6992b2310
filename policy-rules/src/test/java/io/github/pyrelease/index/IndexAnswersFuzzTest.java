package io.github.pyrelease.index;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.fuzz.Outcomes;
import io.github.pyrelease.fuzz.RawAnswer;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * What a package index answers, as the index facts and the digest lookup read it: a project's
 * simple API page (PEP 691 JSON or PEP 503 HTML, by its Content-Type) and the JSON API's
 * per-version page. Each input is a whole answer ({@link RawAnswer}): status line, headers, body.
 * Besides a value or a clear error, an error must not show the text of the answer, which may echo
 * the credentials the index was sent.
 */
class IndexAnswersFuzzTest {

  private static final IndexLocation INDEX = IndexLocation.of("https://index.example/");
  private static final String PROJECT = "acme-widgets";
  private static final Version VERSION = Version.parse("1.2.0");
  private static final String WHEEL = "acme_widgets-1.2.0-py3-none-any.whl";

  /** What the index was sent, which its answer may echo back. */
  static final String TOKEN = "acme_fuzzINDEXtoken0123456789abcdef";

  private static final Credentials LOGIN =
      new Credentials("__token__", Secret.of(TOKEN), "environment PYRELEASE_ACME_TOKEN");

  @FuzzTest
  void simplePages(FuzzedDataProvider data) {
    HttpResponse answer = RawAnswer.parse(data.consumeRemainingAsBytes());
    Outcomes.valueOrClearError(
        () -> {
          try {
            HttpIndexFacts.fromSimplePage(
                INDEX, answer.url(), answer.mediaType(), answer.text(), PROJECT, VERSION, LOGIN);
          } catch (PyreleaseException e) {
            if ((e.getMessage() + " " + e.where() + " " + e.fix()).contains(TOKEN)) {
              throw new AssertionError("an error shows what the index echoed: " + e, e);
            }
            throw e;
          }
        });
    List<String> asked = new ArrayList<>();
    Outcomes.valueOrClearError(
        () ->
            FileDigestLookup.fromSimplePage(
                answer.url(),
                answer.url(),
                answer.mediaType(),
                answer.text(),
                WHEEL,
                LOGIN,
                asked));
    if (asked.toString().contains(TOKEN)) {
      throw new AssertionError("what the index said, as noted, shows what it echoed: " + asked);
    }
  }

  @FuzzTest
  void jsonApiPages(FuzzedDataProvider data) {
    HttpResponse answer = RawAnswer.parse(data.consumeRemainingAsBytes());
    Outcomes.valueOrClearError(
        () -> HttpIndexFacts.fromJsonApiPage(INDEX.url(), answer.url(), answer.text()));
    Outcomes.valueOrClearError(
        () ->
            FileDigestLookup.fromJsonApiPage(
                answer.url(), answer.url(), answer.text(), WHEEL, new ArrayList<>()));
  }
}
