package com.salestalk.testsupport;

import com.salestalk.awsemulator.AwsEmulatorTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A service on a random port against the emulator, configured as {@code ./salestalk up} configures
 * it: before the application context starts, a {@link TestStack} is deployed for the test class and
 * its {@link TestStack#applicationProperties()} (Spring Cloud AWS's endpoint, region and
 * credentials, and every stack output as {@code salestalk.aws.*}) are added to the environment; the
 * {@code local} profile is active. The test gets the stack as a bean ({@code @Autowired TestStack
 * stack}) for its outputs and its {@link Tap}.
 *
 * <p>One stack and one application context per top-level test class; its {@code @Nested} classes
 * share them, and the context is closed when the class ends (the emulator is reset before the next
 * class). Properties given here win over the stack's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AwsEmulatorTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public @interface ServiceIntegrationTest {

  /**
   * The application's configuration classes; by default the {@code @SpringBootConfiguration} found
   * in the test's package or above.
   */
  @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
  Class<?>[] classes() default {};

  /** Extra properties in {@code key=value} form, e.g. the admin token of the test. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
