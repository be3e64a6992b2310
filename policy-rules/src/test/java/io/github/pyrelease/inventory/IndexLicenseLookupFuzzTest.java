package io.github.pyrelease.inventory;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.fuzz.Outcomes;
import io.github.pyrelease.fuzz.RawAnswer;
import io.github.pyrelease.http.HttpResponse;

/**
 * The JSON API's per-version page as the licence lookup reads it: {@code license_expression},
 * {@code license} and the classifiers, each detected as a licence. Each input is a whole answer
 * ({@link RawAnswer}).
 */
class IndexLicenseLookupFuzzTest {

  private static final Dependency PINNED =
      new Dependency(
          "acme-widgets",
          "1.2.0",
          "acme-widgets==1.2.0",
          new Origin("uv.lock", 3),
          InventorySource.LOCK_FILE);

  @FuzzTest
  void jsonApiPages(FuzzedDataProvider data) {
    HttpResponse answer = RawAnswer.parse(data.consumeRemainingAsBytes());
    Outcomes.valueOrClearError(
        () -> IndexLicenseLookup.fromJsonApiPage(PINNED, answer.url(), answer.text()));
  }
}
