package io.github.pyrelease.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.inventory.DependencyInventoryReader;
import io.github.pyrelease.inventory.InventoryOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The dependency inventory on a project one of whose lock or requirements files is the fuzzer's:
 * {@code pylock.toml}, {@code uv.lock}, {@code poetry.lock}, {@code Pipfile.lock} or {@code
 * requirements.txt} (with an include of itself among the possibilities).
 */
class InventoryFuzzTest {

  private static final String[] FILES = {
    "pylock.toml", "uv.lock", "poetry.lock", "Pipfile.lock", "requirements.txt"
  };

  @FuzzTest
  void lockAndRequirementsFiles(FuzzedDataProvider data) {
    String file = FILES[data.consumeInt(0, FILES.length - 1)];
    byte[] content = data.consumeRemainingAsBytes();
    Path dir = Outcomes.scratch();
    try {
      Outcomes.write(
          dir.resolve("pyproject.toml"),
          "[project]\nname = \"demo\"\nversion = \"1.0\"\ndependencies = [\"requests>=2\"]\n"
              .getBytes(StandardCharsets.UTF_8));
      Outcomes.write(dir.resolve(file), content);
      Outcomes.valueOrClearError(
          () -> new DependencyInventoryReader().read(dir, InventoryOptions.defaults()));
    } finally {
      Outcomes.delete(dir);
    }
  }
}
