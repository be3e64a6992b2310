package io.github.pyrelease.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every secret value the integration scenarios use, read from the scenarios' own files rather than
 * listed by hand, so that a secret a new scenario brings is swept without anyone remembering to:
 *
 * <ul>
 *   <li>the credential environment variables of each {@code invoker.properties} (a name with TOKEN,
 *       PASSWORD, PASSWD, SECRET, API_KEY or CREDENTIAL), which is where a scenario declares the
 *       tokens it gives the build and its loopback index or GitHub, whose scripts read them from
 *       there ({@code support/ScenarioSecrets.groovy});
 *   <li>the {@code <password>} and {@code <passphrase>} of every {@code settings*.xml};
 *   <li>the {@code password} of every {@code .pypirc};
 *   <li>each line of a {@code run-secrets.txt} under {@code target/}: a secret a scenario makes as
 *       it runs.
 * </ul>
 *
 * Values shorter than {@value #SHORTEST} characters are left out: they would be found by chance.
 */
final class DeclaredSecrets {

  static final int SHORTEST = 8;
  static final String RUN_SECRETS = "run-secrets.txt";

  private static final String ENVIRONMENT = "invoker.environmentVariables.";
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("(?i).*(TOKEN|PASSWORD|PASSWD|SECRET|API_?KEY|CREDENTIAL).*");
  private static final Pattern SETTINGS_SECRET =
      Pattern.compile("<(password|passphrase)>\\s*([^<]*?)\\s*</\\1>");
  private static final Pattern PYPIRC_PASSWORD =
      Pattern.compile("(?im)^\\s*password\\s*[=:]\\s*(\\S+)\\s*$");

  private DeclaredSecrets() {}

  /**
   * The secrets of the scenarios under {@code it} (its own folder, not {@code target/}) and those
   * recorded under {@code it/target}, each with where it was found.
   */
  static Map<String, String> in(Path it) throws IOException {
    Map<String, String> secrets = new TreeMap<>();
    Path target = it.resolve("target");
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> top = Files.list(it)) {
      for (Path path : top.filter(p -> !p.equals(target)).sorted().toList()) {
        sources.addAll(files(path, p -> true));
      }
    }
    for (Path file : sources) {
      String name = file.getFileName().toString();
      String where = it.relativize(file).toString();
      if (name.equals("invoker.properties")) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
          properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
          String variable = key.startsWith(ENVIRONMENT) ? key.substring(ENVIRONMENT.length()) : "";
          if (CREDENTIAL_NAME.matcher(variable).matches()) {
            add(secrets, properties.getProperty(key), where + " " + variable);
          }
        }
      } else if (name.startsWith("settings") && name.endsWith(".xml")) {
        Matcher m = SETTINGS_SECRET.matcher(Files.readString(file));
        while (m.find()) {
          add(secrets, m.group(2), where + " <" + m.group(1) + ">");
        }
      } else if (name.equals(".pypirc")) {
        Matcher m = PYPIRC_PASSWORD.matcher(Files.readString(file));
        while (m.find()) {
          add(secrets, m.group(1), where + " password");
        }
      }
    }
    Path clones = target.resolve("it");
    for (Path file : files(clones, p -> p.getFileName().toString().equals(RUN_SECRETS))) {
      for (String line : Files.readAllLines(file)) {
        add(secrets, line.strip(), it.relativize(file).toString());
      }
    }
    return secrets;
  }

  private static void add(Map<String, String> secrets, String value, String where) {
    // an interpolated value (${...}) is not the secret itself; the secret is where it comes from
    if (value != null && value.length() >= SHORTEST && !value.contains("${")) {
      secrets.putIfAbsent(value, where);
    }
  }

  /** The files under {@code dir} that {@code wanted} accepts, outside git's stores. */
  private static List<Path> files(Path dir, Predicate<Path> wanted) throws IOException {
    if (Files.isRegularFile(dir)) {
      return wanted.test(dir) ? List.of(dir) : List.of();
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> !SecretSweep.insideGit(dir.relativize(p)))
          .filter(wanted)
          .sorted()
          .toList();
    }
  }
}
