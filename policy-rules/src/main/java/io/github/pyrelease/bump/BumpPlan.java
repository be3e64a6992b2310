package io.github.pyrelease.bump;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.git.JGitReleaser;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A planned bump, ready to {@link #simulate} (print every change as a unified diff and the git
 * actions it would take, changing nothing) or {@link #execute} (write all files or none, then
 * commit, tag and push). Holds the repository open: close it.
 */
public final class BumpPlan implements AutoCloseable {

  /**
   * One file's change.
   *
   * @param relative the file relative to the project
   * @param path the file
   * @param before its bytes now
   * @param after its bytes after the bump
   */
  public record PlannedFile(
      String relative,
      Path path,
      byte[] before,
      byte[] after,
      String beforeText,
      String afterText) {}

  /** The git actions: commit (paths relative to the work tree), tag, push. */
  record GitSteps(
      boolean commit,
      List<String> paths,
      String message,
      String tag,
      String branch,
      PersonIdent person,
      JGitReleaser.PushTarget push,
      Optional<Credentials> credentials) {

    static final GitSteps NONE =
        new GitSteps(false, List.of(), null, null, null, null, null, Optional.empty());
  }

  private final String name;
  private final Version current;
  private final Version next;
  private final List<PlannedFile> files;
  private final List<String> notes;
  private final FileSetWriter writer;
  private final JGitReleaser git;
  private final GitSteps steps;

  BumpPlan(
      String name,
      Version current,
      Version next,
      List<PlannedFile> files,
      List<String> notes,
      FileSetWriter writer,
      JGitReleaser git,
      GitSteps steps) {
    this.name = name;
    this.current = current;
    this.next = next;
    this.files = List.copyOf(files);
    this.notes = List.copyOf(notes);
    this.writer = writer;
    this.git = git;
    this.steps = steps;
  }

  /** The project's name as declared, or {@code null} when it declares none. */
  public String name() {
    return name;
  }

  public Version current() {
    return current;
  }

  public Version next() {
    return next;
  }

  public List<PlannedFile> files() {
    return files;
  }

  public List<String> notes() {
    return notes;
  }

  /** The tag the bump creates, if it creates one. */
  public Optional<String> tag() {
    return Optional.ofNullable(steps.tag());
  }

  /** Prints what the bump would do; changes nothing. */
  public void simulate(Consumer<String> out) {
    out.accept(headline() + " (dry run: nothing is changed)");
    notes.forEach(n -> out.accept("note: " + n));
    for (PlannedFile file : files) {
      UnifiedDiff.of(file.relative(), file.beforeText(), file.afterText()).lines().forEach(out);
    }
    if (steps.commit()) {
      out.accept(
          "would commit "
              + String.join(", ", steps.paths())
              + " on "
              + steps.branch()
              + " as "
              + steps.person().getName()
              + " <"
              + steps.person().getEmailAddress()
              + "> with message: "
              + firstLine(steps.message()));
    }
    if (steps.tag() != null) {
      out.accept("would create the annotated tag " + steps.tag());
    }
    if (steps.push() != null) {
      out.accept(
          "would push "
              + steps.branch()
              + (steps.tag() == null ? "" : " and " + steps.tag())
              + " to "
              + steps.push().remote()
              + " ("
              + steps.push().shownUri()
              + ")");
    }
  }

  /** Writes every file or none, then commits, tags and pushes as planned. */
  public void execute(Consumer<String> out) {
    out.accept(headline());
    notes.forEach(n -> out.accept("note: " + n));
    writer.write(
        files.stream()
            .map(f -> new FileSetWriter.Change(f.path(), f.before(), f.after()))
            .toList());
    out.accept("updated " + files.size() + " file(s): " + String.join(", ", relatives()));
    if (!steps.commit()) {
      return;
    }
    ObjectId commit = git.commit(steps.paths(), steps.message(), steps.person());
    out.accept(
        "committed as "
            + commit.abbreviate(7).name()
            + " on "
            + steps.branch()
            + ": "
            + firstLine(steps.message()));
    if (steps.tag() != null) {
      git.tag(steps.tag(), steps.message(), commit, steps.person());
      out.accept("created the annotated tag " + steps.tag());
    }
    if (steps.push() != null) {
      git.push(steps.push(), steps.branch(), steps.tag(), steps.credentials());
      out.accept(
          "pushed "
              + steps.branch()
              + (steps.tag() == null ? "" : " and " + steps.tag())
              + " to "
              + steps.push().remote());
    }
  }

  private List<String> relatives() {
    return files.stream().map(PlannedFile::relative).toList();
  }

  private String headline() {
    return "pyrelease: bump "
        + (name == null ? "the project" : name)
        + " "
        + current
        + " → "
        + next;
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  @Override
  public void close() {
    if (git != null) {
      git.close();
    }
  }
}
