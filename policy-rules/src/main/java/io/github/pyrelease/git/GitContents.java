package io.github.pyrelease.git;

import io.github.pyrelease.secrets.ContentSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The contents of a repository a secret scan reads: the work tree as it would be committed, and
 * every blob of the history.
 */
public final class GitContents {

  private final Repository repository;

  GitContents(Repository repository) {
    this.repository = repository;
  }

  /** What the history scan saw. */
  public record HistoryCount(long commits, long blobs) {}

  /**
   * Streams the files under {@code dir} that are tracked, or untracked and not ignored ({@code
   * .gitignore} at every level, {@code .git/info/exclude}, {@code core.excludesFile}): what the
   * next commit could hold. Ignored directories are not entered; links and submodules are passed
   * over; tracked files deleted from the work tree are gone.
   *
   * @param dir a directory of the work tree; paths the sink sees are relative to it
   */
  public void workTree(Path dir, ContentSink sink) throws IOException {
    Path root = repository.getWorkTree().toPath().toAbsolutePath().normalize();
    Path base = dir.toAbsolutePath().normalize();
    String prefix = root.relativize(base).toString().replace('\\', '/');
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(new DirCacheIterator(repository.readDirCache()));
      walk.addTree(new FileTreeIterator(repository));
      walk.setRecursive(false);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix));
      }
      while (walk.next()) {
        WorkingTreeIterator file = walk.getTree(1, WorkingTreeIterator.class);
        boolean tracked = walk.getTree(0, DirCacheIterator.class) != null;
        if (file == null || (!tracked && file.isEntryIgnored())) {
          continue; // deleted, or ignored (a whole ignored directory is never entered)
        }
        if (walk.isSubtree()) {
          walk.enterSubtree();
          continue;
        }
        FileMode mode = file.getEntryFileMode();
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          continue;
        }
        String path = walk.getPathString();
        if (!prefix.isEmpty() && !path.startsWith(prefix + "/")) {
          continue;
        }
        String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
        Path onDisk = root.resolve(path);
        try (InputStream in = Files.newInputStream(onDisk)) {
          sink.accept(relative, relative, null, file.getEntryContentLength(), in);
        }
      }
    }
  }

  /**
   * Streams every blob reachable from HEAD, each once (named by the path and commit it was first
   * met at, newest first), whatever the number of commits holding it: a tree already walked is not
   * walked again, so the cost follows the repository's distinct objects, not commits times files.
   * Paths are relative to the repository's root.
   */
  public HistoryCount history(ContentSink sink) throws IOException {
    ObjectId head = repository.resolve(Constants.HEAD);
    if (head == null) {
      return new HistoryCount(0, 0);
    }
    Set<ObjectId> trees = new HashSet<>();
    Set<ObjectId> blobs = new HashSet<>();
    long commits = 0;
    try (RevWalk revs = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(repository, reader)) {
      revs.markStart(revs.parseCommit(head));
      for (RevCommit commit : revs) {
        commits++;
        if (!trees.add(commit.getTree().copy())) {
          continue;
        }
        walk.reset(commit.getTree());
        walk.setRecursive(false);
        String name = commit.getName();
        while (walk.next()) {
          FileMode mode = walk.getFileMode(0);
          ObjectId id = walk.getObjectId(0);
          if (walk.isSubtree()) {
            if (trees.add(id)) {
              walk.enterSubtree();
            }
            continue;
          }
          if ((mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE)
              || !blobs.add(id)) {
            continue;
          }
          ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
          String path = walk.getPathString();
          try (InputStream in = loader.openStream()) {
            sink.accept(path, path, name, loader.getSize(), in);
          }
        }
      }
    }
    return new HistoryCount(commits, blobs.size());
  }
}
