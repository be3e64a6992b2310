package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.pyrelease.policy.Level;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The HTML report rendered by a real browser: headless Chromium ({@code -Dpyrelease.test.chromium},
 * default {@code /usr/bin/chromium} from Debian's chromium package) loads the page from disk with
 * networking off, dumps the DOM it built, and takes a screenshot (kept in {@code
 * target/html-report/} to look at). The summary must be in the rendered DOM and the verdict bar
 * must be painted in the failure colour, which proves the inline style applied.
 */
class HtmlReportBrowserTest {

  private static final String CHROMIUM =
      System.getProperty("pyrelease.test.chromium", "/usr/bin/chromium");
  private static final Path OUT = Path.of("target", "html-report");

  @Test
  void chromiumRendersTheSummaryAndTheVerdictInColour() throws Exception {
    Files.createDirectories(OUT);
    Path page = OUT.resolve("report.html").toAbsolutePath();
    Files.writeString(
        page,
        HtmlReport.render(
            new Report(
                SampleEvaluation.create(), "policy release-policy.yaml", Level.ERROR, "1.0")));
    Path screenshot = OUT.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    String dom = chromium(page, "--dump-dom");
    chromium(page, "--screenshot=" + screenshot, "--window-size=1100,1300");

    assertThat(dom)
        .contains("<strong id=\"verdict\">FAILED</strong>")
        .contains("5 rules: 1 passed, 1 failed, 1 warnings, 0 info, 1 waived, 1 skipped")
        .contains("version-consistent");
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    assertThat(countPixels(image, 0xC62828)).as("pixels of the failure colour").isGreaterThan(5000);
  }

  private static long countPixels(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < Math.min(image.getHeight(), 400); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y) & 0xFFFFFF, rgb)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 6) {
        return false;
      }
    }
    return true;
  }

  private static String chromium(Path page, String... action) throws Exception {
    if (!Files.isExecutable(Path.of(CHROMIUM))) {
      fail(
          "cannot run %s: install Debian package chromium, or set -Dpyrelease.test.chromium",
          CHROMIUM);
    }
    Path profile = Files.createTempDirectory("pyrelease-chromium");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile));
    command.addAll(List.of(action));
    command.add(page.toUri().toString());
    Process process =
        new ProcessBuilder(command).redirectError(OUT.resolve("chromium.log").toFile()).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    deleteTree(profile);
    assertThat(process.exitValue()).as(Files.readString(OUT.resolve("chromium.log"))).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
