package io.github.pyrelease.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.deps.Marker;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.license.SpdxExpression;
import io.github.pyrelease.version.Version;

/**
 * The text parsers: PEP 440 versions (and that a normalised version reads back as itself), PEP 508
 * requirements and markers, SPDX expressions. Without {@code JAZZER_FUZZ} each runs its seed corpus
 * ({@code TextParsersFuzzTestInputs/<method>/}) as a regression test.
 */
class TextParsersFuzzTest {

  @FuzzTest
  void versions(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Outcomes.valueOrClearError(
        () -> {
          Version version = Version.parse(text);
          Version again = Version.parse(version.toString());
          if (!again.equals(version) || !again.toString().equals(version.toString())) {
            throw new AssertionError(
                text + " normalises to " + version + ", which reads as " + again);
          }
        });
  }

  @FuzzTest
  void requirements(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Outcomes.valueOrClearError(() -> Requirement.parse(text));
  }

  @FuzzTest
  void markers(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Outcomes.valueOrClearError(() -> Marker.parse(text));
  }

  @FuzzTest
  void spdxExpressions(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Outcomes.valueOrClearError(() -> SpdxExpression.parse(text));
  }
}
