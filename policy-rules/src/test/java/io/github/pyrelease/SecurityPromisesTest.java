package io.github.pyrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md's promises each point at tests that exist ({@code *Test}, or an {@code *IT} of {@code
 * it/} that runs after the scenarios): a promise whose test was renamed or deleted would otherwise
 * read as proven when nothing proves it.
 */
class SecurityPromisesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z]\\w*(?:Test|IT))#(\\w+)`");
  private static final Pattern PROMISE = Pattern.compile("^\\d+\\. \\*\\*", Pattern.MULTILINE);

  @Test
  void everyPromiseNamesTestsAndEveryNamedTestExists() throws Exception {
    String text = Files.readString(ROOT.resolve("SECURITY.md"));
    String[] promises = PROMISE.split(text.substring(text.indexOf("## What pyrelease promises")));
    List<String> missing = new ArrayList<>();
    int promised = 0;
    for (String promise : promises) {
      if (!promise.contains("Tests:")) {
        continue;
      }
      promised++;
      Matcher reference = TEST_REFERENCE.matcher(promise);
      Set<String> named = new LinkedHashSet<>();
      while (reference.find()) {
        named.add(reference.group(1) + "#" + reference.group(2));
        if (!testExists(reference.group(1), reference.group(2))) {
          missing.add(reference.group(1) + "#" + reference.group(2));
        }
      }
      assertThat(named).as("the tests of: " + promise.lines().findFirst().orElse("")).isNotEmpty();
    }
    assertThat(promised).isGreaterThanOrEqualTo(8);
    assertThat(missing).as("tests SECURITY.md names that do not exist").isEmpty();
  }

  private static boolean testExists(String className, String method) throws Exception {
    Optional<Path> source = find(className + ".java");
    return source.isPresent()
        && Pattern.compile("void " + method + "\\(").matcher(Files.readString(source.get())).find();
  }

  private static Optional<Path> find(String fileName) throws Exception {
    for (String module : List.of("policy-rules", "release-maven-plugin", "it")) {
      Path tests = ROOT.resolve(module).resolve("src/test/java");
      if (!Files.isDirectory(tests)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(tests)) {
        Optional<Path> found =
            files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
