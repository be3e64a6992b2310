package io.github.pyrelease.maven;

/** The project broke the policy: the build fails with this message. */
final class RulesFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  RulesFailedException(String message) {
    super(message);
  }
}
