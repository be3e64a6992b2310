package io.github.pyrelease.python;

/** Where a child process's output goes, one line at a time, as it is printed. */
@FunctionalInterface
public interface ProcessOutput {

  void line(String line);

  /** Output that goes nowhere (the tail is still kept for error messages). */
  static ProcessOutput discard() {
    return line -> {};
  }
}
