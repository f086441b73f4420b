package com.salestalk.awsemulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that gives tests an AWS endpoint; usually applied through {@link
 * AwsEmulatorTest}.
 *
 * <ul>
 *   <li>If system property {@code aws.endpointUrl} or variable {@code AWS_ENDPOINT_URL} is set,
 *       that endpoint is used and moto is never started.
 *   <li>Otherwise one moto server per JVM is started through the project's launcher on first use
 *       and stopped at the end of the test run.
 *   <li>Before each top-level test class a moto the harness started is reset, so classes do not see
 *       each other's queues, buses or tables. {@code @Nested} classes share their enclosing class's
 *       state. Classes must therefore not run in parallel against the shared moto.
 *   <li>{@link AwsEndpoint} parameters of constructors, test and lifecycle methods are injected.
 *   <li>If no endpoint can be had, every test class using it fails with an {@link
 *       EmulatorUnavailableException} that says how to get one; nothing is skipped.
 * </ul>
 */
public final class AwsEmulatorExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

  private final Environment environment;

  /** The extension configured from system properties and environment variables. */
  public AwsEmulatorExtension() {
    this(Environment.system());
  }

  AwsEmulatorExtension(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /**
   * The shared endpoint, for code that has no parameter injection (e.g. a Spring
   * {@code @DynamicPropertySource} method). Starts moto if nothing has yet; such a server stops
   * with the test run if the extension is active in it, else at JVM exit.
   *
   * @return the endpoint
   * @throws EmulatorUnavailableException if no endpoint can be had
   */
  public static AwsEndpoint endpoint() {
    return SharedEmulators.acquire(EmulatorSettings.from(Environment.system())).endpoint();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Emulator emulator = emulator(context);
    if (isTopLevelClass(context)) {
      emulator.reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator(context).endpoint();
  }

  private Emulator emulator(ExtensionContext context) {
    EmulatorSettings settings = EmulatorSettings.from(environment);
    context.getRoot().getStore(NAMESPACE).computeIfAbsent(settings, Holder::new, Holder.class);
    return SharedEmulators.acquire(settings);
  }

  /** A class container directly below the engine, i.e. not a {@code @Nested} class. */
  private static boolean isTopLevelClass(ExtensionContext context) {
    return context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty();
  }

  /** Kept in the root store: holds the emulator for the run and releases it when the run ends. */
  private static final class Holder implements AutoCloseable {
    private final EmulatorSettings settings;

    Holder(EmulatorSettings settings) {
      this.settings = settings;
      SharedEmulators.retain(settings);
    }

    @Override
    public void close() {
      SharedEmulators.release(settings);
    }
  }
}
