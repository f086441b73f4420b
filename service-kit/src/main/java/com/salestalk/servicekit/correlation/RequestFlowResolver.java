package com.salestalk.servicekit.correlation;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.servicekit.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link Flow} handler parameters: the correlation id from {@code X-Correlation-Id} (a
 * UUID; 400 otherwise) or a new one, echoed in the response header; the trace id from W3C {@code
 * traceparent} or AWS {@code X-Amzn-Trace-Id} when present.
 */
final class RequestFlowResolver implements HandlerMethodArgumentResolver {

  /** The correlation header, read and echoed. */
  static final String CORRELATION_HEADER = "X-Correlation-Id";

  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final Pattern AMZN_ROOT = Pattern.compile("(?:^|;)\\s*Root=([A-Za-z0-9-]{1,64})");

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Flow.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    Flow flow = Flow.continuing(correlation(request.getHeader(CORRELATION_HEADER)));
    String trace = trace(request);
    if (trace != null) {
      flow = flow.withTrace(trace);
    }
    HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
    if (response != null) {
      response.setHeader(CORRELATION_HEADER, flow.correlationId().toString());
    }
    return flow;
  }

  static UUID correlation(String header) {
    if (header == null || header.isBlank()) {
      return UUID.randomUUID();
    }
    try {
      UUID id = UUID.fromString(header.strip());
      if (id.toString().equalsIgnoreCase(header.strip())) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ProblemException.invalidParameter(CORRELATION_HEADER, "must be a UUID");
  }

  static String trace(HttpServletRequest request) {
    String traceparent = request.getHeader("traceparent");
    if (traceparent != null) {
      Matcher m = TRACEPARENT.matcher(traceparent.strip());
      if (m.matches()) {
        return m.group(1);
      }
    }
    String amzn = request.getHeader("X-Amzn-Trace-Id");
    if (amzn != null) {
      Matcher m = AMZN_ROOT.matcher(amzn);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }
}
