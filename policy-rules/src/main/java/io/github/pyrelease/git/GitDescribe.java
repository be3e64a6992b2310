package io.github.pyrelease.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * {@code git describe --tags --long --match *[0-9]*} on JGit's object model, with git's own choice
 * of tag (JGit's {@code DescribeCommand} picks differently when tags share a commit): for each
 * commit the tag git names it by (an annotated tag over a lightweight one, of two annotated tags
 * the one with the newer tagger date, else the first by name); then from HEAD, in commit-date
 * order, up to 10 candidates, each with git's depth, and the one of least depth, the first found on
 * a tie.
 */
final class GitDescribe {

  private static final int MAX_CANDIDATES = 10;
  private static final int SEEN = 1;

  /** A tag as git describe weighs it. */
  private record Name(String tag, int priority, long taggerTime) {}

  private static final class Candidate {
    final Name name;
    final int flag;
    final int foundOrder;
    long depth;

    Candidate(Name name, int flag, int foundOrder, long depth) {
      this.name = name;
      this.flag = flag;
      this.foundOrder = foundOrder;
      this.depth = depth;
    }
  }

  /** The tag and the distance, or {@code null} when no tag with a digit reaches HEAD. */
  record Described(String tag, long distance) {}

  private GitDescribe() {}

  static Described describe(Repository repository, RevWalk walk, RevCommit head)
      throws IOException {
    Map<ObjectId, Name> names = names(repository, walk);
    Name exact = names.get(head.getId());
    if (exact != null) {
      return new Described(exact.tag(), 0);
    }
    Map<RevCommit, Integer> flags = new HashMap<>();
    LinkedList<RevCommit> list = new LinkedList<>();
    flags.put(head, SEEN);
    list.add(head);
    List<Candidate> matches = new ArrayList<>();
    long seenCommits = 0;
    int annotated = 0;
    RevCommit gaveUpOn = null;
    while (!list.isEmpty()) {
      RevCommit c = list.removeFirst();
      walk.parseHeaders(c);
      seenCommits++;
      Name name = names.get(c.getId());
      if (name != null) {
        if (matches.size() < MAX_CANDIDATES) {
          int flag = 1 << (matches.size() + 1);
          matches.add(new Candidate(name, flag, matches.size() + 1, seenCommits - 1));
          flags.merge(c, flag, (a, b) -> a | b);
          if (name.priority() == 2) {
            annotated++;
          }
        } else {
          gaveUpOn = c;
          break;
        }
      }
      int own = flags.getOrDefault(c, 0);
      for (Candidate t : matches) {
        if ((own & t.flag) == 0) {
          t.depth++;
        }
      }
      if (annotated > 0 && list.isEmpty()) {
        break;
      }
      for (RevCommit p : c.getParents()) {
        walk.parseHeaders(p);
        if ((flags.getOrDefault(p, 0) & SEEN) == 0) {
          insertByDate(list, p);
        }
        flags.merge(p, own, (a, b) -> a | b);
      }
    }
    if (matches.isEmpty()) {
      return null;
    }
    matches.sort(
        (a, b) ->
            a.depth != b.depth
                ? Long.compare(a.depth, b.depth)
                : Integer.compare(a.foundOrder, b.foundOrder));
    Candidate best = matches.get(0);
    if (gaveUpOn != null) {
      insertByDate(list, gaveUpOn);
    }
    finishDepth(walk, list, flags, best);
    return new Described(best.name.tag(), best.depth);
  }

  /** git's finish_depth_computation: count the commits the best candidate does not reach. */
  private static void finishDepth(
      RevWalk walk, LinkedList<RevCommit> list, Map<RevCommit, Integer> flags, Candidate best)
      throws IOException {
    while (!list.isEmpty()) {
      RevCommit c = list.removeFirst();
      int own = flags.getOrDefault(c, 0);
      if ((own & best.flag) != 0) {
        boolean allWithin = true;
        for (RevCommit other : list) {
          if ((flags.getOrDefault(other, 0) & best.flag) == 0) {
            allWithin = false;
            break;
          }
        }
        if (allWithin) {
          break;
        }
      } else {
        best.depth++;
      }
      for (RevCommit p : c.getParents()) {
        walk.parseHeaders(p);
        if ((flags.getOrDefault(p, 0) & SEEN) == 0) {
          insertByDate(list, p);
        }
        flags.merge(p, own, (a, b) -> a | b);
      }
    }
  }

  /** git's commit_list_insert_by_date: before the first commit that is strictly older. */
  private static void insertByDate(LinkedList<RevCommit> list, RevCommit commit) {
    ListIterator<RevCommit> at = list.listIterator();
    while (at.hasNext()) {
      if (at.next().getCommitTime() < commit.getCommitTime()) {
        at.previous();
        break;
      }
    }
    at.add(commit);
  }

  /** The name git describe gives each tagged commit, from tags whose name has a digit. */
  private static Map<ObjectId, Name> names(Repository repository, RevWalk walk) throws IOException {
    Map<String, Ref> tags = new TreeMap<>();
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      tags.put(ref.getName(), ref);
    }
    Map<ObjectId, Name> names = new HashMap<>();
    for (Ref ref : tags.values()) {
      String tag = ref.getName().substring(Constants.R_TAGS.length());
      if (!tag.matches(".*[0-9].*")) {
        continue;
      }
      RevObject object;
      try {
        object = walk.parseAny(ref.getObjectId());
      } catch (org.eclipse.jgit.errors.MissingObjectException e) {
        continue;
      }
      int priority = 1;
      long taggerTime = 0;
      if (object instanceof RevTag annotatedTag) {
        priority = 2;
        taggerTime =
            annotatedTag.getTaggerIdent() == null
                ? 0
                : annotatedTag.getTaggerIdent().getWhenAsInstant().getEpochSecond();
      }
      RevCommit commit;
      try {
        commit = walk.parseCommit(ref.getObjectId());
      } catch (IncorrectObjectTypeException e) {
        continue; // a tag of a tree or blob names no commit
      }
      Name existing = names.get(commit.getId());
      if (existing == null
          || existing.priority() < priority
          || (existing.priority() == 2 && priority == 2 && existing.taggerTime() < taggerTime)) {
        names.put(commit.getId(), new Name(tag, priority, taggerTime));
      }
    }
    return names;
  }
}
