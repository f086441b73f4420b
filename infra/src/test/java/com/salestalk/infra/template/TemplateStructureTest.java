package com.salestalk.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Structural rules of infra/template.yaml that do not need AWS. */
class TemplateStructureTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();
  private static final int FOURTEEN_DAYS = 14 * 24 * 3600;

  private static CfnTemplate template;
  private static Intrinsics intrinsics;
  private static String env;

  @BeforeAll
  static void load() {
    template = TemplateFiles.load();
    intrinsics = Intrinsics.offline(template);
    env = template.parameterDefaults().get("EnvironmentName");
  }

  @Test
  void usesNoShortFormTagsSoPlainYamlParsersReadIt() throws Exception {
    List<String> tagged = new ArrayList<>();
    List<String> lines = Files.readAllLines(TemplateFiles.template());
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i).replaceAll("\\s#.*$", "");
      if (code.matches(
          ".*(^|[\\s:\\[,-])!(Ref|Sub|GetAtt|If|Join|Select|Split|Equals|Not|And|Or|"
              + "FindInMap|Base64|Cidr|GetAZs|ImportValue|Condition|Transform)\\b.*")) {
        tagged.add((i + 1) + ": " + lines.get(i).strip());
      }
    }
    assertThat(tagged).isEmpty();
    assertThat(template.resources()).hasSizeGreaterThan(40);
  }

  @Test
  void declaresTheEnvironmentAndMaxReceiveCountParameters() {
    assertThat(template.parameterDefaults())
        .containsEntry("EnvironmentName", "local")
        .containsEntry("EventBusName", "salestalk")
        .containsEntry("MaxReceiveCount", "5");
  }

  @Test
  void everyQueueHasADeadLetterQueueKeepingMessagesLonger() {
    Map<String, String> dlqOf = new LinkedHashMap<>();
    for (CfnTemplate.Resource queue : template.resources("AWS::SQS::Queue")) {
      JsonNode redrive = queue.properties().path("RedrivePolicy");
      if (!redrive.isMissingNode()) {
        String dlq = redrive.path("deadLetterTargetArn").path("Fn::GetAtt").path(0).asString();
        dlqOf.put(queue.logicalId(), dlq);
        assertThat(redrive.path("maxReceiveCount").path("Ref").asString())
            .as(queue.logicalId() + " maxReceiveCount")
            .isEqualTo("MaxReceiveCount");
      }
    }
    Set<String> dlqs = new TreeSet<>(dlqOf.values());
    for (CfnTemplate.Resource queue : template.resources("AWS::SQS::Queue")) {
      assertThat(dlqOf.containsKey(queue.logicalId()) || dlqs.contains(queue.logicalId()))
          .as(queue.logicalId() + " is a queue with a DLQ or a DLQ")
          .isTrue();
    }
    assertThat(dlqOf).hasSize(CATALOG.consumers().size());
    assertThat(dlqs).hasSize(dlqOf.size());
    dlqOf.forEach(
        (queue, dlq) -> {
          int source = retention(queue);
          int dead = retention(dlq);
          assertThat(dead).as(dlq + " retention").isEqualTo(FOURTEEN_DAYS).isGreaterThan(source);
          assertThat(template.resource(dlq).properties().has("RedrivePolicy"))
              .as(dlq + " has no DLQ of its own")
              .isFalse();
        });
  }

  @Test
  void namesQueuesAfterTheEnvironmentAndConsumer() {
    List<String> names = new ArrayList<>();
    for (CfnTemplate.Resource queue : template.resources("AWS::SQS::Queue")) {
      names.add(intrinsics.resolveString(queue.properties().get("QueueName")));
    }
    List<String> expected = new ArrayList<>();
    for (String consumer : CATALOG.consumers()) {
      expected.add(env + "-" + consumer + "-queue");
      expected.add(env + "-" + consumer + "-dlq");
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyRuleTargetHasADeadLetterQueueAndARetryPolicy() {
    assertThat(template.rules()).hasSize(CATALOG.consumers().size());
    for (EventRule rule : template.rules()) {
      assertThat(rule.deadLetterLogicalIds())
          .as(rule.logicalId())
          .hasSameSizeAs(rule.targetLogicalIds());
      assertThat(rule.retryPolicies())
          .as(rule.logicalId())
          .isEqualTo(rule.targetLogicalIds().size());
      for (String dlq : rule.deadLetterLogicalIds()) {
        assertThat(template.resource(dlq).type()).isEqualTo("AWS::SQS::Queue");
      }
    }
  }

  @Test
  void rulesListenOnTheSalestalkBusThroughGetAttNotRef() {
    CfnTemplate.Resource bus = template.resources("AWS::Events::EventBus").get(0);
    assertThat(template.resources("AWS::Events::EventBus")).hasSize(1);
    assertThat(intrinsics.resolveString(bus.properties().get("Name"))).isEqualTo("salestalk");
    for (CfnTemplate.Resource rule : template.resources("AWS::Events::Rule")) {
      JsonNode busName = rule.properties().path("EventBusName");
      boolean getAttName =
          busName.path("Fn::GetAtt").path(0).asString("").equals(bus.logicalId())
              && busName.path("Fn::GetAtt").path(1).asString("").equals("Name");
      assertThat(getAttName)
          .as(
              rule.logicalId()
                  + " EventBusName must be Fn::GetAtt Bus.Name (Ref crashes moto): "
                  + busName)
          .isTrue();
    }
  }

  @Test
  void archivesEveryEventOfTheBus() {
    List<CfnTemplate.Resource> archives = template.resources("AWS::Events::Archive");
    assertThat(archives).hasSize(1);
    JsonNode props = archives.get(0).properties();
    assertThat(props.path("SourceArn").path("Fn::GetAtt").path(0).asString()).isEqualTo("Bus");
    assertThat(props.has("EventPattern"))
        .as("an archive without pattern keeps every event")
        .isFalse();
  }

  @Test
  void letsOnlyItsRuleSendToEachTargetQueueAndItsDlq() {
    Map<String, JsonNode> policyOf = new HashMap<>();
    for (CfnTemplate.Resource policy : template.resources("AWS::SQS::QueuePolicy")) {
      for (JsonNode q : policy.properties().path("Queues")) {
        policyOf.put(q.path("Ref").asString(), policy.properties().path("PolicyDocument"));
      }
    }
    for (EventRule rule : template.rules()) {
      List<String> queues = new ArrayList<>(rule.targetLogicalIds());
      queues.addAll(rule.deadLetterLogicalIds());
      for (String queue : queues) {
        JsonNode document = policyOf.get(queue);
        assertThat(document).as(queue + " has a queue policy").isNotNull();
        JsonNode statement = allowingRule(document, queue, rule.logicalId());
        assertThat(statement)
            .as(queue + ": statement letting " + rule.logicalId() + " send")
            .isNotNull();
      }
    }
  }

  private static JsonNode allowingRule(JsonNode document, String queue, String rule) {
    for (JsonNode s : document.path("Statement")) {
      boolean events =
          s.path("Principal").path("Service").asString("").equals("events.amazonaws.com");
      boolean send = s.path("Action").asString("").equals("sqs:SendMessage");
      boolean onQueue = false;
      for (JsonNode r : s.path("Resource")) {
        onQueue |= r.path("Fn::GetAtt").path(0).asString("").equals(queue);
      }
      boolean scoped =
          s.path("Condition")
              .path("ArnEquals")
              .path("aws:SourceArn")
              .path("Fn::GetAtt")
              .path(0)
              .asString("")
              .equals(rule);
      if (s.path("Effect").asString("").equals("Allow") && events && send && onQueue && scoped) {
        return s;
      }
    }
    return null;
  }

  @Test
  void createsEveryTableOfTheDataContracts() {
    DataContracts contracts = DataContracts.read(TemplateFiles.dataContracts());
    Map<String, DataContracts.Table> inTemplate = new LinkedHashMap<>();
    for (CfnTemplate.Resource t : template.resources("AWS::DynamoDB::Table")) {
      DataContracts.Table table = tableOf(t);
      inTemplate.put(table.name(), table);
      assertThat(t.properties().path("BillingMode").asString())
          .as(t.logicalId())
          .isEqualTo("PAY_PER_REQUEST");
    }
    assertThat(contracts.tables()).isNotEmpty();
    assertThat(inTemplate).isEqualTo(contracts.tables());
  }

  private static DataContracts.Table tableOf(CfnTemplate.Resource t) {
    String prefix = env + "-";
    String name = intrinsics.resolveString(t.properties().get("TableName"));
    assertThat(name).startsWith(prefix);
    String[] keys = keys(t.properties().path("KeySchema"));
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    for (JsonNode gsi : t.properties().path("GlobalSecondaryIndexes")) {
      String[] g = keys(gsi.path("KeySchema"));
      List<String> k = new ArrayList<>();
      k.add(g[0]);
      k.add(g[1]);
      k.add(projection(gsi.path("Projection")));
      indexes.put(gsi.path("IndexName").asString(), k);
    }
    JsonNode ttl = t.properties().path("TimeToLiveSpecification");
    String ttlAttribute = null;
    if (!ttl.isMissingNode()) {
      assertThat(ttl.path("Enabled").asBoolean()).isTrue();
      ttlAttribute = ttl.path("AttributeName").asString();
    }
    Set<String> defined = new TreeSet<>();
    for (JsonNode a : t.properties().path("AttributeDefinitions")) {
      defined.add(a.path("AttributeName").asString());
    }
    Set<String> keyAttributes = new TreeSet<>();
    keyAttributes.add(keys[0]);
    if (keys[1] != null) {
      keyAttributes.add(keys[1]);
    }
    indexes
        .values()
        .forEach(k -> k.subList(0, 2).stream().filter(a -> a != null).forEach(keyAttributes::add));
    assertThat(defined)
        .as(name + " AttributeDefinitions = key attributes")
        .isEqualTo(keyAttributes);
    return new DataContracts.Table(
        name.substring(prefix.length()), keys[0], keys[1], indexes, ttlAttribute);
  }

  /** {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE a,b}, as {@link DataContracts} reads it. */
  private static String projection(JsonNode projection) {
    String type = projection.path("ProjectionType").asString();
    if (!type.equals("INCLUDE")) {
      return type;
    }
    List<String> attributes = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(a -> attributes.add(a.asString()));
    return "INCLUDE " + String.join(",", attributes);
  }

  private static String[] keys(JsonNode schema) {
    String[] out = new String[2];
    for (JsonNode k : schema) {
      out[k.path("KeyType").asString().equals("HASH") ? 0 : 1] = k.path("AttributeName").asString();
    }
    return out;
  }

  @Test
  void createsTheUploadsBucketOfTheDataContractsPrivateVersionedAndEncrypted() {
    DataContracts contracts = DataContracts.read(TemplateFiles.dataContracts());
    List<CfnTemplate.Resource> buckets = template.resources("AWS::S3::Bucket");
    assertThat(buckets).hasSize(1);
    JsonNode props = buckets.get(0).properties();
    String expected =
        contracts
            .bucketNames()
            .get(0)
            .replace("{env}", env)
            .replace("{account}", Intrinsics.OFFLINE_ACCOUNT);
    assertThat(intrinsics.resolveString(props.get("BucketName"))).isEqualTo(expected);
    assertThat(props.path("VersioningConfiguration").path("Status").asString())
        .isEqualTo("Enabled");
    JsonNode block = props.path("PublicAccessBlockConfiguration");
    for (String flag :
        List.of(
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
      assertThat(block.path(flag).asBoolean()).as(flag).isTrue();
    }
    assertThat(
            props
                .path("BucketEncryption")
                .path("ServerSideEncryptionConfiguration")
                .path(0)
                .path("ServerSideEncryptionByDefault")
                .path("SSEAlgorithm")
                .asString())
        .isNotEmpty();
  }

  @Test
  void retainsNamedTablesAndTheBucketUnlessTheirStacksFirstCreateFailed() {
    Map<String, String> nameProperty =
        Map.of("AWS::DynamoDB::Table", "TableName", "AWS::S3::Bucket", "BucketName");
    List<String> stateful = new ArrayList<>();
    for (CfnTemplate.Resource r : template.resources()) {
      JsonNode attributes = template.root().path("Resources").path(r.logicalId());
      String deletion = attributes.path("DeletionPolicy").asString("Delete");
      if (nameProperty.containsKey(r.type())) {
        stateful.add(r.logicalId());
        assertThat(r.properties().has(nameProperty.get(r.type())))
            .as(r.logicalId() + " is named")
            .isTrue();
        assertThat(deletion)
            .as(r.logicalId() + " DeletionPolicy")
            .isEqualTo("RetainExceptOnCreate");
        assertThat(attributes.path("UpdateReplacePolicy").asString())
            .as(r.logicalId() + " UpdateReplacePolicy")
            .isEqualTo("Retain");
      } else {
        // a named resource kept after a failed first create would make the retry fail on its name
        assertThat(deletion).as(r.logicalId() + " DeletionPolicy").isNotEqualTo("Retain");
      }
    }
    assertThat(stateful).hasSize(template.resources("AWS::DynamoDB::Table").size() + 1);
  }

  @Test
  void outputsEveryQueueTableTheBucketAndTheBus() {
    Map<String, JsonNode> outputs = template.outputs();
    List<String> missing = new ArrayList<>();
    for (CfnTemplate.Resource q : template.resources("AWS::SQS::Queue")) {
      for (String suffix : List.of("Url", "Name")) {
        if (!outputs.containsKey(q.logicalId() + suffix)) {
          missing.add(q.logicalId() + suffix);
        }
      }
    }
    for (CfnTemplate.Resource t : template.resources("AWS::DynamoDB::Table")) {
      if (!outputs.containsKey(t.logicalId() + "Name")) {
        missing.add(t.logicalId() + "Name");
      }
    }
    for (String key : List.of("UploadsBucketName", "BusName", "BusArn")) {
      if (!outputs.containsKey(key)) {
        missing.add(key);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(outputs.get("BusName").toString()).doesNotContain("\"Ref\"");
  }

  @Test
  void staysWithinTheSizeCloudFormationAcceptsFromS3() throws Exception {
    assertThat(Files.size(TemplateFiles.template())).isLessThan(1_000_000);
  }

  private static int retention(String queueLogicalId) {
    return template.resource(queueLogicalId).properties().path("MessageRetentionPeriod").asInt();
  }
}
