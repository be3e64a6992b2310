package io.github.pyrelease.cli;

import io.github.pyrelease.report.ReportLine;

/** Colours report lines by severity when the console is a terminal, and only then. */
final class ConsoleStyle {

  private static final String RED = "\u001B[31m";
  private static final String YELLOW = "\u001B[33m";
  private static final String RESET = "\u001B[0m";

  private final boolean colour;

  ConsoleStyle(boolean colour) {
    this.colour = colour;
  }

  String apply(ReportLine line) {
    if (!colour) {
      return line.text();
    }
    return switch (line.severity()) {
      case ERROR -> RED + line.text() + RESET;
      case WARNING -> YELLOW + line.text() + RESET;
      case INFO -> line.text();
    };
  }
}
