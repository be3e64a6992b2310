package io.github.pyrelease.git;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.http.SecureUrls;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;

/** The git facts of the repository a project lives in, read through JGit. */
public final class JGitFacts implements GitFacts, AutoCloseable {

  /** Daemon threads for background listings: they never keep a JVM alive. */
  private static final Executor LISTER =
      runnable -> {
        Thread thread = new Thread(runnable, "pyrelease-git-ls-remote");
        thread.setDaemon(true);
        thread.start();
      };

  private static final String INDEX_FIX =
      "rebuild the index from HEAD, keeping your files: rm .git/index && git reset";

  private final Repository repository;
  private final Git git;
  private final GitSettings settings;
  private Optional<UpstreamStatus> upstream;
  private RemoteTags remoteTags;
  private List<GitTag> tags;

  /** The remote's refs by remote and server id: listed once, the first in the background. */
  private final Map<String, CompletableFuture<Map<String, String>>> listings = new HashMap<>();

  private JGitFacts(Repository repository, GitSettings settings) {
    this.repository = repository;
    this.git = Git.wrap(repository);
    this.settings = settings;
  }

  /**
   * Opens the repository holding {@code dir} (the directory or one of its parents).
   *
   * @return empty when {@code dir} is not inside a git work tree
   * @throws PyreleaseException when a repository is there but cannot be opened
   */
  public static Optional<JGitFacts> open(Path dir, GitSettings settings) {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().setMustExist(true).findGitDir(dir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try {
      Repository repository = builder.build();
      if (repository.isBare()) {
        repository.close();
        return Optional.empty();
      }
      JGitFacts facts = new JGitFacts(repository, settings);
      if (!settings.offline()) {
        facts.startListing();
      }
      return Optional.of(facts);
    } catch (IOException | IllegalArgumentException e) {
      throw new PyreleaseException(
          "cannot open the git repository: " + e.getMessage(),
          builder.getGitDir().toString(),
          "check the repository with 'git status' and 'git fsck'");
    }
  }

  /** What a secret scan reads of the repository: its work tree and its history. */
  public GitContents contents() {
    return new GitContents(repository);
  }

  /** The work tree's root. */
  public Path root() {
    return repository.getWorkTree().toPath();
  }

  @Override
  public HeadState head() {
    try {
      Ref head = repository.exactRef(Constants.HEAD);
      if (head == null) {
        return new HeadState(null, null);
      }
      String commit = head.getObjectId() == null ? null : head.getObjectId().name();
      return head.isSymbolic()
          ? new HeadState(Repository.shortenRefName(head.getTarget().getName()), commit)
          : new HeadState(null, commit);
    } catch (IOException e) {
      throw unreadable("HEAD", e);
    }
  }

  @Override
  public GitStatus status() {
    Status status;
    try {
      status = git.status().call();
    } catch (GitAPIException | JGitInternalException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PyreleaseException(
          "the git index cannot be read: " + cause.getMessage(),
          new File(repository.getDirectory(), "index").toString(),
          INDEX_FIX);
    }
    List<GitStatus.DirtyPath> paths = new ArrayList<>();
    add(paths, status.getAdded(), GitStatus.Change.STAGED);
    add(paths, status.getChanged(), GitStatus.Change.STAGED);
    add(paths, status.getRemoved(), GitStatus.Change.STAGED);
    add(paths, status.getModified(), GitStatus.Change.MODIFIED);
    add(paths, status.getMissing(), GitStatus.Change.DELETED);
    add(paths, status.getConflicting(), GitStatus.Change.CONFLICTING);
    status.getUntracked().stream()
        .filter(path -> !ownOutput(path))
        .map(this::markDirectory)
        .forEach(path -> paths.add(new GitStatus.DirtyPath(path, GitStatus.Change.UNTRACKED)));
    paths.sort(
        Comparator.comparing(GitStatus.DirtyPath::path).thenComparing(GitStatus.DirtyPath::change));
    return new GitStatus(paths.stream().distinct().toList());
  }

  private static void add(
      List<GitStatus.DirtyPath> paths, Set<String> set, GitStatus.Change change) {
    set.forEach(path -> paths.add(new GitStatus.DirtyPath(path, change)));
  }

  /**
   * JGit lists an untracked nested repository as a plain path; git lists it as a folder ({@code
   * vendor/lib/}), which is what it is: its files are the nested repository's business.
   */
  private String markDirectory(String path) {
    return java.nio.file.Files.isDirectory(
            root().resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)
        ? path + "/"
        : path;
  }

  private boolean ownOutput(String path) {
    Path absolute = root().resolve(path).normalize();
    return settings.ownOutput().stream()
        .anyMatch(dir -> absolute.startsWith(dir.toAbsolutePath().normalize()));
  }

  @Override
  public synchronized List<GitTag> tags() {
    if (tags == null) {
      tags = List.copyOf(readTags());
    }
    return tags;
  }

  private List<GitTag> readTags() {
    try {
      List<GitTag> tags = new ArrayList<>();
      for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        Ref peeled = ref.isPeeled() ? ref : repository.getRefDatabase().peel(ref);
        ObjectId target =
            peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
        if (target != null) {
          tags.add(
              new GitTag(
                  ref.getName().substring(Constants.R_TAGS.length()),
                  target.name(),
                  peeled.getPeeledObjectId() != null));
        }
      }
      return tags;
    } catch (IOException e) {
      throw unreadable("the tags", e);
    }
  }

  @Override
  public boolean reachableFromHead(String commit) {
    String head = head().commit();
    if (head == null) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.isMergedInto(
          walk.parseCommit(ObjectId.fromString(commit)),
          walk.parseCommit(ObjectId.fromString(head)));
    } catch (MissingObjectException e) {
      return false; // not in this (possibly shallow) history
    } catch (IOException e) {
      throw unreadable("the history of HEAD", e);
    }
  }

  @Override
  public boolean shallow() {
    File shallow = new File(repository.getCommonDirectory(), "shallow");
    return shallow.isFile() && shallow.length() > 0;
  }

  @Override
  public synchronized Optional<UpstreamStatus> upstream(String serverId) {
    if (upstream == null) {
      upstream = readUpstream(serverId);
    }
    return upstream;
  }

  private Optional<UpstreamStatus> readUpstream(String serverId) {
    HeadState head = head();
    if (head.detached() || head.commit() == null) {
      return Optional.empty();
    }
    BranchConfig config = new BranchConfig(repository.getConfig(), head.branch());
    String remote = config.getRemote();
    String merge = config.getMerge();
    if (remote == null || merge == null) {
      return Optional.empty();
    }
    boolean local = remote.equals(".");
    String tracking = local ? merge : config.getRemoteTrackingBranch();
    if (tracking == null) {
      return Optional.empty();
    }
    String url = remoteUrl(remote);
    String notFetched = null;
    boolean onRemote = true;
    if (local) {
      notFetched = null;
    } else if (settings.offline()) {
      notFetched = "offline";
    } else {
      try {
        onRemote = bringUpToDate(remote, merge, tracking, serverId, url);
      } catch (GitAPIException | JGitInternalException | IOException e) {
        notFetched = "cannot fetch " + remote + " (" + url + "): " + clean(e);
      }
    }
    String upstreamName = Repository.shortenRefName(tracking);
    try {
      BranchTrackingStatus tracked = BranchTrackingStatus.of(repository, head.branch());
      boolean gone = tracked == null || !onRemote;
      return Optional.of(
          new UpstreamStatus(
              head.branch(),
              upstreamName,
              remote,
              url,
              gone,
              gone ? 0 : tracked.getAheadCount(),
              gone ? 0 : tracked.getBehindCount(),
              !local && notFetched == null,
              notFetched));
    } catch (IOException e) {
      throw unreadable("the upstream of " + head.branch(), e);
    }
  }

  /**
   * Makes the remote-tracking branch what the remote has: one listing of the remote's refs (which
   * {@link #remoteTags} reuses) tells whether it moved, and only then is it fetched. A fetch that
   * finds nothing new still costs a full negotiation; a listing is one round trip.
   *
   * @return false when the remote no longer has the branch
   */
  private boolean bringUpToDate(
      String remote, String merge, String tracking, String serverId, String url)
      throws GitAPIException, IOException {
    String remoteCommit = advertised(remote, serverId, url).get(merge);
    if (remoteCommit == null) {
      return false;
    }
    Ref current = repository.exactRef(tracking);
    if (current != null
        && current.getObjectId() != null
        && current.getObjectId().name().equals(remoteCommit)) {
      return true;
    }
    git.fetch()
        .setRemote(remote)
        .setRefSpecs(new RefSpec("+" + merge + ":" + tracking))
        .setTagOpt(TagOpt.NO_TAGS)
        .setRemoveDeletedRefs(true)
        .setTimeout(timeoutSeconds())
        .setCredentialsProvider(credentials(serverId, url))
        .call();
    return true;
  }

  /**
   * Starts listing the remote's refs in the background, so that the round trip overlaps the reading
   * of the work tree; {@link #upstream} and {@link #remoteTags} then find it done.
   */
  private void startListing() {
    tagRemote()
        .ifPresent(
            remote -> listing(remote, null, remoteUrl(remote), CompletableFuture::supplyAsync));
  }

  /** The remote's branches and tags, name to commit (tags peeled), listed once per check. */
  private Map<String, String> advertised(String remote, String serverId, String url)
      throws GitAPIException {
    CompletableFuture<Map<String, String>> listing =
        listing(
            remote,
            serverId,
            url,
            (task, executor) -> CompletableFuture.completedFuture(task.get()));
    try {
      return listing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof GitAPIException cause) {
        throw cause;
      }
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private synchronized CompletableFuture<Map<String, String>> listing(
      String remote, String serverId, String url, Starter starter) {
    return listings.computeIfAbsent(
        remote + "\n" + serverId,
        key -> {
          try {
            return starter.start(() -> listRefs(remote, serverId, url), LISTER);
          } catch (CompletionException e) {
            return CompletableFuture.failedFuture(e.getCause());
          }
        });
  }

  private Map<String, String> listRefs(String remote, String serverId, String url) {
    try {
      Map<String, String> refs = new HashMap<>();
      for (Ref ref :
          git.lsRemote()
              .setRemote(remote)
              .setHeads(true)
              .setTags(true)
              .setTimeout(timeoutSeconds())
              .setCredentialsProvider(credentials(serverId, url))
              .call()) {
        ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
        refs.put(ref.getName(), id.name());
      }
      return refs;
    } catch (GitAPIException e) {
      throw new CompletionException(e);
    }
  }

  /** How a listing starts: in the background, or right here. */
  @FunctionalInterface
  private interface Starter {
    CompletableFuture<Map<String, String>> start(
        java.util.function.Supplier<Map<String, String>> task, Executor executor);
  }

  @Override
  public synchronized RemoteTags remoteTags(String serverId) {
    if (remoteTags != null) {
      return remoteTags;
    }
    Optional<String> remote = tagRemote();
    if (remote.isEmpty()) {
      return remoteTags = RemoteTags.noRemote();
    }
    String url = remoteUrl(remote.get());
    if (settings.offline()) {
      throw new FactUnavailableException(
          "offline",
          remote.get() + " (" + url + ")",
          "run without Maven's -o (CLI: --offline) to ask " + remote.get() + " for its tags",
          null);
    }
    try {
      Map<String, String> commits = new HashMap<>();
      advertised(remote.get(), serverId, url)
          .forEach(
              (name, id) -> {
                if (name.startsWith(Constants.R_TAGS)) {
                  commits.put(name.substring(Constants.R_TAGS.length()), id);
                }
              });
      return remoteTags = new RemoteTags(remote.get(), url, commits);
    } catch (GitAPIException | JGitInternalException e) {
      throw new FactUnavailableException(
          "cannot list the tags of " + remote.get() + ": " + clean(e),
          remote.get() + " (" + url + ")",
          "check that 'git ls-remote --tags "
              + remote.get()
              + "' works and that credentials for the remote's host are in settings.xml or the"
              + " environment",
          null);
    }
  }

  /** The remote the branch tracks, else {@code origin}, else the only remote. */
  private Optional<String> tagRemote() {
    HeadState head = head();
    Set<String> remotes = repository.getRemoteNames();
    if (!head.detached()) {
      String tracked = new BranchConfig(repository.getConfig(), head.branch()).getRemote();
      if (tracked != null && remotes.contains(tracked)) {
        return Optional.of(tracked);
      }
    }
    if (remotes.contains(Constants.DEFAULT_REMOTE_NAME)) {
      return Optional.of(Constants.DEFAULT_REMOTE_NAME);
    }
    return remotes.size() == 1 ? remotes.stream().findFirst() : Optional.empty();
  }

  private String remoteUrl(String remote) {
    String url = repository.getConfig().getString("remote", remote, "url");
    return url == null ? remote : SecureUrls.redact(url);
  }

  /**
   * The fetch's credentials, as a push finds them ({@link PushCredentials}): the server the rule
   * names, else the one named after the remote's host, else {@code PYRELEASE_GIT_USERNAME} / {@code
   * PYRELEASE_GIT_PASSWORD} or {@code GITHUB_TOKEN}; only https remotes get any.
   */
  private CredentialsProvider credentials(String serverId, String url) {
    URIish uri;
    try {
      uri = new URIish(url);
    } catch (URISyntaxException e) {
      return null;
    }
    String id = serverId != null ? serverId : uri.getHost();
    Optional<Credentials> found =
        settings
            .credentials()
            .find(id)
            .or(() -> PushCredentials.fromEnvironment(settings.credentials().environment()));
    return PushCredentials.forRemote(uri, found).orElse(null);
  }

  private int timeoutSeconds() {
    return (int) Math.max(1, settings.timeout().toSeconds());
  }

  /** The exception's message without a repeated class name or credentials. */
  private String clean(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? root.toString() : e.getMessage();
    // JGit starts with the remote's URL, which the caller already names
    message = message.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S*: ", "");
    return settings.credentials().maskAll(SecureUrls.redact(message));
  }

  private PyreleaseException unreadable(String what, IOException e) {
    return new PyreleaseException(
        "cannot read " + what + " of the git repository: " + e.getMessage(),
        repository.getDirectory().toString(),
        "check the repository with 'git fsck'");
  }

  @Override
  public void close() {
    // let a listing still under way finish with the repository it reads (bounded by its timeout)
    List<CompletableFuture<Map<String, String>>> pending;
    synchronized (this) {
      pending = List.copyOf(listings.values());
    }
    pending.forEach(listing -> listing.exceptionally(e -> Map.of()).join());
    repository.close();
  }
}
