package com.salestalk.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.infra.template.CfnTemplate;
import com.salestalk.infra.template.Intrinsics;
import com.salestalk.infra.template.Monitoring;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import tools.jackson.databind.json.JsonMapper;

class AlarmRequestsTest {

  @Test
  void buildsAMetricMathAlarmAsCloudFormationWould() {
    CfnTemplate template = CfnTemplate.load(Path.of("template.yaml"));
    Monitoring.Alarm alarm =
        Monitoring.of(template, Intrinsics.offline(template)).alarms().stream()
            .filter(a -> a.logicalId().equals("ErrorRateAnalyticsAlarm"))
            .findFirst()
            .orElseThrow();
    PutMetricAlarmRequest request = AlarmRequests.from(alarm.properties());
    assertThat(request.alarmName()).isEqualTo("local-salestalk-error-rate-analytics");
    assertThat(request.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    assertThat(request.threshold()).isEqualTo(0.1);
    assertThat(request.alarmActions()).isEmpty();
    assertThat(request.metrics()).hasSize(12);
    assertThat(request.metrics().get(0).metricStat().metric().metricName())
        .isEqualTo("salestalk.consume.processed.count");
    assertThat(request.metrics().get(11).returnData()).isTrue();
    assertThat(request.metrics().get(11).expression())
        .isEqualTo("IF(total > 0, 100 * errors / total, 0)");
  }

  @Test
  void refusesPropertiesItWouldOtherwiseDrop() {
    assertThatThrownBy(
            () ->
                AlarmRequests.from(
                    JsonMapper.shared()
                        .readTree("{\"AlarmName\":\"a\",\"AlarmRule\":\"ALARM(b)\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alarm property AlarmRule is not supported by the alarm reconciler");
  }
}
