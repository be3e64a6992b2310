package io.github.pyrelease.benchmarks;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.upload.IndexUploader;
import io.github.pyrelease.upload.UploadResult;
import io.github.pyrelease.upload.UploadTarget;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One publish of the distributions in a directory, as the publish goal does it: read each file's
 * digests and metadata (ReleaseFiles), then upload it (IndexUploader), to the upload URL given. Run
 * by run-upload-bench.sh in a small heap; prints the time of each step and the peak heap.
 *
 * <p>Usage: {@code java -Xmx64m -cp benchmarks.jar io.github.pyrelease.benchmarks.UploadBench
 * <upload-url> <dist-dir>}
 */
public final class UploadBench {

  private UploadBench() {}

  public static void main(String[] args) {
    String url = args[0];
    Path dist = Path.of(args[1]);
    long start = System.nanoTime();
    List<ReleaseFile> files = ReleaseFiles.read(dist);
    long read = System.nanoTime();
    IndexUploader uploader =
        new IndexUploader(new HttpClient(HttpSettings.defaults("pyrelease-bench")));
    UploadTarget target =
        UploadTarget.of(
            "bench", url, "bench", new Credentials("__token__", Secret.of("pypi-bench"), "bench"));
    long bytes = 0;
    for (ReleaseFile file : files) {
      UploadResult result = uploader.upload(target, file);
      if (result.status() != UploadResult.Status.UPLOADED) {
        throw new IllegalStateException("not uploaded: " + result);
      }
      bytes += file.size();
    }
    long done = System.nanoTime();
    double mib = bytes / 1048576.0;
    double upload = (done - read) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "pyrelease: %.0f MiB: digests+metadata %.2f s, upload %.2f s (%.0f MiB/s), peak heap %.1f"
            + " MiB of %.0f MiB max%n",
        mib,
        (read - start) / 1e9,
        upload,
        mib / upload,
        peakHeap() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap ever in use. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
