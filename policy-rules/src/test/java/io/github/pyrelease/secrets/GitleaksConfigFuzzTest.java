package io.github.pyrelease.secrets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.fuzz.Outcomes;

/** A team's gitleaks configuration (TOML, RE2 regular expressions), as a project brings it. */
class GitleaksConfigFuzzTest {

  @FuzzTest
  void configurations(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Outcomes.valueOrClearError(() -> SecretConfig.parse(text, ".gitleaks.toml", null, 0));
  }
}
