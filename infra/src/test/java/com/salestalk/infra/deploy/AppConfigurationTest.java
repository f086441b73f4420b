package com.salestalk.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigurationTest {

  @Test
  void turnsEveryOutputIntoAKebabCasePropertyUnderSalestalkAws() {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("BusName", "salestalk");
    outputs.put("DataQualityReportsTableName", "local-data-quality-reports");
    outputs.put("UploadsBucketName", "salestalk-local-uploads-123456789012");
    assertThat(AppConfiguration.properties(outputs, name -> "unused"))
        .containsExactly(
            Map.entry("salestalk.aws.bus-name", "salestalk"),
            Map.entry(
                "salestalk.aws.data-quality-reports-table-name", "local-data-quality-reports"),
            Map.entry("salestalk.aws.uploads-bucket-name", "salestalk-local-uploads-123456789012"));
  }

  @Test
  void replacesCanonicalQueueUrlsByTheUrlsTheEndpointServes() {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("InsightsQueueName", "local-insights-queue");
    outputs.put(
        "InsightsQueueUrl",
        "https://sqs.us-east-1.amazonaws.com/123456789012/local-insights-queue");
    outputs.put("DocsUrl", "https://example.com/docs");
    Map<String, String> props =
        AppConfiguration.properties(outputs, name -> "http://127.0.0.1:4566/123456789012/" + name);
    assertThat(props)
        .containsEntry(
            "salestalk.aws.insights-queue-url",
            "http://127.0.0.1:4566/123456789012/local-insights-queue")
        .containsEntry("salestalk.aws.docs-url", "https://example.com/docs");
  }
}
