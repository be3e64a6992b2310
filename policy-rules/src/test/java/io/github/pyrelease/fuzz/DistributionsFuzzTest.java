package io.github.pyrelease.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.dist.CoreMetadataParser;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.RecordParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The distribution readers: a wheel (zip) or an sdist (tar.gz) of the fuzzer's bytes, which must be
 * read into a distribution with its problems listed, never an exception; and core metadata and
 * RECORD files on their own.
 */
class DistributionsFuzzTest {

  @FuzzTest
  void archives(FuzzedDataProvider data) {
    boolean wheel = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Outcomes.scratch();
    try {
      Path file = dir.resolve(wheel ? "demo-1.0-py3-none-any.whl" : "demo-1.0.tar.gz");
      Outcomes.write(file, bytes);
      Outcomes.valueOrClearError(
          () -> {
            try {
              new DistributionReader().read(file, file.getFileName().toString());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } finally {
      Outcomes.delete(dir);
    }
  }

  @FuzzTest
  void coreMetadata(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    Outcomes.valueOrClearError(
        () -> CoreMetadataParser.parse("demo-1.0.dist-info/METADATA", bytes));
  }

  @FuzzTest
  void records(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    Outcomes.valueOrClearError(() -> RecordParser.parse("demo-1.0.dist-info/RECORD", bytes));
  }
}
