package io.github.pyrelease.git;

import io.github.pyrelease.Hint;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.Setting;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/**
 * The git actions of a release, with JGit: commit exactly the changed files, create an annotated
 * tag, push the branch and the tag to the branch's upstream remote. Also the few facts those
 * actions need to refuse early (no commit yet, detached HEAD, tag taken, dirty files, identity).
 */
public final class JGitReleaser implements AutoCloseable {

  /** Where the release goes: the remote, its URL and the branch there. */
  public record PushTarget(String remote, URIish uri, String remoteBranch) {

    /** The URL without a password written into it, for messages. */
    public String shownUri() {
      return uri.getPass() == null ? uri.toString() : uri.setPass(null).toString();
    }
  }

  private final Repository repository;
  private final Git git;

  private JGitReleaser(Repository repository) {
    this.repository = repository;
    this.git = new Git(repository);
  }

  /** The repository that holds {@code projectDir}, if it is inside one (a sub-folder is fine). */
  public static Optional<JGitReleaser> find(Path projectDir) {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().readEnvironment().findGitDir(projectDir.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try {
      Repository repository = builder.setMustExist(true).build();
      if (repository.isBare()) {
        repository.close();
        return Optional.empty();
      }
      return Optional.of(new JGitReleaser(repository));
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(),
          builder.getGitDir().toString(),
          "check that the repository is readable (git status works there)",
          e);
    }
  }

  public Path workTree() {
    return repository.getWorkTree().toPath();
  }

  public Path gitDir() {
    return repository.getDirectory().toPath();
  }

  /** Whether HEAD points at a commit. */
  public boolean hasCommits() {
    try {
      return repository.resolve(Constants.HEAD) != null;
    } catch (IOException e) {
      throw failure("read HEAD", e);
    }
  }

  /** The checked-out branch, or empty when HEAD is detached. */
  public Optional<String> branch() {
    try {
      String full = repository.getFullBranch();
      return full != null && full.startsWith(Constants.R_HEADS)
          ? Optional.of(repository.getBranch())
          : Optional.empty();
    } catch (IOException e) {
      throw failure("read HEAD", e);
    }
  }

  /**
   * Tracked files with changes, staged or not, relative to the work tree. Untracked files are not
   * counted, as bump-my-version does not count them: they are never committed by a bump.
   */
  public Set<String> changedTrackedFiles() {
    try {
      Status status = git.status().call();
      Set<String> changed = new TreeSet<>();
      changed.addAll(status.getModified());
      changed.addAll(status.getChanged());
      changed.addAll(status.getAdded());
      changed.addAll(status.getRemoved());
      changed.addAll(status.getMissing());
      changed.addAll(status.getConflicting());
      return changed;
    } catch (GitAPIException e) {
      throw failure("read the status", e);
    }
  }

  public boolean tagExists(String name) {
    try {
      return repository.exactRef(Constants.R_TAGS + name) != null;
    } catch (IOException e) {
      throw failure("read tags", e);
    }
  }

  /** A file's path relative to the work tree, with forward slashes. */
  public String relative(Path file) {
    Path tree = workTree().toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    try {
      tree = tree.toRealPath();
      absolute = absolute.toRealPath();
    } catch (IOException e) {
      // keep the normalised paths
    }
    return tree.relativize(absolute).toString().replace(File.separatorChar, '/');
  }

  /**
   * Author and committer as git would take them: {@code user.name} and {@code user.email} from the
   * repository's, the user's or the system's configuration (or {@code GIT_AUTHOR_*}).
   */
  public PersonIdent identity() {
    UserConfig user = repository.getConfig().get(UserConfig.KEY);
    if (user.isAuthorNameImplicit() || user.isAuthorEmailImplicit()) {
      throw new PyreleaseException(
          "git does not know who you are: user.name and user.email are not both configured",
          workTree().toString(),
          "run git config --global user.name \"Your Name\" and git config --global user.email"
              + " you@example.com (or set them in this repository without --global)");
    }
    return new PersonIdent(user.getAuthorName(), user.getAuthorEmail());
  }

  /**
   * Commits exactly {@code paths} (relative to the work tree); other staged changes stay staged.
   */
  public ObjectId commit(List<String> paths, String message, PersonIdent who) {
    try {
      // commit --only reads tracked paths from the work tree itself; new files must be added
      var index = repository.readDirCache();
      List<String> untracked = paths.stream().filter(p -> index.findEntry(p) < 0).toList();
      if (!untracked.isEmpty()) {
        var add = git.add();
        untracked.forEach(add::addFilepattern);
        add.call();
      }
      var commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who);
      paths.forEach(commit::setOnly);
      RevCommit created = commit.call();
      return created.getId();
    } catch (GitAPIException | IOException e) {
      throw failure("commit", e);
    }
  }

  /** Creates the annotated tag {@code name} on {@code commit}. */
  public void tag(String name, String message, ObjectId commit, PersonIdent who) {
    try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repository)) {
      git.tag()
          .setName(name)
          .setAnnotated(true)
          .setMessage(message)
          .setTagger(who)
          .setObjectId(walk.parseCommit(commit))
          .call();
    } catch (GitAPIException | IOException e) {
      throw failure("create the tag " + name, e);
    }
  }

  /**
   * Whether a commit since the tag {@code name} changed a file below {@code directory} (relative to
   * the work tree, with forward slashes; empty for the whole tree).
   */
  public boolean changedSince(String name, String directory) {
    try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repository);
        var trees = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
      ObjectId tagged = repository.resolve(Constants.R_TAGS + name + "^{commit}");
      if (tagged == null) {
        return true;
      }
      trees.addTree(walk.parseCommit(tagged).getTree());
      trees.addTree(walk.parseCommit(head()).getTree());
      trees.setRecursive(true);
      org.eclipse.jgit.treewalk.filter.TreeFilter changed =
          org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF;
      trees.setFilter(
          directory.isEmpty()
              ? changed
              : org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                  org.eclipse.jgit.treewalk.filter.PathFilter.create(directory), changed));
      return trees.next();
    } catch (IOException e) {
      throw failure("compare " + name + " with HEAD", e);
    }
  }

  /** The commit HEAD points at. */
  public ObjectId head() {
    try {
      return repository.resolve(Constants.HEAD);
    } catch (IOException e) {
      throw failure("read HEAD", e);
    }
  }

  /**
   * The branch's upstream ({@code branch.<name>.remote} and {@code .merge}); without one, {@code
   * origin} and the same branch name.
   */
  public PushTarget pushTarget(String branch) {
    BranchConfig config = new BranchConfig(repository.getConfig(), branch);
    String remote = config.getRemote() != null ? config.getRemote() : Constants.DEFAULT_REMOTE_NAME;
    String merge = config.getMerge();
    String remoteBranch =
        merge != null && merge.startsWith(Constants.R_HEADS)
            ? merge.substring(Constants.R_HEADS.length())
            : branch;
    try {
      RemoteConfig remoteConfig = new RemoteConfig(repository.getConfig(), remote);
      if (remoteConfig.getURIs().isEmpty()) {
        throw PyreleaseException.hinted(
            "branch " + branch + " has no upstream remote to push to (no remote '" + remote + "')",
            workTree().toString(),
            Hint.of(
                "add one (git remote add origin URL and git push -u origin ",
                branch,
                "), or bump without ",
                Setting.PUSH.is("true")));
      }
      return new PushTarget(remote, remoteConfig.getURIs().get(0), remoteBranch);
    } catch (java.net.URISyntaxException e) {
      throw new PyreleaseException(
          "the URL of remote '" + remote + "' is not valid: " + e.getMessage(),
          workTree().toString(),
          "correct it with git remote set-url " + remote + " URL");
    }
  }

  /** Pushes the branch and the tag; any rejected update is an error naming it and why. */
  public void push(
      PushTarget target, String branch, String tag, Optional<Credentials> credentials) {
    List<String> specs = new ArrayList<>();
    specs.add(Constants.R_HEADS + branch + ":" + Constants.R_HEADS + target.remoteBranch());
    if (tag != null) {
      specs.add(Constants.R_TAGS + tag + ":" + Constants.R_TAGS + tag);
    }
    PushCommand push =
        git.push()
            .setRemote(target.remote())
            .setTimeout(120)
            // a release changes a few small files: sending them whole beats searching for deltas
            .setTransportConfigCallback(t -> t.setPackConfig(noDeltas()));
    push.setRefSpecs(specs.stream().map(org.eclipse.jgit.transport.RefSpec::new).toList());
    PushCredentials.forRemote(target.uri(), credentials).ifPresent(push::setCredentialsProvider);
    Iterable<PushResult> results;
    try {
      results = push.call();
    } catch (TransportException e) {
      throw new PyreleaseException(
          "cannot push to "
              + target.remote()
              + " ("
              + target.shownUri()
              + "): "
              + masked(e.getMessage(), target, credentials),
          target.shownUri(),
          "check the remote URL and your credentials (settings.xml server, or"
              + " PYRELEASE_GIT_USERNAME/PYRELEASE_GIT_PASSWORD, or GITHUB_TOKEN); then push by"
              + " hand: git push "
              + target.remote()
              + " "
              + branch
              + (tag == null ? "" : " " + tag),
          e);
    } catch (GitAPIException e) {
      throw failure("push", e);
    }
    List<String> rejected = new ArrayList<>();
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        RemoteRefUpdate.Status status = update.getStatus();
        if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
          rejected.add(
              update.getRemoteName()
                  + ": "
                  + status
                  + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
        }
      }
    }
    if (!rejected.isEmpty()) {
      throw new PyreleaseException(
          "the push to " + target.remote() + " was rejected: " + String.join("; ", rejected),
          target.shownUri(),
          "pull and rebase if the branch moved on the remote (the commit and tag are kept"
              + " locally), then push: git push "
              + target.remote()
              + " "
              + branch
              + (tag == null ? "" : " " + tag));
    }
  }

  /** A message from JGit with every secret it might repeat masked. */
  private static String masked(String text, PushTarget target, Optional<Credentials> credentials) {
    String masked = text == null ? "" : text;
    if (target.uri().getPass() != null) {
      masked = Secret.of(target.uri().getPass()).maskIn(masked);
    }
    return credentials.isPresent() ? credentials.get().password().maskIn(masked) : masked;
  }

  private org.eclipse.jgit.storage.pack.PackConfig noDeltas() {
    var config = new org.eclipse.jgit.storage.pack.PackConfig(repository);
    config.setDeltaCompress(false);
    return config;
  }

  private PyreleaseException failure(String action, Exception e) {
    return new PyreleaseException(
        "git could not " + action + ": " + e.getMessage(),
        workTree().toString(),
        "check the repository with git status",
        e);
  }

  @Override
  public void close() {
    git.close();
    repository.close();
  }
}
