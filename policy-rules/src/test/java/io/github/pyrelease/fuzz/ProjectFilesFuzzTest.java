package io.github.pyrelease.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.project.PythonProjectReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The project reader on a project one of whose files is the fuzzer's: {@code pyproject.toml},
 * {@code setup.cfg}, {@code .bumpversion.cfg}, {@code __init__.py} (version scanning) or the
 * changelog, the others well formed.
 */
class ProjectFilesFuzzTest {

  private static final String[] FILES = {
    "pyproject.toml", "setup.cfg", ".bumpversion.cfg", "src/demo/__init__.py", "CHANGELOG.md"
  };

  @FuzzTest
  void projectFiles(FuzzedDataProvider data) {
    String file = FILES[data.consumeInt(0, FILES.length - 1)];
    byte[] content = data.consumeRemainingAsBytes();
    Path dir = Outcomes.scratch();
    try {
      if (!file.equals("pyproject.toml")) {
        Outcomes.write(
            dir.resolve("pyproject.toml"),
            ("[project]\nname = \"demo\"\ndynamic = [\"version\"]\n\n[tool.setuptools.dynamic]\n"
                    + "version = { attr = \"demo.__version__\" }\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      Outcomes.write(dir.resolve(file), content);
      PythonProjectReader reader = new PythonProjectReader();
      Outcomes.valueOrClearError(() -> reader.read(dir));
      Outcomes.valueOrClearError(() -> reader.readBumpversionSettings(dir));
    } finally {
      Outcomes.delete(dir);
    }
  }
}
