package io.github.pyrelease.vuln;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.fuzz.Outcomes;

/** OSV records as JSON or YAML, as an offline database or the OSV API hands them over. */
class OsvRecordsFuzzTest {

  @FuzzTest
  void records(FuzzedDataProvider data) {
    boolean yaml = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    Outcomes.valueOrClearError(
        () -> OsvRecordParser.parse(bytes, yaml ? "fuzz.yaml" : "fuzz.json", yaml));
  }
}
