package com.salestalk.metricshandler.uploads;

import com.salestalk.servicekit.problem.FieldViolation;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems an upload is refused with; each names the file's row or the reason. */
final class UploadProblems {

  private UploadProblems() {}

  /** 422: the file as a whole is not an acceptable metrics CSV. */
  static ProblemException invalidFile(String message) {
    return new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemTypes.VALIDATION,
        "The file is invalid: " + message,
        List.of(new FieldViolation("file", message)));
  }

  /** 422: no row could be accepted; the first reasons, one per row. */
  static ProblemException noAcceptedRows(long rejected, List<FieldViolation> firstReasons) {
    return new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemTypes.VALIDATION,
        "The file is invalid: none of its "
            + rejected
            + (rejected == 1 ? " row is" : " rows are")
            + " acceptable",
        firstReasons);
  }

  /** 413: over one of the limits. */
  static ProblemException tooLarge(String message) {
    return new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, message);
  }

  /** 415: the part is not CSV text at all. */
  static ProblemException notText(String message) {
    return new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, message);
  }
}
