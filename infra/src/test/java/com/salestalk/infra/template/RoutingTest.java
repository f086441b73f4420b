package com.salestalk.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The template's rules, loaded into AWS Event Ruler (EventBridge's matching engine), route every
 * catalog type to exactly its catalog consumers, and only from its catalog producer.
 */
class RoutingTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();
  private static CfnTemplate template;
  private static Machine machine;
  private static Map<String, String> consumerOfRule;

  @BeforeAll
  static void loadRules() throws Exception {
    template = TemplateFiles.load();
    Intrinsics intrinsics = Intrinsics.offline(template);
    String env = template.parameterDefaults().get("EnvironmentName");
    machine = new Machine();
    consumerOfRule = new LinkedHashMap<>();
    for (EventRule rule : template.rules()) {
      machine.addRule(rule.logicalId(), rule.eventPattern());
      assertThat(rule.targetLogicalIds()).as(rule.logicalId() + " targets").hasSize(1);
      String queueName =
          intrinsics.resolveString(
              template.resource(rule.targetLogicalIds().get(0)).properties().get("QueueName"));
      assertThat(queueName).startsWith(env + "-").endsWith("-queue");
      consumerOfRule.put(
          rule.logicalId(),
          queueName.substring(env.length() + 1, queueName.length() - "-queue".length()));
    }
  }

  @Test
  void hasOneRulePerCatalogConsumer() {
    assertThat(consumerOfRule.values()).containsExactlyInAnyOrderElementsOf(CATALOG.consumers());
  }

  @Test
  void routesASampleOfEveryCatalogTypeToExactlyItsConsumers() throws Exception {
    Map<String, List<String>> routed = new LinkedHashMap<>();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (CatalogEntry entry : CATALOG.entries()) {
      EventEnvelope sample = EventSamples.of(entry.type());
      routed.put(
          entry.type().toString(), consumersMatching(eventBridgeEvent(sample, sample.source())));
      expected.put(entry.type().toString(), sorted(entry.consumers()));
    }
    assertThat(routed).isEqualTo(expected);
    assertThat(routed).hasSize(5);
  }

  @Test
  void routesNoTenantProvisionedEventClaimingAnotherSource() throws Exception {
    EventEnvelope sample = EventSamples.of("tenant.provisioned.v1");
    assertThat(consumersMatching(eventBridgeEvent(sample, "chat-handler"))).isEmpty();
    assertThat(consumersMatching(eventBridgeEvent(sample, "test-harness"))).isEmpty();
    assertThat(consumersMatching(eventBridgeEvent(sample, "tenant-onboard")))
        .containsExactly("aggregation", "analytics");
  }

  @Test
  void routesNoEventOfAnyTypeFromAnySourceButItsCatalogProducer() throws Exception {
    Map<String, List<String>> routed = new LinkedHashMap<>();
    for (CatalogEntry entry : CATALOG.entries()) {
      EventEnvelope sample = EventSamples.of(entry.type());
      for (String source : CATALOG.sources()) {
        if (!source.equals(entry.producer())) {
          routed.put(
              entry.type() + " from " + source,
              consumersMatching(eventBridgeEvent(sample, source)));
        }
      }
    }
    assertThat(routed).hasSize(CATALOG.entries().size() * (CATALOG.sources().size() - 1));
    assertThat(routed).allSatisfy((event, consumers) -> assertThat(consumers).as(event).isEmpty());
  }

  @Test
  void routesNothingFromASourceOutsideSalesTalk() throws Exception {
    EventEnvelope sample = EventSamples.of("tenant.provisioned.v1");
    ObjectNode event = eventBridgeEvent(sample, "tenant-onboard");
    event.put("source", "aws.events");
    assertThat(consumersMatching(event)).isEmpty();
    event.put("source", "acme.salestalk.tenant-onboard");
    assertThat(consumersMatching(event)).isEmpty();
  }

  @Test
  void routesNothingOfATypeTheCatalogLacks() throws Exception {
    ObjectNode event = eventBridgeEvent(EventSamples.of("tenant.provisioned.v1"), "tenant-onboard");
    event.put("detail-type", "tenant.provisioned.v2");
    assertThat(consumersMatching(event)).isEmpty();
    event.put("detail-type", "tenant.deleted.v1");
    assertThat(consumersMatching(event)).isEmpty();
  }

  @Test
  void everyCatalogTypeHasAtLeastOneConsumer() {
    for (CatalogEntry entry : CATALOG.entries()) {
      assertThat(entry.consumers()).as(entry.type() + " consumers").isNotEmpty();
    }
  }

  @Test
  void everyRuleMatchesItsConsumersTypesEachFromExactlyItsCatalogProducer() {
    for (EventRule rule : template.rules()) {
      String consumer = consumerOfRule.get(rule.logicalId());
      Set<String> expected = new TreeSet<>();
      for (var type : CATALOG.typesConsumedBy(consumer)) {
        expected.add(
            EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX
                + CATALOG.require(type).producer()
                + " "
                + type);
      }
      assertThat(sourceTypePairs(rule))
          .as(rule.logicalId() + " (source, detail-type) pairs")
          .isEqualTo(expected);
    }
  }

  /**
   * The (source, detail-type) pairs a rule's pattern accepts: {@code source} and {@code
   * detail-type} lists of exact strings, at the top or in each branch of a top-level {@code $or}.
   */
  private static Set<String> sourceTypePairs(EventRule rule) {
    JsonNode pattern = JsonMapper.shared().readTree(rule.eventPattern());
    List<JsonNode> branches = new ArrayList<>();
    if (pattern.has("$or")) {
      assertThat(pattern.propertyNames()).as(rule.logicalId()).containsExactly("$or");
      pattern.get("$or").forEach(branches::add);
    } else {
      branches.add(pattern);
    }
    Set<String> pairs = new TreeSet<>();
    for (JsonNode branch : branches) {
      assertThat(branch.propertyNames())
          .as(rule.logicalId() + " matches on")
          .containsExactlyInAnyOrder("source", "detail-type");
      for (String source : exactStrings(branch.required("source"), rule)) {
        for (String type : exactStrings(branch.required("detail-type"), rule)) {
          pairs.add(source + " " + type);
        }
      }
    }
    return pairs;
  }

  private static List<String> exactStrings(JsonNode values, EventRule rule) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : values) {
      assertThat(v.isString())
          .as(rule.logicalId() + ": patterns must list exact values, not " + v)
          .isTrue();
      out.add(v.asString());
    }
    return out;
  }

  private static List<String> consumersMatching(ObjectNode event) throws Exception {
    List<String> out = new ArrayList<>();
    for (String rule : machine.rulesForEvent(event.toString())) {
      out.add(consumerOfRule.get(rule));
    }
    return sorted(out);
  }

  private static List<String> sorted(List<String> items) {
    return List.copyOf(new TreeSet<>(items));
  }

  /** The event EventBridge delivers for a PutEvents entry of {@code envelope}. */
  static ObjectNode eventBridgeEvent(EventEnvelope envelope, String source) {
    ObjectNode event = JsonMapper.shared().createObjectNode();
    event.put("version", "0");
    event.put("id", java.util.UUID.randomUUID().toString());
    event.put("detail-type", envelope.eventType().toString());
    event.put("source", "salestalk." + source);
    event.put("account", Intrinsics.OFFLINE_ACCOUNT);
    event.put("time", envelope.timestamp().toString());
    event.put("region", Intrinsics.OFFLINE_REGION);
    event.putArray("resources");
    event.set("detail", JsonMapper.shared().readTree(EnvelopeJson.toJson(envelope)));
    return event;
  }
}
