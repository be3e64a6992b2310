package io.github.pyrelease.policyfile;

import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.rules.BuiltInRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import okhttp3.OkHttpClient;

/** Policy files written by tests, and a loader over them. */
final class PolicyFiles {

  private PolicyFiles() {}

  /** The built-in rules and {@link OptionsRule}. */
  static RuleRegistry registry() {
    var factories =
        new ArrayList<
            java.util.function.Function<
                io.github.pyrelease.policy.RuleOptions, io.github.pyrelease.policy.Rule>>();
    BuiltInRules.registry()
        .all()
        .forEach(r -> factories.add(o -> BuiltInRules.registry().configure(r.id(), o)));
    factories.add(OptionsRule::new);
    return new RuleRegistry(factories);
  }

  static Path write(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RemotePolicies remote(Path cacheDir, boolean offline) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(5))
            .build();
    return new RemotePolicies(cacheDir, offline, client, Duration.ofMillis(10));
  }

  static PolicyLoader loader(Path cacheDir) {
    return loader(PolicyFiles.class.getClassLoader(), remote(cacheDir, false));
  }

  static PolicyLoader loader(ClassLoader classLoader, RemotePolicies remote) {
    return new PolicyLoader(registry(), new PolicySources(classLoader, remote));
  }
}
