package io.github.pyrelease.secrets;

import io.github.pyrelease.PyreleaseException;

/** A secret-scanning configuration that cannot be used, naming the file, line and rule. */
public final class SecretConfigException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  SecretConfigException(String what, String where, String fix) {
    super(what, where, fix);
  }
}
