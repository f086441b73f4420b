package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class AwsEndpointTest {

  private static final URI MOTO = URI.create("http://127.0.0.1:4566");
  private static final URI LOCALHOST = URI.create("http://localhost:4566");

  private static Environment variables(Map<String, String> variables) {
    return Environment.of(Map.of(), variables);
  }

  @Test
  void defaultsToUsEast1WhenNoRegionIsConfigured() {
    assertThat(AwsEndpoint.region(variables(Map.of()))).isEqualTo("us-east-1");
  }

  @Test
  void takesRegionFromAwsRegion() {
    assertThat(AwsEndpoint.region(variables(Map.of("AWS_REGION", "eu-central-1"))))
        .isEqualTo("eu-central-1");
  }

  @Test
  void fallsBackToAwsDefaultRegion() {
    assertThat(AwsEndpoint.region(variables(Map.of("AWS_DEFAULT_REGION", "ap-south-1"))))
        .isEqualTo("ap-south-1");
  }

  @Test
  void prefersAwsRegionOverAwsDefaultRegion() {
    Environment environment =
        variables(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "ap-south-1"));

    assertThat(AwsEndpoint.region(environment)).isEqualTo("eu-west-1");
  }

  @Test
  void prefersRegionSystemPropertyOverVariables() {
    Environment environment =
        Environment.of(
            Map.of("aws.region", "us-west-2"),
            Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "ap-south-1"));

    assertThat(AwsEndpoint.region(environment)).isEqualTo("us-west-2");
  }

  @Test
  void ignoresBlankRegionSettings() {
    Environment environment =
        Environment.of(
            Map.of("aws.region", " "), Map.of("AWS_REGION", "", "AWS_DEFAULT_REGION", "sa-east-1"));

    assertThat(AwsEndpoint.region(environment)).isEqualTo("sa-east-1");
  }

  @Test
  void emulatorEndpointUsesDummyCredentialsEvenWhenKeysAreSet() {
    Environment environment =
        variables(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIAREAL",
                "AWS_SECRET_ACCESS_KEY", "real-secret"));

    assertThat(AwsEndpoint.forEmulator(MOTO, environment))
        .isEqualTo(new AwsEndpoint(MOTO, "eu-west-1", "test", "test"));
  }

  @Test
  void hasNoExternalEndpointWhenAwsEndpointUrlIsUnset() {
    assertThat(AwsEndpoint.fromEnvironment(variables(Map.of("AWS_REGION", "eu-west-1")))).isEmpty();
  }

  @Test
  void hasNoExternalEndpointWhenAwsEndpointUrlIsBlank() {
    assertThat(AwsEndpoint.fromEnvironment(variables(Map.of("AWS_ENDPOINT_URL", "  ")))).isEmpty();
  }

  @Test
  void takesExternalEndpointFromAwsEndpointUrlWithDummyCredentials() {
    Environment environment = variables(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));

    assertThat(AwsEndpoint.fromEnvironment(environment))
        .contains(
            new AwsEndpoint(URI.create("http://localhost:4566"), "us-east-1", "test", "test"));
  }

  @Test
  void prefersEndpointUrlSystemPropertyOverVariable() {
    Environment environment =
        Environment.of(
            Map.of("aws.endpointUrl", "http://127.0.0.1:5000"),
            Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));

    assertThat(AwsEndpoint.fromEnvironment(environment).map(AwsEndpoint::uri))
        .contains(URI.create("http://127.0.0.1:5000"));
  }

  @Test
  void externalEndpointUsesAccessKeysFromVariablesWhenBothAreSet() {
    Environment environment =
        variables(
            Map.of(
                "AWS_ENDPOINT_URL", "https://sqs.eu-west-1.amazonaws.com",
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "example-secret"));

    assertThat(AwsEndpoint.fromEnvironment(environment))
        .contains(
            new AwsEndpoint(
                URI.create("https://sqs.eu-west-1.amazonaws.com"),
                "eu-west-1",
                "AKIAEXAMPLE",
                "example-secret"));
  }

  @Test
  void externalEndpointKeepsDummyCredentialsWhenOnlyTheAccessKeyIdIsSet() {
    Environment environment =
        variables(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566", "AWS_ACCESS_KEY_ID", "AKIA"));

    assertThat(AwsEndpoint.fromEnvironment(environment).map(AwsEndpoint::accessKeyId))
        .contains("test");
  }

  @Test
  void externalEndpointPrefersAccessKeySystemPropertiesOverVariables() {
    Environment environment =
        Environment.of(
            Map.of("aws.accessKeyId", "from-property", "aws.secretAccessKey", "property-secret"),
            Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_ACCESS_KEY_ID", "from-variable",
                "AWS_SECRET_ACCESS_KEY", "variable-secret"));

    AwsEndpoint endpoint = AwsEndpoint.fromEnvironment(environment).orElseThrow();

    assertThat(endpoint.accessKeyId()).isEqualTo("from-property");
    assertThat(endpoint.secretAccessKey()).isEqualTo("property-secret");
  }

  @Test
  void rejectsBlankRegion() {
    assertThatThrownBy(() -> new AwsEndpoint(MOTO, " ", "test", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region must not be blank");
  }

  @Test
  void configurePointsAClientAtTheEndpointWithRegionAndCredentials() {
    AwsEndpoint endpoint = new AwsEndpoint(MOTO, "eu-west-1", "key-id", "secret");

    try (SqsClient sqs = endpoint.configure(SqsClient.builder()).build()) {
      var configuration = sqs.serviceClientConfiguration();
      AwsCredentials credentials =
          (AwsCredentials) configuration.credentialsProvider().resolveIdentity().join();

      assertThat(configuration.endpointOverride()).contains(MOTO);
      assertThat(configuration.region()).isEqualTo(Region.EU_WEST_1);
      assertThat(credentials.accessKeyId()).isEqualTo("key-id");
      assertThat(credentials.secretAccessKey()).isEqualTo("secret");
    }
  }

  @Test
  void configureMakesS3ClientsUsePathStyleAccess() {
    AwsEndpoint endpoint = new AwsEndpoint(LOCALHOST, "us-east-1", "test", "test");

    try (S3Client s3 = endpoint.configure(S3Client.builder()).build()) {
      assertThat(s3.utilities().getUrl(b -> b.bucket("reports").key("2026/day.csv")).toString())
          .isEqualTo("http://localhost:4566/reports/2026/day.csv");
    }
  }

  /** The control for the test above: a host name endpoint gets virtual-host style by default. */
  @Test
  void s3ClientsNotConfiguredUseVirtualHostStyleForHostNames() {
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(LOCALHOST)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                new AwsEndpoint(LOCALHOST, "us-east-1", "test", "test").credentialsProvider())
            .build()) {
      assertThat(s3.utilities().getUrl(b -> b.bucket("reports").key("2026/day.csv")).toString())
          .isEqualTo("http://reports.localhost:4566/2026/day.csv");
    }
  }

  @Test
  void toStringHidesTheSecret() {
    assertThat(new AwsEndpoint(MOTO, "us-east-1", "key-id", "top-secret").toString())
        .isEqualTo(
            "AwsEndpoint[uri=http://127.0.0.1:4566, region=us-east-1, accessKeyId=key-id,"
                + " secretAccessKey=****]");
  }
}
