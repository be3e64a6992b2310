package io.github.pyrelease.bump;

import java.nio.file.Path;

/**
 * A bump run in a child JVM that stops at the fault hook after {@code args[1]} files were replaced,
 * announces it on standard output and waits to be killed.
 */
public final class KilledBumpMain {

  private KilledBumpMain() {}

  public static void main(String[] args) {
    int killAt = Integer.parseInt(args[1]);
    BumpRequest request =
        BumpRequest.of(Path.of(args[0]), BumpKind.MINOR)
            .withClock(Projects.CLOCK)
            .withGit(false, false, false)
            .withFaultHook(
                (replaced, total) -> {
                  if (replaced == killAt) {
                    System.out.println("HOOK " + replaced + " of " + total);
                    System.out.flush();
                    try {
                      Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                });
    try (BumpPlan plan = ProjectBump.plan(request)) {
      plan.execute(line -> {});
    }
    System.out.println("DONE");
  }
}
