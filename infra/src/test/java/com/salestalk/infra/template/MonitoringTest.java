package com.salestalk.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.metrics.CloudWatchMetric;
import com.salestalk.eventcontracts.metrics.MetricDefinition;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The alarms and the dashboard of docs/ARCHITECTURE.md#observability name only metrics the apps
 * emit ({@link SalesTalkMetrics} with their CloudWatch names and dimensions, or AWS/SQS metrics of
 * the template's queues) and cover every catalog type and consumer.
 */
class MonitoringTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();
  private static final Set<String> SQS_METRICS =
      Set.of(
          "ApproximateNumberOfMessagesVisible",
          "ApproximateAgeOfOldestMessage",
          "ApproximateNumberOfMessagesNotVisible",
          "NumberOfMessagesSent",
          "NumberOfMessagesReceived",
          "NumberOfMessagesDeleted");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\b");

  private static Monitoring monitoring;
  private static Set<String> queueNames;
  private static String env;

  @BeforeAll
  static void load() {
    CfnTemplate template = TemplateFiles.load();
    Intrinsics intrinsics = Intrinsics.offline(template);
    monitoring = Monitoring.of(template, intrinsics);
    env = template.parameterDefaults().get("EnvironmentName");
    queueNames = new TreeSet<>();
    for (CfnTemplate.Resource q : template.resources("AWS::SQS::Queue")) {
      queueNames.add(intrinsics.resolveString(q.properties().get("QueueName")));
    }
  }

  @Test
  void everyAlarmAndWidgetNamesAMetricTheAppsEmit() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Monitoring.Alarm alarm : monitoring.alarms()) {
      for (MetricReference m : alarm.metrics()) {
        problems.addAll(problems("alarm " + alarm.name(), m));
        checked++;
      }
    }
    for (Monitoring.Widget widget : monitoring.widgets()) {
      for (MetricReference m : widget.metrics()) {
        problems.addAll(problems("widget '" + widget.title() + "'", m));
        checked++;
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  private static List<String> problems(String where, MetricReference m) {
    List<String> out = new ArrayList<>();
    if (m.namespace().equals("AWS/SQS")) {
      if (!SQS_METRICS.contains(m.metricName())) {
        out.add(where + ": unknown AWS/SQS metric " + m);
      }
      if (!m.dimensions().keySet().equals(Set.of("QueueName"))
          || !queueNames.contains(m.dimensions().get("QueueName"))) {
        out.add(where + ": AWS/SQS metric must name one template queue by QueueName: " + m);
      }
      return out;
    }
    if (!m.namespace().equals(SalesTalkMetrics.NAMESPACE)) {
      out.add(where + ": namespace " + m.namespace() + " is neither SalesTalk nor AWS/SQS");
      return out;
    }
    List<CloudWatchMetric> emitted =
        SalesTalkMetrics.cloudWatchMetrics().stream()
            .filter(c -> c.metricName().equals(m.metricName()))
            .toList();
    if (emitted.isEmpty()) {
      out.add(where + ": the apps emit no metric " + m.metricName());
      return out;
    }
    if (!new HashSet<>(emitted.get(0).dimensions()).equals(m.dimensions().keySet())) {
      out.add(
          where + ": " + m + " must carry exactly the dimensions " + emitted.get(0).dimensions());
    }
    m.dimensions()
        .forEach(
            (k, v) -> {
              if (!validValue(k, v)) {
                out.add(where + ": " + m + " has a " + k + " value no app emits: " + v);
              }
            });
    String type = m.dimensions().get(SalesTalkMetrics.EVENT_TYPE);
    String source = m.dimensions().get(SalesTalkMetrics.SOURCE);
    String consumer = m.dimensions().get(SalesTalkMetrics.CONSUMER);
    if (type != null && CATALOG.find(type).isPresent()) {
      CatalogEntry entry = CATALOG.find(type).get();
      if (source != null && !entry.producer().equals(source)) {
        out.add(where + ": " + m + " pairs " + type + " with a source that does not produce it");
      }
      if (consumer != null && !entry.consumers().contains(consumer)) {
        out.add(where + ": " + m + " pairs " + type + " with a consumer that does not get it");
      }
    }
    return out;
  }

  private static boolean validValue(String dimension, String value) {
    return switch (dimension) {
      case SalesTalkMetrics.EVENT_TYPE -> CATALOG.find(value).isPresent();
      case SalesTalkMetrics.SOURCE -> CATALOG.sources().contains(value);
      case SalesTalkMetrics.CONSUMER -> CATALOG.consumers().contains(value);
      case SalesTalkMetrics.QUEUE -> queueNames.contains(value) && value.endsWith("-dlq");
      case MetricDefinition.PERCENTILE_DIMENSION ->
          MetricDefinition.TIMER_PERCENTILES.stream().anyMatch(p -> p.toString().equals(value));
      default -> false;
    };
  }

  @Test
  void alarmsWhenPublishSuccessOfAnyTypeFallsBelow99Point9Percent() {
    for (CatalogEntry entry : CATALOG.entries()) {
      String type = entry.type().toString();
      Monitoring.Alarm alarm =
          only(
              a ->
                  a.properties().path("Threshold").asDouble() == 99.9
                      && names(a).contains(name(SalesTalkMetrics.PUBLISHED, ".count"))
                      && typesOf(a).equals(Set.of(type)),
              "publish success alarm of " + type);
      assertThat(alarm.properties().path("ComparisonOperator").asString())
          .isEqualTo("LessThanThreshold");
      assertThat(names(alarm))
          .containsExactlyInAnyOrder(
              name(SalesTalkMetrics.PUBLISHED, ".count"),
              name(SalesTalkMetrics.PUBLISH_FAILED, ".count"));
    }
  }

  @Test
  void alarmsWhenP95ProcessingLatencyOfAConsumerExceedsFiveSeconds() {
    for (String consumer : CATALOG.consumers()) {
      Monitoring.Alarm alarm =
          only(
              a ->
                  consumersOf(a).equals(Set.of(consumer))
                      && names(a)
                          .equals(
                              Set.of(
                                  name(SalesTalkMetrics.PROCESSING_LATENCY, ".percentile.value"))),
              "p95 latency alarm of " + consumer);
      assertThat(alarm.properties().path("ComparisonOperator").asString())
          .isEqualTo("GreaterThanThreshold");
      assertThat(alarm.properties().path("Threshold").asDouble()).isEqualTo(5000.0);
      assertThat(alarm.metrics()).allMatch(m -> "0.95".equals(m.dimensions().get("phi")));
      assertThat(typesOf(alarm)).isEqualTo(typesOf(consumer));
    }
  }

  @Test
  void alarmsWhenTheErrorRateOfAConsumerExceedsOneInAThousand() {
    for (String consumer : CATALOG.consumers()) {
      Monitoring.Alarm alarm =
          only(
              a ->
                  consumersOf(a).equals(Set.of(consumer))
                      && a.properties().path("Threshold").asDouble() == 0.1,
              "error rate alarm of " + consumer);
      assertThat(alarm.properties().path("ComparisonOperator").asString())
          .isEqualTo("GreaterThanThreshold");
      assertThat(names(alarm))
          .containsExactlyInAnyOrder(
              name(SalesTalkMetrics.PROCESSED, ".count"),
              name(SalesTalkMetrics.CONSUME_FAILED, ".count"),
              name(SalesTalkMetrics.INVALID, ".count"));
      for (String metric : names(alarm)) {
        assertThat(values(alarm.metrics(), metric, SalesTalkMetrics.EVENT_TYPE))
            .as(consumer + " " + metric)
            .isEqualTo(typesOf(consumer));
      }
    }
  }

  @Test
  void alarmsWhenMoreThanTenMessagesWaitInAnyDeadLetterQueue() {
    for (String consumer : CATALOG.consumers()) {
      String dlq = env + "-" + consumer + "-dlq";
      Monitoring.Alarm alarm =
          only(
              a -> a.metrics().stream().anyMatch(m -> dlq.equals(m.dimensions().get("QueueName"))),
              "DLQ depth alarm of " + dlq);
      assertThat(alarm.properties().path("Threshold").asDouble()).isEqualTo(10.0);
      assertThat(alarm.properties().path("ComparisonOperator").asString())
          .isEqualTo("GreaterThanThreshold");
      assertThat(alarm.metrics())
          .extracting(MetricReference::metricName)
          .containsExactly("ApproximateNumberOfMessagesVisible");
    }
  }

  @Test
  void alarmsWhenTheOldestOutboxEntryOfAnyProducerIsOlderThanFiveMinutesOrUnreported() {
    // breaching: a producer no relay reports counts as stuck
    assertOutboxAlarmPerProducer(
        name(SalesTalkMetrics.OUTBOX_OLDEST_AGE, ".value"), "Maximum", 300.0, "breaching");
  }

  @Test
  void alarmsWhenAnyOutboxEntryOfAnyProducerIsParked() {
    assertOutboxAlarmPerProducer(
        name(SalesTalkMetrics.OUTBOX_PARKED, ".count"), "Sum", 0.0, "notBreaching");
  }

  /** One alarm per producer on {@code metric} of its source, above {@code threshold}. */
  private static void assertOutboxAlarmPerProducer(
      String metric, String statistic, double threshold, String missingData) {
    for (String producer : producers()) {
      JsonNode props =
          only(
                  a -> names(a).equals(Set.of(metric)) && sourcesOf(a).equals(Set.of(producer)),
                  metric + " alarm of " + producer)
              .properties();
      assertThat(props.path("ComparisonOperator").asString()).isEqualTo("GreaterThanThreshold");
      assertThat(props.path("Threshold").asDouble()).isEqualTo(threshold);
      assertThat(props.path("Statistic").asString()).isEqualTo(statistic);
      assertThat(props.path("TreatMissingData").asString()).isEqualTo(missingData);
    }
  }

  @Test
  void dashboardShowsOutboxAgeAndParkedEntriesForEveryProducer() {
    for (MetricDefinition d :
        List.of(SalesTalkMetrics.OUTBOX_OLDEST_AGE, SalesTalkMetrics.OUTBOX_PARKED)) {
      String metric = d.cloudWatchMetrics().get(0).metricName();
      boolean shown =
          monitoring.widgets().stream()
              .anyMatch(
                  w -> values(w.metrics(), metric, SalesTalkMetrics.SOURCE).equals(producers()));
      assertThat(shown).as("a widget with " + metric + " of " + producers()).isTrue();
    }
  }

  @Test
  void metricMathAlarmsStayWithinCloudWatchLimitsAndReferToTheirOwnQueries() {
    for (Monitoring.Alarm alarm : monitoring.alarms()) {
      JsonNode queries = alarm.properties().path("Metrics");
      if (queries.isMissingNode()) {
        continue;
      }
      Set<String> ids = new HashSet<>();
      Set<Integer> periods = new HashSet<>();
      int stats = 0;
      int returned = 0;
      for (JsonNode q : queries) {
        ids.add(q.path("Id").asString());
        if (q.has("MetricStat")) {
          stats++;
          periods.add(q.path("MetricStat").path("Period").asInt());
        }
        if (q.path("ReturnData").asBoolean()) {
          returned++;
        }
      }
      assertThat(stats).as(alarm.name() + " metrics (max 10)").isBetween(1, 10);
      assertThat(queries.size()).as(alarm.name() + " queries (max 20)").isLessThanOrEqualTo(20);
      assertThat(returned).as(alarm.name() + " ReturnData=true").isEqualTo(1);
      assertThat(periods).as(alarm.name() + " periods").hasSize(1);
      for (JsonNode q : queries) {
        if (q.has("Expression")) {
          assertThat(identifiers(q.path("Expression").asString()))
              .as(alarm.name() + ": " + q.path("Expression").asString())
              .isSubsetOf(ids);
        }
      }
    }
  }

  @Test
  void dashboardWidgetExpressionsReferToTheirOwnMetrics() {
    for (Monitoring.Widget widget : monitoring.widgets()) {
      Set<String> ids = new HashSet<>();
      widget.expressions().forEach(e -> ids.addAll(identifiers(e)));
      assertThat(widget.ids()).as(widget.title() + " ids").containsAll(ids).doesNotHaveDuplicates();
    }
  }

  @Test
  void dashboardShowsVolumeByTypeForEveryCatalogType() {
    assertThat(widgetCovering(name(SalesTalkMetrics.PUBLISHED, ".count"), allTypes()))
        .as("volume by type")
        .isNotNull();
  }

  @Test
  void dashboardShowsP95LatencyAndErrorRateForEveryConsumerAndItsTypes() {
    Map<String, Set<String>> pairs = pairs();
    assertThat(
            widgetCoveringPairs(
                name(SalesTalkMetrics.PROCESSING_LATENCY, ".percentile.value"), pairs))
        .as("latency per consumer")
        .isNotNull();
    for (MetricDefinition d :
        List.of(
            SalesTalkMetrics.PROCESSED,
            SalesTalkMetrics.CONSUME_FAILED,
            SalesTalkMetrics.INVALID)) {
      assertThat(widgetCoveringPairs(name(d, ".count"), pairs))
          .as("error rates: " + d.name())
          .isNotNull();
    }
  }

  @Test
  void dashboardShowsTheDepthOfEveryDeadLetterQueue() {
    Set<String> dlqs = new TreeSet<>();
    queueNames.stream().filter(q -> q.endsWith("-dlq")).forEach(dlqs::add);
    boolean shown =
        monitoring.widgets().stream()
            .anyMatch(
                w ->
                    values(w.metrics(), "ApproximateNumberOfMessagesVisible", "QueueName")
                        .containsAll(dlqs));
    assertThat(shown).as("a widget with the depth of " + dlqs).isTrue();
  }

  @Test
  void dashboardShowsCostForEveryCatalogType() {
    Monitoring.Widget cost =
        widgetCovering(name(SalesTalkMetrics.BILLABLE_CHUNKS, ".count"), allTypes());
    assertThat(cost).as("cost per event type").isNotNull();
    assertThat(cost.expressions()).hasSize(CATALOG.entries().size());
  }

  private static Monitoring.Widget widgetCovering(String metricName, Set<String> types) {
    return monitoring.widgets().stream()
        .filter(w -> values(w.metrics(), metricName, SalesTalkMetrics.EVENT_TYPE).equals(types))
        .findFirst()
        .orElse(null);
  }

  private static Monitoring.Widget widgetCoveringPairs(
      String metricName, Map<String, Set<String>> pairs) {
    return monitoring.widgets().stream()
        .filter(
            w -> {
              Map<String, Set<String>> seen = new LinkedHashMap<>();
              w.metrics().stream()
                  .filter(m -> m.metricName().equals(metricName))
                  .forEach(
                      m ->
                          seen.computeIfAbsent(
                                  m.dimensions().get(SalesTalkMetrics.CONSUMER),
                                  k -> new TreeSet<>())
                              .add(m.dimensions().get(SalesTalkMetrics.EVENT_TYPE)));
              return seen.equals(pairs);
            })
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Set<String>> pairs() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String consumer : CATALOG.consumers()) {
      out.put(consumer, typesOf(consumer));
    }
    return out;
  }

  private static Set<String> allTypes() {
    Set<String> out = new TreeSet<>();
    CATALOG.entries().forEach(e -> out.add(e.type().toString()));
    return out;
  }

  private static Set<String> typesOf(String consumer) {
    Set<String> out = new TreeSet<>();
    CATALOG.typesConsumedBy(consumer).forEach(t -> out.add(t.toString()));
    return out;
  }

  private static Set<String> typesOf(Monitoring.Alarm alarm) {
    return dimensionValues(alarm, SalesTalkMetrics.EVENT_TYPE);
  }

  private static Set<String> sourcesOf(Monitoring.Alarm alarm) {
    return dimensionValues(alarm, SalesTalkMetrics.SOURCE);
  }

  /** The services that produce a catalog type (the test harness produces none). */
  private static Set<String> producers() {
    Set<String> out = new TreeSet<>();
    CATALOG.entries().forEach(e -> out.add(e.producer()));
    return out;
  }

  private static Set<String> consumersOf(Monitoring.Alarm alarm) {
    return dimensionValues(alarm, SalesTalkMetrics.CONSUMER);
  }

  /** The values of {@code dimension} in the alarm's metrics that carry it. */
  private static Set<String> dimensionValues(Monitoring.Alarm alarm, String dimension) {
    Set<String> out = new TreeSet<>();
    for (MetricReference m : alarm.metrics()) {
      String value = m.dimensions().get(dimension);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /**
   * The values of {@code dimension} in the metrics named {@code metricName}; a metric without the
   * dimension fails the test (a TreeSet refuses null).
   */
  private static Set<String> values(
      List<MetricReference> metrics, String metricName, String dimension) {
    Set<String> out = new TreeSet<>();
    metrics.stream()
        .filter(m -> m.metricName().equals(metricName))
        .forEach(m -> out.add(m.dimensions().get(dimension)));
    return out;
  }

  private static Set<String> names(Monitoring.Alarm alarm) {
    Set<String> out = new TreeSet<>();
    alarm.metrics().forEach(m -> out.add(m.metricName()));
    return out;
  }

  private static String name(MetricDefinition definition, String suffix) {
    String name = definition.name() + suffix;
    assertThat(definition.cloudWatchMetrics())
        .extracting(CloudWatchMetric::metricName)
        .contains(name);
    return name;
  }

  private static Monitoring.Alarm only(Predicate<Monitoring.Alarm> filter, String what) {
    List<Monitoring.Alarm> found = monitoring.alarms().stream().filter(filter).toList();
    assertThat(found).as(what).hasSize(1);
    return found.get(0);
  }

  private static Set<String> identifiers(String expression) {
    Set<String> out = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(expression);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
