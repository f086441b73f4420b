package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.infra.template.CfnTemplate;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest(
    classes = ServiceIntegrationTestIT.App.class,
    properties = "salestalk.aws.region=region-of-the-test")
class ServiceIntegrationTestIT {

  @SpringBootConfiguration
  static class App {}

  @Autowired TestStack stack;
  @Autowired Environment environment;

  @Test
  void theEnvironmentHoldsWhatSalestalkUpPassesForTheStack() {
    Map<String, String> expected = stack.applicationProperties();
    expected.forEach(
        (name, value) -> {
          if (!name.equals("salestalk.aws.region")) {
            assertThat(environment.getProperty(name)).as(name).isEqualTo(value);
          }
        });
    assertThat(environment.getProperty("spring.cloud.aws.endpoint"))
        .isEqualTo(stack.aws().uri().toString());
    assertThat(environment.getProperty("salestalk.aws.tenants-table-name"))
        .isEqualTo(stack.env() + "-tenants");
    assertThat(environment.getProperty("salestalk.aws.analytics-queue-url"))
        .isEqualTo(stack.queueUrl("analytics"));
    assertThat(environment.getActiveProfiles()).containsExactly("local");
  }

  @Test
  void propertiesOfTheTestWinOverTheStacks() {
    assertThat(environment.getProperty("salestalk.aws.region")).isEqualTo("region-of-the-test");
  }

  @Test
  void theTapReceivesEverySalestalkEventOnTheBusAndNothingElse() {
    try (EventBridgeClient events = stack.aws().configure(EventBridgeClient.builder()).build()) {
      events.putEvents(
          b ->
              b.entries(
                  e ->
                      e.eventBusName(stack.bus())
                          .source("salestalk.some-service")
                          .detailType("some.event.v1")
                          .detail("{\"eventId\":\"e-1\"}"),
                  e ->
                      e.eventBusName(stack.bus())
                          .source("elsewhere.other-service")
                          .detailType("some.event.v1")
                          .detail("{\"eventId\":\"e-2\"}")));
    }

    JsonNode event = stack.tap().receiveExactly(1).get(0);

    assertThat(event.get("source").asString()).isEqualTo("salestalk.some-service");
    assertThat(event.get("detail-type").asString()).isEqualTo("some.event.v1");
    assertThat(event.get("detail").get("eventId").asString()).isEqualTo("e-1");
  }

  @Test
  void theTemplatesAlarmsExistInTheEmulator() {
    CfnTemplate template = CfnTemplate.load(StackTemplate.find());
    try (CloudWatchClient cloudWatch = stack.aws().configure(CloudWatchClient.builder()).build()) {
      assertThat(
              cloudWatch
                  .describeAlarmsPaginator(b -> b.alarmNamePrefix(stack.env() + "-"))
                  .metricAlarms()
                  .stream()
                  .count())
          .isEqualTo(template.resources("AWS::CloudWatch::Alarm").size());
    }
  }

  @Nested
  class NestedClasses {

    @Autowired TestStack nestedStack;

    @Test
    void shareTheStackOfTheirClass() {
      assertThat(nestedStack).isSameAs(stack);
    }
  }
}
