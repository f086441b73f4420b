package com.salestalk.eventcontracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypeTest {

  @Test
  void parsesDomainActionAndMajorVersion() {
    EventType type = EventType.parse("classification.performed.v12");

    assertThat(type.domain()).isEqualTo("classification");
    assertThat(type.action()).isEqualTo("performed");
    assertThat(type.major()).isEqualTo(12);
    assertThat(type).hasToString("classification.performed.v12");
  }

  @Test
  void acceptsListedIrregularParticiplesAsActions() {
    assertThat(EventType.parse("report.sent.v1").action()).isEqualTo("sent");
    assertThat(EventType.parse("dashboard.built.v2").action()).isEqualTo("built");
  }

  @Test
  void successorIsTheNextMajorVersion() {
    assertThat(EventType.parse("tenant.provisioned.v1").successor())
        .isEqualTo(EventType.parse("tenant.provisioned.v2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tenant.provisioned.v1|domain 'Tenant' must be lowercase letters a-z",
        "tenant.Provisioned.v1|action 'Provisioned' must be lowercase letters a-z",
        "tenant.provision.v1|action 'provision' must be a past-tense verb (ending in -ed or a listed irregular"
            + " participle)",
        "tenant.create.v1|action 'create' must be a past-tense verb (ending in -ed or a listed irregular"
            + " participle)",
        "tenant.provisioned.v0|event type 'tenant.provisioned.v0' must end in a version v{N} with N >= 1, got 'v0'",
        "tenant.provisioned.v01|event type 'tenant.provisioned.v01' must end in a version v{N} with N >= 1, got"
            + " 'v01'",
        "tenant.provisioned.1|event type 'tenant.provisioned.1' must end in a version v{N} with N >= 1, got '1'",
        "tenant.provisioned|event type 'tenant.provisioned' must have exactly three parts:"
            + " {domain}.{action}.v{N}",
        "sales.tenant.provisioned.v1|event type 'sales.tenant.provisioned.v1' must have exactly three parts:"
            + " {domain}.{action}.v{N}",
        "tenant_x.provisioned.v1|domain 'tenant_x' must be lowercase letters a-z",
        "tenant..v1|action '' must be lowercase letters a-z",
      })
  void rejectsNamesThatBreakTheNamingRules(String text, String message) {
    assertThatThrownBy(() -> EventType.parse(text))
        .isInstanceOf(InvalidEventTypeException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsEmptyAndOverlongNames() {
    assertThatThrownBy(() -> EventType.parse("")).hasMessage("event type is empty");
    assertThatThrownBy(() -> EventType.parse("a".repeat(101) + ".performed.v1"))
        .hasMessage("event type is longer than 100 characters");
  }

  @Test
  void pastTenseNeedsMoreThanTheSuffixAlone() {
    assertThat(EventType.isPastTense("ed")).isFalse();
    assertThat(EventType.isPastTense("bed")).isFalse();
    assertThat(EventType.isPastTense("ingested")).isTrue();
  }
}
