package com.salestalk.infra.deploy;

/** A deploy that did not end with the stack complete: the message says what failed and why. */
public final class DeployException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the failed resources and their reasons when known
   */
  public DeployException(String message) {
    super(message);
  }
}
