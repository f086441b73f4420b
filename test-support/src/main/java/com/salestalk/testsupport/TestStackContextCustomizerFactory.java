package com.salestalk.testsupport;

import java.lang.reflect.Modifier;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: gives every {@link ServiceIntegrationTest} class
 * a {@link TestStackContextCustomizer} keyed by its top-level class, so {@code @Nested} classes
 * share one stack and one context and two test classes never do.
 */
class TestStackContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (!isServiceIntegrationTest(testClass)) {
      return null;
    }
    return new TestStackContextCustomizer(topLevel(testClass));
  }

  static boolean isServiceIntegrationTest(Class<?> testClass) {
    return TestContextAnnotationUtils.hasAnnotation(testClass, ServiceIntegrationTest.class);
  }

  /** The class a {@code @Nested} (inner) class is declared in, up to the outermost one. */
  static Class<?> topLevel(Class<?> testClass) {
    Class<?> type = testClass;
    while (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
      type = type.getEnclosingClass();
    }
    return type;
  }
}
