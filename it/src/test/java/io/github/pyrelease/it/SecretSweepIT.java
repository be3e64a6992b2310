package io.github.pyrelease.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs after every scenario (post-integration-test): no output of any of them holds a secret any of
 * them used. Each scenario checks its own log for its own token; this sweep checks every output for
 * every secret, so that a token cannot leak into a report, a state file, a page or another
 * scenario's log unnoticed.
 */
class SecretSweepIT {

  private static final Path IT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

  @Test
  void noOutputOfAnyScenarioHoldsASecretTheScenariosUsed() throws Exception {
    Map<String, String> secrets = DeclaredSecrets.in(IT);
    List<Path> outputs = SecretSweep.outputs(IT);

    // a sweep of nothing, or for nothing, would pass whatever the product does
    assertThat(secrets.values())
        .as("secrets declared by the scenarios")
        .anyMatch(origin -> origin.contains("/invoker.properties "));
    assertThat(outputs)
        .as("build logs under " + IT.resolve("target/it"))
        .anyMatch(p -> p.getFileName().toString().equals("build.log") && p.toFile().length() > 0);

    assertThat(SecretSweep.search(IT, secrets))
        .as("%d secrets searched in %d outputs", secrets.size(), outputs.size())
        .isEmpty();
  }
}
