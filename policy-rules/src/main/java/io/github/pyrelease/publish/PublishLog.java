package io.github.pyrelease.publish;

/** Where publishing says what it does: Maven's log, or the CLI's console. */
public interface PublishLog {

  void info(String message);

  void warn(String message);
}
