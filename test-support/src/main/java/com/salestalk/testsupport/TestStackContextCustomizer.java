package com.salestalk.testsupport;

import com.salestalk.awsemulator.AwsEmulatorExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Deploys a {@link TestStack} when the context of {@code testClass} is created, adds its
 * application properties just after the test's own properties, registers it as a bean and closes it
 * with the context. Equal per test class, which makes it part of the context cache key.
 *
 * @param testClass the top-level test class
 */
record TestStackContextCustomizer(Class<?> testClass) implements ContextCustomizer {

  /** Name of the bean and of the property source. */
  static final String NAME = "salestalkTestStack";

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    TestStack stack = TestStack.deploy(AwsEmulatorExtension.endpoint());
    MapPropertySource properties =
        new MapPropertySource(NAME, java.util.Map.copyOf(stack.applicationProperties()));
    MutablePropertySources sources = context.getEnvironment().getPropertySources();
    String testProperties = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
    if (sources.contains(testProperties)) {
      sources.addAfter(testProperties, properties);
    } else {
      sources.addFirst(properties);
    }
    context.getBeanFactory().registerSingleton(NAME, stack);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent closed && closed.getSource() == context) {
            stack.close();
          }
        });
  }
}
