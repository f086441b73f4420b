package com.salestalk.servicekit.limits;

import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every JSON {@code @RequestBody} before Spring binds it: the whole body is read (within the
 * size limit) and parsed with the application's bounded mapper and duplicate-key detection, so
 * malformed JSON and JSON over a limit are a 400 wherever they occur in the body; then it is bound
 * strictly (unknown fields, scalar coercions such as {@code 123} for a string field and {@code
 * null} for primitives are refused), so wrong types and numbers out of their field's range are a
 * 422 naming the field.
 */
@ControllerAdvice
final class StrictJsonBodyAdvice extends RequestBodyAdviceAdapter {

  private final JsonMapper lenient;
  private final JsonMapper strict;
  private final int maxDepth;

  StrictJsonBodyAdvice(JsonMapper applicationMapper, int maxDepth) {
    this.lenient = applicationMapper;
    this.strict = StrictJson.strictCopyOf(applicationMapper);
    this.maxDepth = maxDepth;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    byte[] body = readBody(input);
    JsonNode tree = parse(body, input);
    try {
      strict.readerFor(strict.constructType(targetType)).readValue(tree);
    } catch (MismatchedInputException | InputCoercionException e) {
      // a wrong type, or a number out of its field's range: both name the field (422)
      throw new HttpMessageNotReadableException(
          "JSON does not match " + targetType.getTypeName(), e, input);
    }
    return new BufferedMessage(input.getHeaders(), body);
  }

  private static byte[] readBody(HttpInputMessage input) throws IOException {
    try (InputStream in = input.getBody()) {
      return in.readAllBytes();
    } catch (BodyTooLargeException e) {
      throw new ProblemException(
          HttpStatus.CONTENT_TOO_LARGE,
          ProblemTypes.PAYLOAD_TOO_LARGE,
          BodySizeLimitFilter.tooLargeDetail(e.limit()));
    }
  }

  private JsonNode parse(byte[] body, HttpInputMessage input) {
    JsonNode tree;
    try {
      tree = lenient.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
    } catch (StreamConstraintsException e) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.JSON_LIMITS, limitDetail(e));
    } catch (JacksonIOException e) {
      throw new HttpMessageNotReadableException("unreadable body", e, input);
    } catch (JacksonException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          ProblemTypes.MALFORMED_JSON,
          "The body is not well-formed JSON: " + e.getOriginalMessage() + location(e));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          ProblemTypes.MALFORMED_JSON,
          "The request body is empty; send a JSON object");
    }
    return tree;
  }

  private String limitDetail(StreamConstraintsException e) {
    String text = String.valueOf(e.getOriginalMessage());
    if (text.contains("nesting depth")) {
      return "The JSON body nests deeper than the limit of " + maxDepth + " levels";
    }
    return "The JSON body exceeds a parsing limit: " + text;
  }

  private static String location(JacksonException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
      return "";
    }
    return " (line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }

  /** The body, already read, for the converter. */
  private record BufferedMessage(HttpHeaders headers, byte[] body) implements HttpInputMessage {
    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }
}
