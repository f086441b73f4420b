package com.salestalk.infra.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarms and the dashboard of a template, resolved, with the metrics each one names.
 *
 * @param alarms every {@code AWS::CloudWatch::Alarm}, properties resolved, by logical id
 * @param widgets every metric widget of every {@code AWS::CloudWatch::Dashboard}
 */
public record Monitoring(List<Alarm> alarms, List<Widget> widgets) {

  /** Copies the lists. */
  public Monitoring {
    alarms = List.copyOf(alarms);
    widgets = List.copyOf(widgets);
  }

  /** Reads the alarms and dashboards of {@code template}. */
  public static Monitoring of(CfnTemplate template, Intrinsics intrinsics) {
    List<Alarm> alarms = new ArrayList<>();
    for (CfnTemplate.Resource r : template.resources("AWS::CloudWatch::Alarm")) {
      JsonNode props = intrinsics.resolve(r.properties());
      alarms.add(new Alarm(r.logicalId(), props, alarmMetrics(props)));
    }
    List<Widget> widgets = new ArrayList<>();
    for (CfnTemplate.Resource r : template.resources("AWS::CloudWatch::Dashboard")) {
      String body = intrinsics.resolveString(r.properties().required("DashboardBody"));
      for (JsonNode widget : JsonMapper.shared().readTree(body).required("widgets")) {
        if (widget.path("type").asString("").equals("metric")) {
          JsonNode props = widget.required("properties");
          widgets.add(
              new Widget(
                  props.path("title").asString(""),
                  widgetMetrics(props.path("metrics")),
                  widgetOptions(props.path("metrics"), "expression"),
                  widgetOptions(props.path("metrics"), "id")));
        }
      }
    }
    return new Monitoring(alarms, widgets);
  }

  private static List<MetricReference> alarmMetrics(JsonNode props) {
    List<MetricReference> out = new ArrayList<>();
    if (props.has("MetricName")) {
      out.add(metric(props));
    }
    for (JsonNode query : props.path("Metrics")) {
      JsonNode metric = query.path("MetricStat").path("Metric");
      if (!metric.isMissingNode()) {
        out.add(metric(metric));
      }
    }
    return out;
  }

  /**
   * The metric of an alarm or of a MetricStat: {@code Namespace}, {@code MetricName}, {@code
   * Dimensions}.
   */
  private static MetricReference metric(JsonNode node) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (JsonNode d : node.path("Dimensions")) {
      dimensions.put(d.path("Name").asString(), d.path("Value").asString());
    }
    return new MetricReference(
        node.path("Namespace").asString(), node.path("MetricName").asString(), dimensions);
  }

  private static List<MetricReference> widgetMetrics(JsonNode metrics) {
    List<MetricReference> out = new ArrayList<>();
    for (JsonNode line : metrics) {
      List<String> parts = new ArrayList<>();
      for (JsonNode item : line) {
        if (item.isString()) {
          parts.add(item.asString());
        }
      }
      if (parts.isEmpty()) {
        continue;
      }
      if (parts.size() % 2 != 0 || parts.contains(".") || parts.contains("..")) {
        throw new IllegalArgumentException(
            "dashboard metric line must be [namespace, name, dim, value, ..., {options}]: " + line);
      }
      Map<String, String> dims = new LinkedHashMap<>();
      for (int i = 2; i < parts.size(); i += 2) {
        dims.put(parts.get(i), parts.get(i + 1));
      }
      out.add(new MetricReference(parts.get(0), parts.get(1), dims));
    }
    return out;
  }

  /** The values of one option (e.g. {@code expression}, {@code id}) over the metric lines. */
  private static List<String> widgetOptions(JsonNode metrics, String option) {
    List<String> out = new ArrayList<>();
    for (JsonNode line : metrics) {
      for (JsonNode item : line) {
        if (item.isObject() && item.has(option)) {
          out.add(item.get(option).asString());
        }
      }
    }
    return out;
  }

  /**
   * One alarm.
   *
   * @param logicalId its logical id
   * @param properties its resolved properties
   * @param metrics the metrics it reads (its single metric, or the MetricStats of its metric math)
   */
  public record Alarm(String logicalId, JsonNode properties, List<MetricReference> metrics) {

    /** Copies the list. */
    public Alarm {
      metrics = List.copyOf(metrics);
    }

    /** The alarm's name. */
    public String name() {
      return properties.path("AlarmName").asString();
    }
  }

  /**
   * One metric widget of the dashboard.
   *
   * @param title its title
   * @param metrics the metrics it graphs (hidden inputs of expressions included)
   * @param expressions its metric math expressions
   * @param ids the ids its metric lines and expressions define
   */
  public record Widget(
      String title, List<MetricReference> metrics, List<String> expressions, List<String> ids) {

    /** Copies the lists. */
    public Widget {
      metrics = List.copyOf(metrics);
      expressions = List.copyOf(expressions);
      ids = List.copyOf(ids);
    }
  }
}
