package io.github.pyrelease.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.PolicyLoader;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.nio.file.Path;

/**
 * The files pyrelease reads back from a project or its own output: the policy YAML (alias bombs,
 * deep nesting, wrong types) and the publish state file.
 */
class PolicyAndStateFuzzTest {

  @FuzzTest
  void policies(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Outcomes.scratch();
    try {
      Outcomes.write(dir.resolve("release-policy.yaml"), bytes);
      PolicyLoader loader =
          new PolicyLoader(
              BuiltInRules.registry(),
              new PolicySources(
                  getClass().getClassLoader(),
                  new io.github.pyrelease.policyfile.RemotePolicies(dir.resolve("cache"), true)));
      Outcomes.valueOrClearError(() -> loader.load(null, dir, dir));
    } finally {
      Outcomes.delete(dir);
    }
  }

  @FuzzTest
  void publishStates(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Outcomes.scratch();
    try {
      Outcomes.write(dir.resolve("publish-state.json"), bytes);
      Outcomes.valueOrClearError(() -> new PublishStateFile(dir).read());
    } finally {
      Outcomes.delete(dir);
    }
  }
}
