package io.github.pyrelease.cli;

import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.policyfile.RemotePolicies;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that say which policy applies and where fetched policies are cached. */
final class PolicyOptions {

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description =
          "the policy: a YAML file, classpath:<resource> or https://<url>#sha256=<hex>"
              + " (default: DIR/release-policy.yaml if it exists, else the built-in default policy)")
  String policy;

  @Option(
      names = "--policy-cache",
      paramLabel = "DIR",
      description =
          "where policies fetched from URLs are cached (default: $XDG_CACHE_HOME/pyrelease/policies"
              + " or ~/.cache/pyrelease/policies)")
  private Path policyCache;

  /** Where the policy and what it extends are read from; offline, no URL is fetched. */
  PolicySources sources(Map<String, String> environment, boolean offline) {
    Path cache = policyCache != null ? policyCache : RemotePolicies.defaultCacheDir(environment);
    return new PolicySources(
        PolicyOptions.class.getClassLoader(), new RemotePolicies(cache, offline));
  }
}
