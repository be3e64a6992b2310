package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleVersionScannerTest {

  private static List<String> sources(String file, String code) {
    return ModuleVersionScanner.versionSources(ModuleVersionScanner.scan(SourceText.of(file, code)))
        .stream()
        .map(s -> s.line() + ":" + s.column() + " " + s.label() + " = " + s.text())
        .toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "__version__ = '1.2.3'                  | 1:16 __version__ = 1.2.3",
        "__version__ = \"1.2.3\"  # release     | 1:16 __version__ = 1.2.3",
        "__version__=u'1.2.3'                   | 1:15 __version__ = 1.2.3",
        "__version__: str = '1.2.3'             | 1:21 __version__ = 1.2.3",
        "__version__: Final = '1.2.3'           | 1:23 __version__ = 1.2.3",
        "__version__: Final[str] = \"1.2.3\"    | 1:28 __version__ = 1.2.3",
        "VERSION = '1.2.3'                      | 1:12 VERSION = 1.2.3",
        "__version__ = VERSION = '1.2.3'        | 1:26 __version__ = 1.2.3",
        "VERSION = (1, 2, 3)                    | 1:12 VERSION (tuple) = 1.2.3",
        "__version_info__ = (1, 2, 3)           | 1:21 __version_info__ (tuple) = 1.2.3",
      })
  void literalAssignmentsAreSources(String code, String expected) {
    assertThat(sources("acme/__init__.py", code.strip() + "\n")).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "__version__ = importlib.metadata.version('acme')",
        "__version__ = get_versions()['version']",
        "__version__ = '.'.join(map(str, VERSION_INFO))",
        "__version__ = '1.0' + SUFFIX",
        "__version__ = b'1.0'",
        "__version__ = '1.0\\n'",
        "VERSION = (1, 2, 'rc', 1)",
        "version = '1.0'",
        "__version__ == '1.0'",
        "my_version = '1.0'",
      })
  void nonLiteralsAndOtherNamesAreNotSources(String code) {
    assertThat(sources("acme/__init__.py", code + "\n")).isEmpty();
  }

  @Test
  void lowerCaseVersionCountsOnlyInVersionModules() {
    assertThat(sources("acme/_version.py", "version = '1.0'\n"))
        .containsExactly("1:12 version = 1.0");
    assertThat(sources("acme/__about__.py", "version = '1.0'\n")).hasSize(1);
    assertThat(sources("acme/__init__.py", "version = '1.0'\n")).isEmpty();
  }

  @Test
  void onlyModuleLevelStatementsCount() {
    String code =
        """
        \"\"\"Acme.

        __version__ = "0.0.0" is how the docs spell it.
        \"\"\"
        try:
            from ._version import __version__
        except ImportError:
            __version__ = "0.0.0+unknown"

        def version():
            VERSION = "9"
            return VERSION

        x = {
            "__version__": "7",
        }
        text = '''
        VERSION = "8"
        '''
        __version__ = "1.0"
        """;

    assertThat(sources("acme/__init__.py", code)).containsExactly("20:16 __version__ = 1.0");
  }

  @Test
  void aTupleMaySpanLines() {
    assertThat(sources("acme/__init__.py", "VERSION = (\n    1,\n    4,\n    0,\n)\n"))
        .containsExactly("2:5 VERSION (tuple) = 1.4.0");
  }

  @Test
  void importsAreRecordedWithTheirAliases() {
    ModuleVersionScanner.Module module =
        ModuleVersionScanner.scan(
            SourceText.of(
                "acme/__init__.py",
                "from . import core\n"
                    + "from ._version import (\n"
                    + "    version as __version__,  # re-exported\n"
                    + "    version_tuple,\n"
                    + ")\n"));

    assertThat(module.importOf("__version__"))
        .contains(new ModuleVersionScanner.Import("._version", "version", "__version__", 2));
    assertThat(module.importOf("version_tuple")).isPresent();
    assertThat(module.importOf("core"))
        .contains(new ModuleVersionScanner.Import(".", "core", "core", 1));
    assertThat(module.assignments()).isEmpty();
  }

  @Test
  void theFirstAssignmentIsTheOneStaticReadersTake() {
    ModuleVersionScanner.Module module =
        ModuleVersionScanner.scan(
            SourceText.of("m.py", "__version__ = compute()\n__version__ = '2.0'\n"));

    assertThat(module.assignmentTo("__version__").orElseThrow().literal()).isFalse();
    assertThat(sources("m.py", "__version__ = '1.0'\n__version__ = '2.0'\n"))
        .containsExactly("1:16 __version__ = 1.0", "2:16 __version__ = 2.0");
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkDoNotShiftPositions() {
    assertThat(sources("m.py", "\uFEFF# c\r\n__version__ = '1.0'\r\n"))
        .containsExactly("2:16 __version__ = 1.0");
  }
}
