package com.salestalk.testsupport;

import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Registered in {@code META-INF/spring.factories}: closes a {@link ServiceIntegrationTest}'s
 * context when its top-level class ends. The emulator is reset before the next class, so a cached
 * context would keep polling tables and queues that no longer exist.
 */
class TestStackExecutionListener extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    Class<?> testClass = testContext.getTestClass();
    if (TestStackContextCustomizerFactory.isServiceIntegrationTest(testClass)
        && TestStackContextCustomizerFactory.topLevel(testClass) == testClass) {
      testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
    }
  }
}
