package com.salestalk.servicekit.auth;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** The access a handler method declares: on the method, else on its controller class. */
enum Access {
  ADMIN,
  TENANT,
  PUBLIC,
  UNDECLARED;

  static Access of(HandlerMethod handler) {
    List<Access> onMethod = declared(handler.getMethod());
    if (onMethod.size() > 1) {
      throw new IllegalStateException(handler + " declares more than one access: " + onMethod);
    }
    if (onMethod.size() == 1) {
      return onMethod.get(0);
    }
    List<Access> onClass = declared(handler.getBeanType());
    if (onClass.size() > 1) {
      throw new IllegalStateException(
          handler.getBeanType().getName() + " declares more than one access: " + onClass);
    }
    return onClass.isEmpty() ? UNDECLARED : onClass.get(0);
  }

  private static List<Access> declared(java.lang.reflect.AnnotatedElement element) {
    List<Access> found = new ArrayList<>();
    if (AnnotatedElementUtils.hasAnnotation(element, AdminApi.class)) {
      found.add(ADMIN);
    }
    if (AnnotatedElementUtils.hasAnnotation(element, TenantApi.class)) {
      found.add(TENANT);
    }
    if (AnnotatedElementUtils.hasAnnotation(element, PublicApi.class)) {
      found.add(PUBLIC);
    }
    return found;
  }

  static boolean wantsTenant(Method method) {
    for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
      for (java.lang.annotation.Annotation annotation : annotations) {
        if (annotation instanceof AuthenticatedTenant) {
          return true;
        }
      }
    }
    return false;
  }
}
