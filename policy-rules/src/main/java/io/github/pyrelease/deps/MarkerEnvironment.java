package io.github.pyrelease.deps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values of the PEP 508 marker variables for the environment dependencies are audited for.
 *
 * <p>{@link #DEFAULT} is CPython 3.11 on x86-64 Linux, the environment most CI runs in; a policy or
 * a front end sets its own with {@link #with(String, String)} or {@link #of(Map)}, and {@link
 * #forPython(String)} derives one from an interpreter's version.
 *
 * @param values every marker variable (canonical names, such as {@code python_version}) with its
 *     value
 */
public record MarkerEnvironment(Map<String, String> values) {

  /** The marker variables packaging's {@code default_environment()} reports. */
  public static final Set<String> VARIABLES =
      Set.of(
          "implementation_name",
          "implementation_version",
          "os_name",
          "platform_machine",
          "platform_release",
          "platform_system",
          "platform_version",
          "python_full_version",
          "platform_python_implementation",
          "python_version",
          "sys_platform");

  /** CPython 3.11.9 on x86-64 Linux. */
  public static final MarkerEnvironment DEFAULT = forPython("3.11.9");

  public MarkerEnvironment {
    values = Map.copyOf(values);
    for (String variable : VARIABLES) {
      Objects.requireNonNull(values.get(variable), variable);
    }
  }

  /**
   * CPython at {@code fullVersion} (such as {@code 3.12.4}) on x86-64 Linux.
   *
   * @throws IllegalArgumentException when the version has no minor number
   */
  public static MarkerEnvironment forPython(String fullVersion) {
    String[] parts = fullVersion.strip().split("\\.");
    if (parts.length < 2) {
      throw new IllegalArgumentException(
          "'" + fullVersion + "' is not a Python version such as 3.11 or 3.11.9");
    }
    String full = parts.length == 2 ? fullVersion.strip() + ".0" : fullVersion.strip();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("implementation_name", "cpython");
    values.put("implementation_version", full);
    values.put("os_name", "posix");
    values.put("platform_machine", "x86_64");
    values.put("platform_release", "");
    values.put("platform_system", "Linux");
    values.put("platform_version", "");
    values.put("python_full_version", full);
    values.put("platform_python_implementation", "CPython");
    values.put("python_version", parts[0] + "." + parts[1]);
    values.put("sys_platform", "linux");
    return new MarkerEnvironment(values);
  }

  /**
   * An environment with every variable given.
   *
   * @throws NullPointerException naming a missing variable
   */
  public static MarkerEnvironment of(Map<String, String> values) {
    return new MarkerEnvironment(values);
  }

  /**
   * This environment with one variable changed, such as {@code sys_platform=win32}.
   *
   * @throws IllegalArgumentException when {@code variable} is not a marker variable
   */
  public MarkerEnvironment with(String variable, String value) {
    if (!VARIABLES.contains(variable)) {
      throw new IllegalArgumentException(
          "'"
              + variable
              + "' is not a marker variable; use one of "
              + new java.util.TreeSet<>(VARIABLES));
    }
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(variable, value);
    return new MarkerEnvironment(changed);
  }

  /** The value of a variable, or {@code null} when it is not one. */
  public String get(String variable) {
    return values.get(variable);
  }
}
