package io.github.pyrelease;

/** Who shows a message to the user: a fix names settings the way that front end spells them. */
public enum FrontEnd {
  /** The Maven plugin: user properties ({@code -Dpyrelease.force=true}). */
  MAVEN,
  /** The {@code pyrelease} command line: arguments and options ({@code --force}). */
  CLI
}
