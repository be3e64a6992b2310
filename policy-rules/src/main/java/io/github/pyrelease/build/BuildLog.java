package io.github.pyrelease.build;

/** Where the build reports what it does: Maven's log, or the CLI's console. */
public interface BuildLog {

  /** What pyrelease itself does. */
  void info(String message);

  void warn(String message);

  /** One line the build backend printed. */
  void output(String line);
}
