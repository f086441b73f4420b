package com.salestalk.infra.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Turns the resolved properties of an {@code AWS::CloudWatch::Alarm} into the PutMetricAlarm call
 * CloudFormation would make. A property it does not know fails loudly instead of being dropped.
 */
final class AlarmRequests {

  private AlarmRequests() {}

  static PutMetricAlarmRequest from(JsonNode props) {
    PutMetricAlarmRequest.Builder b = PutMetricAlarmRequest.builder();
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      JsonNode v = p.getValue();
      switch (p.getKey()) {
        case "AlarmName" -> b.alarmName(v.asString());
        case "AlarmDescription" -> b.alarmDescription(v.asString());
        case "ActionsEnabled" -> b.actionsEnabled(bool(v));
        case "AlarmActions" -> b.alarmActions(strings(v));
        case "OKActions" -> b.okActions(strings(v));
        case "InsufficientDataActions" -> b.insufficientDataActions(strings(v));
        case "ComparisonOperator" ->
            b.comparisonOperator(ComparisonOperator.fromValue(v.asString()));
        case "Threshold" -> b.threshold(Double.valueOf(v.asString()));
        case "ThresholdMetricId" -> b.thresholdMetricId(v.asString());
        case "EvaluationPeriods" -> b.evaluationPeriods(Integer.valueOf(v.asString()));
        case "DatapointsToAlarm" -> b.datapointsToAlarm(Integer.valueOf(v.asString()));
        case "TreatMissingData" -> b.treatMissingData(v.asString());
        case "EvaluateLowSampleCountPercentile" -> b.evaluateLowSampleCountPercentile(v.asString());
        case "Namespace" -> b.namespace(v.asString());
        case "MetricName" -> b.metricName(v.asString());
        case "Dimensions" -> b.dimensions(dimensions(v));
        case "Statistic" -> b.statistic(Statistic.fromValue(v.asString()));
        case "ExtendedStatistic" -> b.extendedStatistic(v.asString());
        case "Period" -> b.period(Integer.valueOf(v.asString()));
        case "Unit" -> b.unit(StandardUnit.fromValue(v.asString()));
        case "Metrics" -> b.metrics(queries(v));
        case "Tags" -> b.tags(tags(v));
        default ->
            throw new IllegalArgumentException(
                "alarm property " + p.getKey() + " is not supported by the alarm reconciler");
      }
    }
    return b.build();
  }

  private static List<MetricDataQuery> queries(JsonNode list) {
    List<MetricDataQuery> out = new ArrayList<>();
    for (JsonNode q : list) {
      MetricDataQuery.Builder b = MetricDataQuery.builder();
      for (Map.Entry<String, JsonNode> p : q.properties()) {
        JsonNode v = p.getValue();
        switch (p.getKey()) {
          case "Id" -> b.id(v.asString());
          case "Label" -> b.label(v.asString());
          case "Expression" -> b.expression(v.asString());
          case "ReturnData" -> b.returnData(bool(v));
          case "Period" -> b.period(Integer.valueOf(v.asString()));
          case "AccountId" -> b.accountId(v.asString());
          case "MetricStat" -> b.metricStat(metricStat(v));
          default ->
              throw new IllegalArgumentException(
                  "alarm metric property " + p.getKey() + " is not supported");
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static MetricStat metricStat(JsonNode v) {
    JsonNode m = v.required("Metric");
    MetricStat.Builder b =
        MetricStat.builder()
            .metric(
                Metric.builder()
                    .namespace(m.required("Namespace").asString())
                    .metricName(m.required("MetricName").asString())
                    .dimensions(dimensions(m.path("Dimensions")))
                    .build())
            .period(Integer.valueOf(v.required("Period").asString()))
            .stat(v.required("Stat").asString());
    if (v.has("Unit")) {
      b.unit(StandardUnit.fromValue(v.get("Unit").asString()));
    }
    return b.build();
  }

  private static List<Dimension> dimensions(JsonNode list) {
    List<Dimension> out = new ArrayList<>();
    for (JsonNode d : list) {
      out.add(
          Dimension.builder()
              .name(d.required("Name").asString())
              .value(d.required("Value").asString())
              .build());
    }
    return out;
  }

  private static List<Tag> tags(JsonNode list) {
    List<Tag> out = new ArrayList<>();
    for (JsonNode t : list) {
      out.add(
          Tag.builder()
              .key(t.required("Key").asString())
              .value(t.required("Value").asString())
              .build());
    }
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static boolean bool(JsonNode v) {
    return Boolean.parseBoolean(v.asString());
  }
}
