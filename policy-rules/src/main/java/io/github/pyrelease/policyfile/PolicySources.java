package io.github.pyrelease.policyfile;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads policy files from disk, from the class path and from pinned URLs. The class loader is the
 * one an organisation's policy jar is on: the Maven plugin passes its own realm, where the POM's
 * {@code <plugin><dependencies>} are.
 */
public final class PolicySources {

  private final ClassLoader classLoader;
  private final RemotePolicies remote;

  /**
   * @param classLoader where {@code classpath:} resources are looked up
   * @param remote fetches and caches https policies
   */
  public PolicySources(ClassLoader classLoader, RemotePolicies remote) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.remote = Objects.requireNonNull(remote, "remote");
  }

  /**
   * The thread's context class loader (or this library's), the default cache, online.
   *
   * @param environment for the cache directory ({@code XDG_CACHE_HOME})
   */
  public static PolicySources defaults(Map<String, String> environment) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return new PolicySources(
        context != null ? context : PolicySources.class.getClassLoader(),
        new RemotePolicies(RemotePolicies.defaultCacheDir(environment), false));
  }

  /**
   * Reads the policy at {@code location}.
   *
   * @param namedAt where the location was written (an {@code extends} entry), for messages
   * @throws PolicyFileException saying what could not be read and how to fix it
   */
  PolicyText read(PolicyLocation location, Position namedAt) {
    byte[] bytes;
    if (location instanceof PolicyLocation.LocalFile file) {
      bytes = readFile(file, namedAt);
    } else if (location instanceof PolicyLocation.Classpath resource) {
      bytes = readResource(resource, namedAt);
    } else {
      bytes = remote.fetch((PolicyLocation.Remote) location, namedAt);
    }
    try {
      return new PolicyText(location, PolicyBytes.utf8(bytes));
    } catch (IllegalArgumentException e) {
      throw PolicyFileException.of(
          Position.of(location.display()),
          location.display() + " " + e.getMessage(),
          "save the policy as UTF-8");
    }
  }

  private static byte[] readFile(PolicyLocation.LocalFile file, Position namedAt) {
    Path path = file.path();
    try {
      if (Files.isDirectory(path)) {
        throw PolicyFileException.of(
            namedAt,
            file.display() + " is a directory, not a policy file",
            "name the YAML file itself, such as " + file.display() + "/release-policy.yaml");
      }
      long size = Files.size(path);
      if (size > PolicyBytes.MAX_BYTES) {
        throw PolicyFileException.of(
            namedAt, file.display() + " " + PolicyBytes.tooLarge(size), "name the right file");
      }
      try (InputStream in = Files.newInputStream(path)) {
        byte[] bytes = PolicyBytes.readLimited(in);
        if (bytes == null) {
          throw PolicyFileException.of(
              namedAt, file.display() + " " + PolicyBytes.tooLarge(-1), "name the right file");
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw PolicyFileException.of(
          namedAt,
          "policy file " + file.display() + " does not exist",
          "create it, or correct the path (a relative path is relative to the file that names"
              + " it, or to the project for pyrelease.policy and --policy)");
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read policy file " + file.display() + ": " + e.getMessage(),
          namedAt.toString(),
          "check that the file is readable",
          e);
    }
  }

  private byte[] readResource(PolicyLocation.Classpath resource, Position namedAt) {
    List<URL> found;
    try {
      found = Collections.list(classLoader.getResources(resource.resource()));
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot look up " + resource.display() + ": " + e.getMessage(),
          namedAt.toString(),
          "check the jars on the plugin's class path",
          e);
    }
    if (found.isEmpty()) {
      throw PolicyFileException.of(
          namedAt,
          resource.display() + " is not on the class path",
          "add the jar that holds "
              + resource.resource()
              + " as a <dependency> of the"
              + " release-maven-plugin <plugin> in the POM (or put it on the CLI's class path);"
              + " check the spelling of the resource");
    }
    if (found.size() > 1) {
      List<String> where = new ArrayList<>();
      found.forEach(url -> where.add(url.toString()));
      throw PolicyFileException.of(
          namedAt,
          resource.display() + " is in " + found.size() + " places: " + String.join(", ", where),
          "keep one jar with that policy among the plugin's dependencies; which one wins would"
              + " depend on class path order");
    }
    try (InputStream in = found.get(0).openStream()) {
      byte[] bytes = PolicyBytes.readLimited(in);
      if (bytes == null) {
        throw PolicyFileException.of(
            namedAt,
            resource.display() + " " + PolicyBytes.tooLarge(-1),
            "name the right resource");
      }
      return bytes;
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + resource.display() + ": " + e.getMessage(),
          namedAt.toString(),
          "check that the jar that holds it is not corrupt",
          e);
    }
  }
}
