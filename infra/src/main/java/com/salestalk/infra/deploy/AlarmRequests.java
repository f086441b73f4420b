package com.salestalk.infra.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
        case "AlarmActions" -> b.alarmActions(each(v, JsonNode::asString));
        case "OKActions" -> b.okActions(each(v, JsonNode::asString));
        case "InsufficientDataActions" -> b.insufficientDataActions(each(v, JsonNode::asString));
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
        case "Dimensions" -> b.dimensions(each(v, AlarmRequests::dimension));
        case "Statistic" -> b.statistic(Statistic.fromValue(v.asString()));
        case "ExtendedStatistic" -> b.extendedStatistic(v.asString());
        case "Period" -> b.period(Integer.valueOf(v.asString()));
        case "Unit" -> b.unit(StandardUnit.fromValue(v.asString()));
        case "Metrics" -> b.metrics(each(v, AlarmRequests::query));
        case "Tags" -> b.tags(each(v, AlarmRequests::tag));
        default ->
            throw new IllegalArgumentException(
                "alarm property " + p.getKey() + " is not supported by the alarm reconciler");
      }
    }
    return b.build();
  }

  private static MetricDataQuery query(JsonNode q) {
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
    return b.build();
  }

  private static MetricStat metricStat(JsonNode v) {
    JsonNode m = v.required("Metric");
    MetricStat.Builder b =
        MetricStat.builder()
            .metric(
                Metric.builder()
                    .namespace(m.required("Namespace").asString())
                    .metricName(m.required("MetricName").asString())
                    .dimensions(each(m.path("Dimensions"), AlarmRequests::dimension))
                    .build())
            .period(Integer.valueOf(v.required("Period").asString()))
            .stat(v.required("Stat").asString());
    if (v.has("Unit")) {
      b.unit(StandardUnit.fromValue(v.get("Unit").asString()));
    }
    return b.build();
  }

  private static Dimension dimension(JsonNode d) {
    return Dimension.builder()
        .name(d.required("Name").asString())
        .value(d.required("Value").asString())
        .build();
  }

  private static Tag tag(JsonNode t) {
    return Tag.builder()
        .key(t.required("Key").asString())
        .value(t.required("Value").asString())
        .build();
  }

  /** Each item of a template list, converted. */
  private static <T> List<T> each(JsonNode list, Function<JsonNode, T> item) {
    List<T> out = new ArrayList<>();
    list.forEach(n -> out.add(item.apply(n)));
    return out;
  }

  private static boolean bool(JsonNode v) {
    return Boolean.parseBoolean(v.asString());
  }
}
