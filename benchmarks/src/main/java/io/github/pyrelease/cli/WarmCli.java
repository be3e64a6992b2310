package io.github.pyrelease.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The warm figure of a CLI command: the same command run ROUNDS times in one JVM, as a Maven build
 * runs the goals' code in its long-lived JVM. Each round's arguments have {@code {round}} replaced
 * by the round's number (a fresh output folder each time); with {@code --stdin FILE} first, each
 * round reads FILE as its standard input. Prints, per round, its wall and
 * process-CPU milliseconds and exit code; stops with status 1 when a round's exit code is not
 * EXPECTED, printing what the command printed.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.pyrelease.cli.WarmCli ROUNDS EXPECTED
 * [--stdin FILE] ARGS...}
 */
public final class WarmCli {

  private WarmCli() {}

  public static void main(String[] args) throws IOException {
    int rounds = Integer.parseInt(args[0]);
    int expected = Integer.parseInt(args[1]);
    byte[] input = new byte[0];
    int first = 2;
    if (args.length > 3 && args[2].equals("--stdin")) {
      input = Files.readAllBytes(Path.of(args[3]));
      first = 4;
    }
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 1; round <= rounds; round++) {
      String[] command = new String[args.length - first];
      for (int i = first; i < args.length; i++) {
        command[i - first] = args[i].replace("{round}", Integer.toString(round));
      }
      StringWriter out = new StringWriter();
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      int exit =
          new PyreleaseCli(new ByteArrayInputStream(input), System.getenv(), false)
              .execute(command, new PrintWriter(out, true), new PrintWriter(out, true));
      double wall = (System.nanoTime() - start) / 1e6;
      double used = (os.getProcessCpuTime() - cpu) / 1e6;
      System.out.printf(Locale.ROOT, "round %d %.1f %.1f %d%n", round, wall, used, exit);
      if (exit != expected) {
        System.out.print(out);
        System.out.printf("round %d exited %d, expected %d%n", round, exit, expected);
        System.exit(1);
      }
    }
  }
}
