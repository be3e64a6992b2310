package io.github.pyrelease.publish;

import java.util.function.Consumer;

/** Where publishing says what it does: Maven's log, or the CLI's console. */
public interface PublishLog {

  void info(String message);

  void warn(String message);

  /** A log that hands each line to {@code info} or {@code warn}. */
  static PublishLog of(Consumer<String> info, Consumer<String> warn) {
    return new PublishLog() {
      @Override
      public void info(String message) {
        info.accept(message);
      }

      @Override
      public void warn(String message) {
        warn.accept(message);
      }
    };
  }
}
