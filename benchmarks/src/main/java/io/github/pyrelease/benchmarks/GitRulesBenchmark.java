package io.github.pyrelease.benchmarks;

import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.git.GitSettings;
import io.github.pyrelease.git.JGitFacts;
import io.github.pyrelease.http.ResponseCache;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every git rule of stage release on the repository {@code generate_git_repo.py} writes (50,000
 * files, 10,000 tags, a bare origin): one full {@link PolicyCheck} (project read, status, HEAD,
 * fetch, ls-remote, tags, ancestry), and its two heaviest facts alone. The repository is named by
 * {@code -Dpyrelease.bench.repo} (default {@code benchmarks/target/git-bench/repo}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GitRulesBenchmark {

  private static final Set<String> GIT_RULES =
      Set.of(
          "clean-tree",
          "branch",
          "upstream-synced",
          "tag-free",
          "tag-matches",
          "version-increases");

  private Path repo;
  private CheckRequest request;

  @Setup
  public void setUp() throws Exception {
    repo = Path.of(System.getProperty("pyrelease.bench.repo", "benchmarks/target/git-bench/repo"));
    if (!Files.isDirectory(repo.resolve(".git"))) {
      throw new IllegalStateException(
          "no benchmark repository at " + repo + ": run benchmarks/generate_git_repo.py first");
    }
    Network online =
        Network.of(
            false,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            1,
            List.of(),
            CredentialLookup.none(),
            Map.of(),
            new ResponseCache(),
            "benchmark");
    request =
        new CheckRequest(
            repo,
            new RuleSelection(Set.of(Stage.RELEASE), GIT_RULES),
            Files.createTempDirectory("pyrelease-bench"),
            Set.of(),
            Level.ERROR,
            null,
            online);
  }

  @Benchmark
  public CheckResult allGitRules() {
    CheckResult result = new PolicyCheck().run(request);
    if (result.failed()) {
      throw new IllegalStateException("the benchmark repository should pass: " + result.failures());
    }
    return result;
  }

  @Benchmark
  public int statusAlone() {
    try (JGitFacts git = JGitFacts.open(repo, GitSettings.localOnly()).orElseThrow()) {
      return git.status().paths().size();
    }
  }

  @Benchmark
  public int tagsAlone() {
    try (JGitFacts git = JGitFacts.open(repo, GitSettings.localOnly()).orElseThrow()) {
      return git.tags().size();
    }
  }
}
