package com.salestalk.infra.deploy;

import com.salestalk.infra.template.Monitoring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Makes sure every alarm of the template exists after a deploy to an emulator: moto reports {@code
 * AWS::CloudWatch::Alarm} resources as created without creating them, so the missing ones are
 * created here with PutMetricAlarm, from the same template definitions. Used only with {@link
 * AlarmMode#RECREATE_ON_EMULATOR}; on AWS CloudFormation owns the alarms.
 */
final class AlarmReconciler {

  private static final int DESCRIBE_BATCH = 100;

  private final CloudWatchClient cloudWatch;

  AlarmReconciler(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** Creates the alarms of {@code monitoring} that do not exist; returns their names. */
  List<String> ensure(Monitoring monitoring) {
    List<String> names = monitoring.alarms().stream().map(Monitoring.Alarm::name).toList();
    Set<String> existing = existing(names);
    List<String> created = new ArrayList<>();
    for (Monitoring.Alarm alarm : monitoring.alarms()) {
      if (!existing.contains(alarm.name())) {
        cloudWatch.putMetricAlarm(AlarmRequests.from(alarm.properties()));
        created.add(alarm.name());
      }
    }
    return created;
  }

  private Set<String> existing(List<String> names) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < names.size(); i += DESCRIBE_BATCH) {
      List<String> batch = names.subList(i, Math.min(names.size(), i + DESCRIBE_BATCH));
      cloudWatch
          .describeAlarmsPaginator(
              DescribeAlarmsRequest.builder().alarmNames(batch).maxRecords(DESCRIBE_BATCH).build())
          .metricAlarms()
          .stream()
          .map(MetricAlarm::alarmName)
          .forEach(out::add);
    }
    return out;
  }
}
