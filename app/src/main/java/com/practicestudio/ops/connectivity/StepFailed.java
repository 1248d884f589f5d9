package com.practicestudio.ops.connectivity;

/** A step's failure: what happened and which row of the troubleshooting table applies. */
final class StepFailed extends Exception {

  private final Failure failure;

  StepFailed(Failure failure, String detail) {
    super(detail, null, false, false);
    this.failure = failure;
  }

  Failure failure() {
    return failure;
  }
}
