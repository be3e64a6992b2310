package io.github.pyrelease.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git facts read through JGit, checked against the {@code git} command line on the same
 * repositories.
 */
class JGitFactsDifferentialTest {

  @TempDir Path temp;
  private GitCli git;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(temp.resolve("home"));
    git = new GitCli(temp.resolve("home"));
    repo = git.init(temp.resolve("repo"));
    git.commit(repo, "README.md", "readme\n");
  }

  private static GitSettings online() {
    return new GitSettings(false, CredentialLookup.none(), Duration.ofSeconds(20), List.of());
  }

  /** A bare clone of the test repository as {@code origin.git}, and a clone of that. */
  private Path cloneThroughOrigin(String... options) {
    Path origin = temp.resolve("origin.git");
    git.run(temp, "clone", "-q", "--bare", repo.toString(), origin.toString());
    Path clone = temp.resolve("clone");
    List<String> args = new java.util.ArrayList<>(List.of("clone", "-q"));
    args.addAll(List.of(options));
    args.add(origin.toString());
    args.add(clone.toString());
    git.run(temp, args.toArray(String[]::new));
    return clone;
  }

  private JGitFacts open(Path dir, GitSettings settings) {
    return JGitFacts.open(dir, settings).orElseThrow();
  }

  /** {@code git status --porcelain} as path and change, renames off (JGit does not pair them). */
  private Set<String> gitStatus(Path dir) {
    String out =
        git.run(
            dir,
            "-c",
            "status.renames=false",
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all");
    Set<String> entries = new HashSet<>();
    for (String entry : out.split("\0")) {
      if (entry.isEmpty()) {
        continue;
      }
      String xy = entry.substring(0, 2);
      String path = entry.substring(3);
      if (xy.equals("??")) {
        entries.add(path + " untracked");
      } else if (Set.of("DD", "AU", "UD", "UA", "DU", "AA", "UU").contains(xy)) {
        entries.add(path + " conflicting");
      } else {
        if ("MADRCT".indexOf(xy.charAt(0)) >= 0) {
          entries.add(path + " staged");
        }
        if (xy.charAt(1) == 'M' || xy.charAt(1) == 'T') {
          entries.add(path + " modified");
        }
        if (xy.charAt(1) == 'D') {
          entries.add(path + " deleted");
        }
      }
    }
    return entries;
  }

  private static Set<String> ours(GitStatus status) {
    return status.paths().stream()
        .map(p -> p.path() + " " + p.change().label())
        .collect(Collectors.toSet());
  }

  @Test
  void statusAgreesWithGitOnChangesAndEveryKindOfIgnore() throws Exception {
    Path excludes = temp.resolve("home/global-excludes");
    Files.writeString(excludes, "*.swp\n");
    git.run(repo, "config", "core.excludesFile", excludes.toString());
    GitCli.write(repo, ".gitignore", "build/\n*.log\n!keep.log\n");
    GitCli.write(repo, "src/.gitignore", "generated_*.py\n");
    GitCli.write(repo, ".git/info/exclude", "local-notes.txt\n");
    git.commit(repo, "src/acme/__init__.py", "__version__ = '1.0'\n");
    git.commit(repo, "src/acme/core.py", "x = 1\n");
    git.commit(repo, "docs/old.md", "old\n");
    git.run(repo, "add", ".gitignore", "src/.gitignore");
    git.run(repo, "commit", "-q", "-m", "ignores");

    GitCli.write(repo, "src/acme/__init__.py", "__version__ = '1.1'\n"); // modified
    GitCli.write(repo, "src/acme/core.py", "x = 2\n");
    git.run(repo, "add", "src/acme/core.py"); // staged
    GitCli.write(repo, "src/acme/core.py", "x = 3\n"); // and modified again
    Files.delete(repo.resolve("docs/old.md")); // deleted
    GitCli.write(repo, "new/deep/file.txt", "n\n"); // untracked, in an untracked folder
    GitCli.write(repo, "build/out.bin", "b"); // ignored by .gitignore
    GitCli.write(repo, "debug.log", "l"); // ignored
    GitCli.write(repo, "keep.log", "k"); // re-included by !keep.log
    GitCli.write(repo, "src/generated_api.py", "g"); // ignored by the nested .gitignore
    GitCli.write(repo, "generated_api.py", "g"); // not ignored: the nested rule is below src/
    GitCli.write(repo, "local-notes.txt", "n"); // ignored by .git/info/exclude
    GitCli.write(repo, "src/acme/.core.py.swp", "s"); // ignored by the global excludes file
    GitCli.write(repo, "staged-new.txt", "s");
    git.run(repo, "add", "staged-new.txt");

    try (JGitFacts facts = open(repo.resolve("src"), online())) {
      Set<String> ours = ours(facts.status());
      assertThat(ours).isEqualTo(gitStatus(repo));
      assertThat(ours)
          .contains(
              "src/acme/__init__.py modified",
              "src/acme/core.py staged",
              "src/acme/core.py modified",
              "docs/old.md deleted",
              "new/deep/file.txt untracked",
              "keep.log untracked",
              "generated_api.py untracked",
              "staged-new.txt staged")
          .noneMatch(p -> p.contains("swp") || p.contains("local-notes") || p.contains("build/"));
    }
  }

  @Test
  void theDefaultGlobalExcludesFileUnderXdgConfigHomeIsReadLikeGitReadsIt() throws Exception {
    Path xdg = temp.resolve("home/.config");
    GitCli.write(xdg, "git/ignore", "*.bak\n");
    GitCli.write(repo, "notes.bak", "b");
    GitCli.write(repo, "notes.txt", "t");
    SystemReader original = SystemReader.getInstance();
    SystemReader.setInstance(
        new SystemReader.Delegate(original) {
          @Override
          public String getenv(String variable) {
            return variable.equals("XDG_CONFIG_HOME") ? xdg.toString() : super.getenv(variable);
          }
        });
    try (JGitFacts facts = open(repo, online())) {
      assertThat(ours(facts.status()))
          .isEqualTo(gitStatus(repo))
          .containsExactly("notes.txt untracked");
    } finally {
      SystemReader.setInstance(original);
    }
  }

  @Test
  void edgeCasesNestedRepositoryExecutableBitSymlinkAndEmptyFolder() throws Exception {
    git.commit(repo, "tool.sh", "echo hi\n");
    Path nested = git.init(repo.resolve("vendor/lib"));
    git.commit(nested, "x.txt", "x");
    repo.resolve("tool.sh").toFile().setExecutable(true);
    Files.createDirectories(repo.resolve("empty/folder"));
    Files.createSymbolicLink(repo.resolve("link-to-readme"), Path.of("README.md"));

    try (JGitFacts facts = open(repo, online())) {
      assertThat(ours(facts.status())).isEqualTo(gitStatus(repo));
    }
  }

  @Test
  void aMergeConflictIsConflictingForBoth() throws Exception {
    git.run(repo, "checkout", "-q", "-b", "other");
    git.commit(repo, "README.md", "other\n");
    git.run(repo, "checkout", "-q", "main");
    git.commit(repo, "README.md", "main\n");
    assertThat(git.tryRun(repo, "merge", "-q", "other").exit()).isNotZero();

    try (JGitFacts facts = open(repo, online())) {
      assertThat(ours(facts.status()))
          .isEqualTo(gitStatus(repo))
          .containsExactly("README.md conflicting");
    }
  }

  @Test
  void pyreleasesOwnReportsDoNotDirtyTheTree() throws Exception {
    GitCli.write(repo, "target/pyrelease/report.json", "{}");
    GitCli.write(repo, "target/other.txt", "x");
    GitSettings settings =
        new GitSettings(
            true,
            CredentialLookup.none(),
            Duration.ofSeconds(5),
            List.of(repo.resolve("target/pyrelease")));

    try (JGitFacts facts = open(repo, settings)) {
      assertThat(ours(facts.status())).containsExactly("target/other.txt untracked");
    }
  }

  @Test
  void headBranchAndDetachedHeadAgreeWithGit() throws Exception {
    git.run(repo, "checkout", "-q", "-b", "release/1.x");
    try (JGitFacts facts = open(repo, online())) {
      assertThat(facts.head().branch())
          .isEqualTo(git.run(repo, "branch", "--show-current").strip());
      assertThat(facts.head().commit()).isEqualTo(git.run(repo, "rev-parse", "HEAD").strip());
    }
    git.run(repo, "tag", "v1.0.0");
    git.commit(repo, "a.txt", "a");
    git.run(repo, "checkout", "-q", "--detach", "v1.0.0");
    try (JGitFacts facts = open(repo, online())) {
      assertThat(facts.head().detached()).isTrue();
      assertThat(git.tryRun(repo, "symbolic-ref", "-q", "HEAD").exit()).isNotZero();
      assertThat(facts.head().commit()).isEqualTo(git.run(repo, "rev-parse", "HEAD").strip());
    }
  }

  @Test
  void tagsLightweightAndAnnotatedAgreeWithGitAndReachabilityWithTagMerged() throws Exception {
    git.run(repo, "tag", "v0.1.0");
    git.commit(repo, "a.txt", "a");
    git.run(repo, "tag", "-a", "v0.2.0", "-m", "release 0.2.0");
    git.run(repo, "checkout", "-q", "-b", "feature");
    git.commit(repo, "b.txt", "b");
    git.run(repo, "tag", "-a", "v9.0.0", "-m", "on a side branch");
    git.run(repo, "checkout", "-q", "main");
    git.run(repo, "pack-refs", "--all"); // packed and loose refs alike
    git.run(repo, "tag", "v0.3.0-loose");

    try (JGitFacts facts = open(repo, online())) {
      Map<String, String> ours = new HashMap<>();
      Map<String, Boolean> annotated = new HashMap<>();
      for (GitTag tag : facts.tags()) {
        ours.put(tag.name(), tag.commit());
        annotated.put(tag.name(), tag.annotated());
      }
      Map<String, String> theirs = new HashMap<>();
      for (String line :
          git.run(
                  repo,
                  "for-each-ref",
                  "refs/tags",
                  "--format=%(refname:short) %(objectname) %(*objectname) %(objecttype)")
              .split("\n")) {
        String[] f = line.split(" ");
        theirs.put(f[0], f[2].isEmpty() ? f[1] : f[2]);
        assertThat(annotated.get(f[0])).as(f[0]).isEqualTo(f[f.length - 1].equals("tag"));
      }
      assertThat(ours).isEqualTo(theirs);

      Set<String> merged =
          Arrays.stream(git.run(repo, "tag", "--merged", "HEAD").split("\n"))
              .collect(Collectors.toSet());
      Set<String> reachable =
          facts.tags().stream()
              .filter(t -> facts.reachableFromHead(t.commit()))
              .map(GitTag::name)
              .collect(Collectors.toSet());
      assertThat(reachable).isEqualTo(merged).doesNotContain("v9.0.0");
    }
  }

  @Test
  void aheadAndBehindAgreeWithRevListAfterFetchingAndOfflineDoesNotFetch() throws Exception {
    Path origin = temp.resolve("origin.git");
    Path clone = cloneThroughOrigin();
    git.commit(clone, "local1.txt", "1");
    git.commit(clone, "local2.txt", "2");
    // someone else pushes to origin
    git.commit(repo, "remote.txt", "r");
    git.run(repo, "push", "-q", origin.toString(), "main");

    try (JGitFacts offline =
        open(
            clone,
            new GitSettings(true, CredentialLookup.none(), Duration.ofSeconds(5), List.of()))) {
      UpstreamStatus status = offline.upstream(null).orElseThrow();
      assertThat(status.fetched()).isFalse();
      assertThat(status.notFetchedReason()).isEqualTo("offline");
      assertThat(status.ahead() + " " + status.behind()).isEqualTo(revListCounts(clone));
      assertThat(status.behind()).isZero(); // not fetched: the remote commit is unknown yet
    }
    try (JGitFacts facts = open(clone, online())) {
      UpstreamStatus status = facts.upstream(null).orElseThrow();
      assertThat(status.fetched()).isTrue();
      assertThat(status.upstream()).isEqualTo("origin/main");
      assertThat(status.ahead()).isEqualTo(2);
      assertThat(status.behind()).isEqualTo(1);
      assertThat(status.ahead() + " " + status.behind()).isEqualTo(revListCounts(clone));
    }
  }

  private String revListCounts(Path dir) {
    String[] counts =
        git.run(dir, "rev-list", "--left-right", "--count", "HEAD...@{u}").strip().split("\\s+");
    return counts[0] + " " + counts[1];
  }

  @Test
  void aBranchDeletedOnTheRemoteIsGoneAsGitSaysAfterAPrune() throws Exception {
    Path origin = temp.resolve("origin.git");
    Path clone = cloneThroughOrigin();
    git.run(clone, "checkout", "-q", "-b", "release/1.x");
    git.run(clone, "push", "-q", "-u", "origin", "release/1.x");
    git.run(origin, "update-ref", "-d", "refs/heads/release/1.x");

    try (JGitFacts facts = open(clone, online())) {
      UpstreamStatus status = facts.upstream(null).orElseThrow();
      assertThat(status.gone()).isTrue();
      assertThat(status.fetched()).isTrue();
    }
    git.run(clone, "fetch", "-q", "--prune");
    assertThat(
            git.run(clone, "for-each-ref", "--format=%(upstream:track)", "refs/heads/release/1.x")
                .strip())
        .isEqualTo("[gone]");
  }

  @Test
  void noUpstreamOrADetachedHeadHasNoUpstreamStatus() throws Exception {
    try (JGitFacts facts = open(repo, online())) {
      assertThat(facts.upstream(null)).isEmpty();
      assertThat(git.tryRun(repo, "rev-parse", "@{u}").exit()).isNotZero();
    }
  }

  @Test
  void aRemoteThatCannotBeReachedIsNotFetchedWithTheReason() throws Exception {
    Path clone = cloneThroughOrigin();
    git.run(clone, "remote", "set-url", "origin", temp.resolve("gone.git").toString());

    try (JGitFacts facts = open(clone, online())) {
      UpstreamStatus status = facts.upstream(null).orElseThrow();
      assertThat(status.fetched()).isFalse();
      assertThat(status.notFetchedReason()).startsWith("cannot fetch origin (");
      assertThatThrownBy(() -> facts.remoteTags(null))
          .isInstanceOf(FactUnavailableException.class)
          .hasMessageStartingWith("cannot list the tags of origin");
    }
  }

  @Test
  void remoteTagsAgreeWithLsRemote() throws Exception {
    git.run(repo, "tag", "v1.0.0");
    git.run(repo, "tag", "-a", "v1.1.0", "-m", "annotated");
    Path clone = cloneThroughOrigin("--no-tags");

    try (JGitFacts facts = open(clone, online())) {
      assertThat(facts.tags()).isEmpty();
      RemoteTags remote = facts.remoteTags(null);
      assertThat(remote.remote()).isEqualTo("origin");
      Map<String, String> theirs = new HashMap<>();
      for (String line : git.run(clone, "ls-remote", "--tags", "origin").split("\n")) {
        String[] f = line.split("\t");
        String name = f[1].substring("refs/tags/".length());
        if (name.endsWith("^{}")) {
          theirs.put(name.substring(0, name.length() - 3), f[0]); // the peeled commit wins
        } else {
          theirs.putIfAbsent(name, f[0]);
        }
      }
      assertThat(remote.commits()).isEqualTo(theirs);
      assertThat(remote.commitOf("v1.1.0"))
          .hasValue(git.run(repo, "rev-parse", "v1.1.0^{commit}").strip());
    }
    try (JGitFacts offline =
        open(
            clone,
            new GitSettings(true, CredentialLookup.none(), Duration.ofSeconds(5), List.of()))) {
      assertThatThrownBy(() -> offline.remoteTags(null))
          .isInstanceOf(FactUnavailableException.class)
          .hasMessage("offline");
    }
  }

  @Test
  void aShallowCloneIsSeenAsGitSeesIt() throws Exception {
    git.commit(repo, "a.txt", "a");
    git.run(repo, "tag", "v0.1.0", "HEAD~1");
    git.commit(repo, "b.txt", "b");
    Path shallow = temp.resolve("shallow");
    git.run(temp, "clone", "-q", "--depth", "1", "file://" + repo, shallow.toString());

    try (JGitFacts facts = open(shallow, online());
        JGitFacts full = open(repo, online())) {
      assertThat(facts.shallow()).isTrue();
      assertThat(git.run(shallow, "rev-parse", "--is-shallow-repository").strip())
          .isEqualTo("true");
      assertThat(full.shallow()).isFalse();
      assertThat(facts.tags()).isEmpty(); // the tag is on a commit the clone does not have
      String tagged = full.tags().get(0).commit();
      assertThat(facts.reachableFromHead(tagged)).isFalse();
    }
  }

  @Test
  void aDirectoryOutsideAnyRepositoryHasNoGitFacts() throws Exception {
    Path plain = Files.createDirectories(temp.resolve("plain/project"));
    assertThat(JGitFacts.open(plain, online())).isEmpty();
    assertThat(git.tryRun(plain, "rev-parse", "--git-dir").exit()).isNotZero();
  }

  @Test
  void aCorruptIndexIsAClearErrorWithTheWayToRebuildIt() throws Exception {
    Files.write(repo.resolve(".git/index"), "DIRC garbage, not an index".getBytes());

    assertThat(git.tryRun(repo, "status").exit()).isNotZero();
    try (JGitFacts facts = open(repo, online())) {
      assertThatThrownBy(facts::status)
          .isInstanceOf(PyreleaseException.class)
          .hasMessageStartingWith("the git index cannot be read")
          .satisfies(
              e -> {
                assertThat(((PyreleaseException) e).where()).endsWith("index");
                assertThat(((PyreleaseException) e).fix()).contains("rm .git/index && git reset");
              });
      assertThat(facts.head().branch()).isEqualTo("main"); // the rest of the repository still reads
    }
  }
}
