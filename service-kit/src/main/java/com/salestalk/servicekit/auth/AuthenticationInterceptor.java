package com.salestalk.servicekit.auth;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates requests to {@link AdminApi} and {@link TenantApi} handlers before anything reads
 * the body; failures are 401 problems with a {@code WWW-Authenticate} challenge.
 */
final class AuthenticationInterceptor implements HandlerInterceptor {

  /** Request attribute holding the authenticated {@link TenantId}. */
  static final String TENANT_ATTRIBUTE = AuthenticationInterceptor.class.getName() + ".tenant";

  static final String API_KEY_HEADER = "X-Api-Key";
  static final String ADMIN_CHALLENGE = "Bearer realm=\"salestalk-admin\"";
  static final String TENANT_CHALLENGE = "ApiKey realm=\"salestalk\", header=\"X-Api-Key\"";

  private final AdminTokenVerifier admin;
  private final TenantApiKeyLookup tenants;

  AuthenticationInterceptor(AdminTokenVerifier admin, TenantApiKeyLookup tenants) {
    this.admin = admin;
    this.tenants = tenants;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    switch (Access.of(method)) {
      case ADMIN -> authenticateAdmin(request);
      case TENANT -> request.setAttribute(TENANT_ATTRIBUTE, authenticateTenant(request));
      case PUBLIC, UNDECLARED -> {
        // nothing to check; undeclared /api/ handlers are refused at startup
      }
    }
    return true;
  }

  private void authenticateAdmin(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw unauthorized(
          ADMIN_CHALLENGE,
          "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'");
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      throw unauthorized(
          ADMIN_CHALLENGE,
          "Unsupported authorization scheme: admin endpoints need 'Authorization: Bearer <admin"
              + " token>'");
    }
    if (!admin.matches(header.substring(space + 1).strip())) {
      throw unauthorized(
          ADMIN_CHALLENGE + ", error=\"invalid_token\"", "The admin token is not valid");
    }
  }

  private TenantId authenticateTenant(HttpServletRequest request) {
    String key = request.getHeader(API_KEY_HEADER);
    if (key == null || key.isBlank()) {
      throw unauthorized(
          TENANT_CHALLENGE, "Missing credentials: send the tenant API key in the X-Api-Key header");
    }
    String candidate = key.strip();
    Optional<TenantId> tenant =
        ApiKeys.wellFormed(candidate)
            ? tenants.tenantFor(ApiKeys.hash(candidate))
            : Optional.empty();
    return tenant.orElseThrow(() -> unauthorized(TENANT_CHALLENGE, "The API key is not valid"));
  }

  private static ProblemException unauthorized(String challenge, String detail) {
    ProblemException problem =
        new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail);
    problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return problem;
  }
}
