package com.salestalk.awsemulator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Everything an AWS SDK v2 client needs to talk to the test endpoint: its URI, the region and
 * static credentials. Pass every client builder through {@link #configure(AwsClientBuilder)};
 * nothing is taken from, or written to, global JVM state.
 *
 * <p>Region: system property {@code aws.region}, else {@code AWS_REGION}, else {@code
 * AWS_DEFAULT_REGION}, else {@code us-east-1}. Credentials: {@code test}/{@code test} for a moto
 * server the harness started; for an endpoint given by {@code AWS_ENDPOINT_URL} the {@code
 * aws.accessKeyId}/{@code aws.secretAccessKey} system properties or the {@code
 * AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} variables when both of a pair are set, else
 * {@code test}/{@code test}.
 *
 * @param uri the endpoint every client is pointed at
 * @param region the AWS region name, e.g. {@code us-east-1}
 * @param accessKeyId the access key id of the static credentials
 * @param secretAccessKey the secret access key of the static credentials
 */
public record AwsEndpoint(URI uri, String region, String accessKeyId, String secretAccessKey) {

  /** Region used when none is configured. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** Access key id (and secret) the emulator accepts. */
  public static final String EMULATOR_CREDENTIAL = "test";

  /** Validates that every component is present. */
  public AwsEndpoint {
    Objects.requireNonNull(uri, "uri");
    requireText(region, "region");
    requireText(accessKeyId, "accessKeyId");
    requireText(secretAccessKey, "secretAccessKey");
  }

  /**
   * An endpoint for an emulator the harness runs: dummy credentials, region from the environment.
   *
   * @param uri the emulator's address
   * @return the endpoint
   */
  public static AwsEndpoint forEmulator(URI uri) {
    return forEmulator(uri, Environment.system());
  }

  /**
   * The endpoint named by system property {@code aws.endpointUrl} or variable {@code
   * AWS_ENDPOINT_URL}, if one is set.
   *
   * @return the configured endpoint, or empty when the harness should start moto itself
   */
  public static Optional<AwsEndpoint> fromEnvironment() {
    return fromEnvironment(Environment.system());
  }

  static AwsEndpoint forEmulator(URI uri, Environment environment) {
    return forEmulator(uri, region(environment));
  }

  static AwsEndpoint forEmulator(URI uri, String region) {
    return new AwsEndpoint(uri, region, EMULATOR_CREDENTIAL, EMULATOR_CREDENTIAL);
  }

  static Optional<AwsEndpoint> fromEnvironment(Environment environment) {
    return environment
        .value("aws.endpointUrl", "AWS_ENDPOINT_URL")
        .map(URI::create)
        .map(uri -> external(uri, environment));
  }

  static String region(Environment environment) {
    return environment
        .value("aws.region", "AWS_REGION")
        .or(() -> environment.variable("AWS_DEFAULT_REGION"))
        .orElse(DEFAULT_REGION);
  }

  private static AwsEndpoint external(URI uri, Environment environment) {
    Optional<String> propertyKey = environment.property("aws.accessKeyId");
    Optional<String> propertySecret = environment.property("aws.secretAccessKey");
    if (propertyKey.isPresent() && propertySecret.isPresent()) {
      return new AwsEndpoint(uri, region(environment), propertyKey.get(), propertySecret.get());
    }
    Optional<String> variableKey = environment.variable("AWS_ACCESS_KEY_ID");
    Optional<String> variableSecret = environment.variable("AWS_SECRET_ACCESS_KEY");
    if (variableKey.isPresent() && variableSecret.isPresent()) {
      return new AwsEndpoint(uri, region(environment), variableKey.get(), variableSecret.get());
    }
    return forEmulator(uri, environment);
  }

  /**
   * The region as an SDK value.
   *
   * @return the region
   */
  public Region awsRegion() {
    return Region.of(region);
  }

  /**
   * Static credentials for this endpoint.
   *
   * @return a provider that always answers with {@link #accessKeyId()} and {@link
   *     #secretAccessKey()}
   */
  public AwsCredentialsProvider credentialsProvider() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }

  /**
   * Points a client builder at this endpoint: endpoint override, region and credentials. S3
   * builders (any builder with a public {@code forcePathStyle(Boolean)}) also get path-style
   * access, which emulators on a loopback address need.
   *
   * @param builder the builder, e.g. {@code SqsClient.builder()}
   * @param <B> the builder type
   * @return the same builder, for chaining
   */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.endpointOverride(uri).region(awsRegion()).credentialsProvider(credentialsProvider());
    forcePathStyleIfSupported(builder);
    return builder;
  }

  /** Hides the secret so the endpoint can be logged. */
  @Override
  public String toString() {
    return "AwsEndpoint[uri=%s, region=%s, accessKeyId=%s, secretAccessKey=****]"
        .formatted(uri, region, accessKeyId);
  }

  private static void forcePathStyleIfSupported(Object builder) {
    Optional<Method> method = publicForcePathStyle(builder.getClass());
    if (method.isEmpty()) {
      return;
    }
    try {
      method.get().invoke(builder, Boolean.TRUE);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Could not enable path-style access on " + builder, e);
    }
  }

  /** Searches the builder's public interfaces, as the implementation classes are not public. */
  private static Optional<Method> publicForcePathStyle(Class<?> type) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      pending.addAll(List.of(c.getInterfaces()));
    }
    while (!pending.isEmpty()) {
      Class<?> candidate = pending.pop();
      if (Modifier.isPublic(candidate.getModifiers())) {
        try {
          return Optional.of(candidate.getMethod("forcePathStyle", Boolean.class));
        } catch (NoSuchMethodException e) {
          // not this one
        }
      }
      pending.addAll(List.of(candidate.getInterfaces()));
    }
    return Optional.empty();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
