package com.salestalk.awsemulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that talks to AWS through the emulator harness: {@link AwsEmulatorExtension}
 * provides the endpoint (moto started automatically, or {@code AWS_ENDPOINT_URL}), resets moto's
 * state before the class and injects {@link AwsEndpoint} parameters.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AwsEmulatorExtension.class)
public @interface AwsEmulatorTest {}
