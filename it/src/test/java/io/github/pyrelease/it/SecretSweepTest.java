package io.github.pyrelease.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep itself, over a made-up it/ folder: it finds what is planted and only that. */
class SecretSweepTest {

  private static final String ENV_TOKEN = "pypi-PLANTED-env-token-0042";
  private static final String SETTINGS_PASSWORD = "settings-PLANTED-pw-77";
  private static final String PYPIRC_TOKEN = "pypi-PLANTED-pypirc-token-31";
  private static final String RUN_TOKEN = "ghp_PLANTEDrunTimeToken0123456789abcd";
  private static final String PYPIRC =
      "[pypi]\nusername = __token__\npassword = " + PYPIRC_TOKEN + "\n";

  @TempDir Path it;

  private void write(String path, String text) throws IOException {
    Path file = it.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Scenarios that declare a secret in each of the ways, cloned with a clean build log each. */
  private void scenarios() throws IOException {
    String properties =
        "invoker.goals = deploy\n"
            + "invoker.environmentVariables.PYRELEASE_ACME_TOKEN = "
            + ENV_TOKEN
            + "\ninvoker.environmentVariables.PATH = /usr/local/bin:/usr/bin\n"
            + "invoker.environmentVariables.GITHUB_TOKEN = ${it.github.token}\n";
    String settings =
        "<settings><servers><server><id>acme</id><username>ci</username><password> "
            + SETTINGS_PASSWORD
            + " </password></server></servers></settings>\n";
    for (String prefix : List.of("", "target/it/")) {
      write(prefix + "scenarios/env/invoker.properties", properties);
      write(prefix + "scenarios/server/settings-it.xml", settings);
      write(prefix + "scenarios/leaky/src/leaky/.pypirc", PYPIRC);
    }
    write("target/it/scenarios/history/run-secrets.txt", RUN_TOKEN + "\n");
    for (String scenario : List.of("env", "server", "leaky", "history")) {
      write("target/it/scenarios/" + scenario + "/build.log", "[INFO] BUILD SUCCESS\n");
    }
  }

  @Test
  void secretsComeFromInvokerPropertiesSettingsPypircAndRunSecrets() throws Exception {
    scenarios();

    Map<String, String> secrets = DeclaredSecrets.in(it);

    assertThat(secrets)
        .containsOnlyKeys(ENV_TOKEN, SETTINGS_PASSWORD, PYPIRC_TOKEN, RUN_TOKEN)
        .containsEntry(ENV_TOKEN, "scenarios/env/invoker.properties PYRELEASE_ACME_TOKEN")
        .containsEntry(SETTINGS_PASSWORD, "scenarios/server/settings-it.xml <password>")
        .containsEntry(PYPIRC_TOKEN, "scenarios/leaky/src/leaky/.pypirc password")
        .containsEntry(RUN_TOKEN, "target/it/scenarios/history/run-secrets.txt");
  }

  @Test
  void cleanOutputsAndCopiesOfTheScenariosOwnFilesAreNoHits() throws Exception {
    scenarios();
    // what is no output: a copy elsewhere, git's stores, archives, the local repository
    write("target/it/scenarios/leaky/build/lib/leaky/.pypirc", PYPIRC);
    write("target/it/scenarios/history/.git/COMMIT_EDITMSG", RUN_TOKEN);
    write("target/it/scenarios/history-origin.git/config", RUN_TOKEN);
    write("target/it/scenarios/leaky/target/dist/leaky-0.1.0-py3-none-any.whl", PYPIRC_TOKEN);
    write("target/local-repo/org/acme/settings.xml", SETTINGS_PASSWORD);

    assertThat(SecretSweep.search(it, DeclaredSecrets.in(it))).isEmpty();
    assertThat(SecretSweep.outputs(it)).hasSize(4).allMatch(p -> p.endsWith("build.log"));
  }

  @Test
  void aPlantedSecretIsFoundInEveryOutputAndEveryForm() throws Exception {
    scenarios();
    write("target/it/scenarios/env/build.log", "[ERROR] upload refused: " + ENV_TOKEN + "\n");
    write(
        "target/it/scenarios/env/target/pyrelease/publish-state.json",
        "{\"authorization\": \"Basic "
            + Base64.getEncoder().encodeToString(("__token__:" + SETTINGS_PASSWORD).getBytes())
            + "\"}");
    write("target/it/scenarios/history/target/pages/index.html", "token=" + RUN_TOKEN);
    // a copy of a scenario's file that the build changed is an output
    write(
        "target/it/scenarios/leaky/src/leaky/.pypirc",
        "[pypi]\npassword = " + PYPIRC_TOKEN + "\n# bumped\n");
    // a secret split across the sweep's read chunks is still found
    byte[] large = new byte[(1 << 20) + 100];
    byte[] token = ENV_TOKEN.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(token, 0, large, (1 << 20) - 5, token.length);
    Path bin = it.resolve("target/it/scenarios/server/target/pyrelease/large.bin");
    Files.createDirectories(bin.getParent());
    Files.write(bin, large);

    List<SecretSweep.Hit> hits = SecretSweep.search(it, DeclaredSecrets.in(it));

    assertThat(hits)
        .extracting(SecretSweep.Hit::file, SecretSweep.Hit::form)
        .containsExactlyInAnyOrder(
            tuple("target/it/scenarios/env/build.log", "as is"),
            tuple("target/it/scenarios/env/target/pyrelease/publish-state.json", "in HTTP Basic"),
            tuple("target/it/scenarios/history/target/pages/index.html", "as is"),
            tuple("target/it/scenarios/leaky/src/leaky/.pypirc", "as is"),
            tuple("target/it/scenarios/server/target/pyrelease/large.bin", "as is"));
  }

  @Test
  void aHitNamesTheFileAndWhereTheSecretIsDeclaredNeverTheSecret() throws Exception {
    scenarios();
    write("target/it/scenarios/env/build.log", ENV_TOKEN);

    String said = SecretSweep.search(it, DeclaredSecrets.in(it)).toString();

    assertThat(said)
        .contains(
            "target/it/scenarios/env/build.log holds the secret of"
                + " scenarios/env/invoker.properties PYRELEASE_ACME_TOKEN (as is)")
        .doesNotContain(ENV_TOKEN);
  }
}
