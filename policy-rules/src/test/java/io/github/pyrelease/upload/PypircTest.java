package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .pypirc read as twine reads it, checked against Python's own RawConfigParser. */
class PypircTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  /** Prints the sections as JSON, or "ERROR <line>" for a file configparser refuses. */
  private static final String CONFIGPARSER =
      """
      import configparser, json, sys
      p = configparser.RawConfigParser()
      try:
          p.read(sys.argv[1], encoding="utf-8")
      except (configparser.MissingSectionHeaderError, configparser.DuplicateSectionError,
              configparser.DuplicateOptionError) as e:
          print("ERROR", e.lineno); sys.exit()
      except configparser.ParsingError as e:
          print("ERROR", e.errors[0][0]); sys.exit()
      print(json.dumps({s: dict(p.items(s)) for s in p.sections()}, separators=(",", ":")))
      """;

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("pypirc-" + text.hashCode()), text);
  }

  private static String python(Path file) throws Exception {
    Process p =
        new ProcessBuilder(PYTHON, "-c", CONFIGPARSER, file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static String ours(Path file) throws Exception {
    try {
      return new ObjectMapper().writeValueAsString(Pypirc.read(file).sections());
    } catch (UploadException e) {
      return "ERROR " + e.where().substring(e.where().lastIndexOf(':') + 1);
    }
  }

  @Test
  void readsWhatConfigparserReadsAndRefusesWhatItRefusesAtTheSameLine() throws Exception {
    List<String> files =
        List.of(
            "[distutils]\nindex-servers =\n    pypi\n    private\n\n[pypi]\nusername = __token__\n"
                + "password = pypi-abc%def\n\n[private]\nrepository: https://nexus.example/repo/\n"
                + "USERNAME=deploy\n# a comment\n; another\npassword   =   s3cret  \n",
            "[a]\nkey = first\n  continued\n\n  after a blank\nnext = 2\n",
            "\n# leading comment\n[x]\nk=\n",
            "username = nobody\n[pypi]\n",
            "[pypi]\npassword = a\npassword = b\n",
            "[pypi]\n[pypi]\n",
            "[pypi]\njust words\n",
            "[pypi]\n= no key\n");
    for (String text : files) {
      Path file = write(text);
      assertThat(ours(file)).as(text).isEqualTo(python(file));
    }
  }

  @Test
  void serversComeFromIndexServersWithTheImpliedPypiUrlsAndServerLogin() throws Exception {
    Pypirc pypirc =
        Pypirc.read(
            write(
                "[distutils]\nindex-servers = pypi private\n[server-login]\nusername = old\n"
                    + "password = fallback\n[pypi]\npassword = pypi-TOKEN\n[private]\n"
                    + "repository = https://nexus.example/repo/\n[testpypi]\npassword = unlisted\n"));

    assertThat(pypirc.indexServers()).containsExactly("pypi", "private");
    assertThat(pypirc.server("pypi"))
        .contains(new Pypirc.Server("pypi", "old", "pypi-TOKEN", Pypirc.PYPI_UPLOAD));
    assertThat(pypirc.server("private"))
        .contains(new Pypirc.Server("private", "old", "fallback", "https://nexus.example/repo/"));
    assertThat(pypirc.server("testpypi")).as("not in index-servers: twine ignores it").isEmpty();
  }

  @Test
  void withoutDistutilsTheServersArePypiAndTestpypi() throws Exception {
    Pypirc pypirc = Pypirc.read(write("[testpypi]\npassword = t\n"));

    assertThat(pypirc.indexServers()).containsExactly("pypi", "testpypi");
    assertThat(pypirc.server("testpypi").orElseThrow().repository())
        .isEqualTo(Pypirc.TESTPYPI_UPLOAD);
    assertThat(pypirc.server("pypi").orElseThrow().password()).isNull();
  }

  @Test
  void aMissingFileIsEmptyAndAMalformedOneNamesFileAndLine() throws Exception {
    assertThat(Pypirc.read(dir.resolve("none")).exists()).isFalse();
    Path bad = write("[distutils]\nindex-servers = pypi\n[pypi]\npassword pypi-abc\n");

    assertThatThrownBy(() -> Pypirc.read(bad))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CREDENTIALS);
              assertThat(e.where()).isEqualTo(bad + ":4");
              assertThat(e.getMessage()).contains("neither [section], key = value nor a comment");
              assertThat(e.describe()).doesNotContain("pypi-abc");
            });
  }

  @Test
  void sectionsKeepTheirOrder() throws Exception {
    Map<String, Map<String, String>> sections =
        Pypirc.read(write("[b]\nx=1\n[a]\ny=2\n")).sections();
    assertThat(new LinkedHashMap<>(sections).keySet()).containsExactly("b", "a");
  }
}
