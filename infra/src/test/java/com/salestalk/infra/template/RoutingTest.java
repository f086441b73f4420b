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
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The template's rules, loaded into AWS Event Ruler (EventBridge's matching engine), route every
 * catalog type to exactly its catalog consumers.
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
  void routesByTypeWhateverSalesTalkServicePublishedIt() throws Exception {
    EventEnvelope sample = EventSamples.of("metrics.ingested.v1");
    assertThat(consumersMatching(eventBridgeEvent(sample, "test-harness")))
        .containsExactly("aggregation", "validation");
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
  void noRuleNamesATypeTheCatalogLacks() {
    for (EventRule rule : template.rules()) {
      JsonNode pattern = JsonMapper.shared().readTree(rule.eventPattern());
      List<String> types = new ArrayList<>();
      for (JsonNode t : pattern.required("detail-type")) {
        assertThat(t.isString())
            .as(rule.logicalId() + ": detail-type must list exact type names, not " + t)
            .isTrue();
        types.add(t.asString());
      }
      String consumer = consumerOfRule.get(rule.logicalId());
      assertThat(types)
          .as(rule.logicalId() + " detail-type")
          .allSatisfy(t -> assertThat(CATALOG.find(t)).as(t + " in catalog").isPresent())
          .containsExactlyInAnyOrderElementsOf(
              CATALOG.typesConsumedBy(consumer).stream().map(Object::toString).toList());
    }
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
