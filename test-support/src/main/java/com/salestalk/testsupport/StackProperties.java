package com.salestalk.testsupport;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.infra.deploy.AppConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The properties {@code ./salestalk up} gives a service for a stack (scripts/local.sh and {@code
 * StackDeployer --app-config-file}), so a test's service is configured as a started one is.
 */
final class StackProperties {

  private StackProperties() {}

  /**
   * Spring Cloud AWS's endpoint, region and credentials, then the stack outputs as {@code
   * salestalk.aws.*} (queue URLs as the endpoint serves them), {@code salestalk.aws.region} and
   * {@code salestalk.aws.endpoint}.
   */
  static Map<String, String> of(
      AwsEndpoint aws, Map<String, String> outputs, Function<String, String> queueUrlByName) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.cloud.aws.endpoint", aws.uri().toString());
    properties.put("spring.cloud.aws.region.static", aws.region());
    properties.put("spring.cloud.aws.credentials.access-key", aws.accessKeyId());
    properties.put("spring.cloud.aws.credentials.secret-key", aws.secretAccessKey());
    properties.putAll(AppConfiguration.properties(outputs, queueUrlByName));
    properties.put(AppConfiguration.PREFIX + "region", aws.region());
    properties.put(AppConfiguration.PREFIX + "endpoint", aws.uri().toString());
    return properties;
  }
}
