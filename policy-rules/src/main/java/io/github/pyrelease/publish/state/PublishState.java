package io.github.pyrelease.publish.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the release has done so far, stage by stage: the files each stage published with their
 * sha256, the gates passed, URLs and times. {@link PublishStateFile} keeps it on disk after every
 * step, so a re-run skips what is done and never publishes a file twice.
 */
public final class PublishState {

  /** The detail of an index stage that records the simple API URL of the index it published to. */
  public static final String SIMPLE_URL = "simple-url";

  /** The version of the file's layout. */
  public static final int SCHEMA_VERSION = 1;

  private final String project;
  private final String version;
  private final List<StageState> stages = new ArrayList<>();

  public PublishState(String project, String version) {
    this.project = project;
    this.version = version;
  }

  public String project() {
    return project;
  }

  public String version() {
    return version;
  }

  public List<StageState> stages() {
    return stages;
  }

  public Optional<StageState> stage(String name) {
    return stages.stream().filter(s -> s.name.equals(name)).findFirst();
  }

  /** The record of stage {@code name}, created (pending) when it has none yet. */
  public StageState stageFor(String name, String type, String target) {
    return stage(name)
        .orElseGet(
            () -> {
              StageState created = new StageState(name, type, target);
              stages.add(created);
              return created;
            });
  }

  /** Whether anything at all was published: a file, or a gate passed after publishing. */
  public boolean publishedAnything() {
    return stages.stream().anyMatch(s -> !s.files.isEmpty());
  }

  /** Where a stage is. */
  public enum Status {
    PENDING("pending"),
    RUNNING("running"),
    AWAITING_APPROVAL("awaiting-approval"),
    FAILED("failed"),
    DONE("done");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Status> fromId(String id) {
      for (Status status : values()) {
        if (status.id.equals(id)) {
          return Optional.of(status);
        }
      }
      return Optional.empty();
    }
  }

  /** One stage's record. */
  public static final class StageState {
    private final String name;
    private final String type;
    private final String target;
    private Status status = Status.PENDING;
    private String started;
    private String finished;
    private String url;
    private String message;
    private final List<FileState> files = new ArrayList<>();
    private final Map<String, GateState> gates = new LinkedHashMap<>();
    private final Map<String, String> details = new LinkedHashMap<>();

    public StageState(String name, String type, String target) {
      this.name = name;
      this.type = type;
      this.target = target;
    }

    public String name() {
      return name;
    }

    public String type() {
      return type;
    }

    /** Where the stage publishes: an upload URL, a repository, a folder. */
    public String target() {
      return target;
    }

    public Status status() {
      return status;
    }

    public String started() {
      return started;
    }

    public String finished() {
      return finished;
    }

    /** What a person opens to see the result, or {@code null}. */
    public String url() {
      return url;
    }

    /** Why the stage stopped, when it did. */
    public String message() {
      return message;
    }

    public List<FileState> files() {
      return files;
    }

    public Map<String, GateState> gates() {
      return gates;
    }

    /** Stage-specific facts, such as the id of a GitHub draft. */
    public Map<String, String> details() {
      return details;
    }

    public Optional<FileState> file(String fileName) {
      return files.stream().filter(f -> f.file().equals(fileName)).findFirst();
    }

    public void status(Status status, String message) {
      this.status = status;
      this.message = message;
    }

    public void started(String time) {
      if (started == null) {
        started = time;
      }
    }

    public void finished(String time) {
      finished = time;
    }

    public void url(String url) {
      this.url = url;
    }

    public void recordFile(FileState file) {
      files.removeIf(f -> f.file().equals(file.file()));
      files.add(file);
    }
  }

  /**
   * A file a stage published, or found already published with the same digest.
   *
   * @param outcome {@code uploaded}, {@code already-present} or {@code listed}
   */
  public record FileState(
      String file, String sha256, long size, String outcome, String url, String time) {}

  /**
   * A gate's result.
   *
   * @param status {@code passed}
   * @param by how: {@code pyrelease.approve}, a prompt, or what the check saw
   */
  public record GateState(String status, String time, String by) {}
}
