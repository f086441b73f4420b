package com.salestalk.servicekit.auth;

import com.salestalk.eventcontracts.envelope.TenantId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Injects the authenticated tenant into {@link AuthenticatedTenant} {@code TenantId} parameters.
 */
final class AuthenticatedTenantResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(AuthenticatedTenant.class)
        && parameter.getParameterType() == TenantId.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    Object tenant =
        request.getAttribute(
            AuthenticationInterceptor.TENANT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (!(tenant instanceof TenantId id)) {
      throw new IllegalStateException(
          "no authenticated tenant for " + parameter.getExecutable() + "; is it a @TenantApi?");
    }
    return id;
  }
}
