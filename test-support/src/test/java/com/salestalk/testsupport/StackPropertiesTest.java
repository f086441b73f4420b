package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEndpoint;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackPropertiesTest {

  private static final AwsEndpoint AWS =
      new AwsEndpoint(URI.create("http://127.0.0.1:4566"), "eu-west-1", "key-id", "secret");

  @Test
  void givesSpringCloudAwsTheEndpointAndEveryOutputAsAKebabCaseSalestalkAwsProperty() {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("BusName", "salestalk-t1");
    outputs.put("TenantsTableName", "t1-tenants");
    outputs.put("InsightsQueueName", "t1-insights-queue");
    outputs.put(
        "InsightsQueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/t1-insights-queue");

    Map<String, String> properties =
        StackProperties.of(AWS, outputs, name -> "http://127.0.0.1:4566/123456789012/" + name);

    assertThat(properties)
        .containsExactly(
            Map.entry("spring.cloud.aws.endpoint", "http://127.0.0.1:4566"),
            Map.entry("spring.cloud.aws.region.static", "eu-west-1"),
            Map.entry("spring.cloud.aws.credentials.access-key", "key-id"),
            Map.entry("spring.cloud.aws.credentials.secret-key", "secret"),
            Map.entry("salestalk.aws.bus-name", "salestalk-t1"),
            Map.entry("salestalk.aws.tenants-table-name", "t1-tenants"),
            Map.entry("salestalk.aws.insights-queue-name", "t1-insights-queue"),
            Map.entry(
                "salestalk.aws.insights-queue-url",
                "http://127.0.0.1:4566/123456789012/t1-insights-queue"),
            Map.entry("salestalk.aws.region", "eu-west-1"),
            Map.entry("salestalk.aws.endpoint", "http://127.0.0.1:4566"));
  }
}
