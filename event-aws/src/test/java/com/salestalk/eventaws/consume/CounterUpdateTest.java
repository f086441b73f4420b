package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

class CounterUpdateTest {

  static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("tenant-a"));

  @Test
  void addsEveryNamedAmountInOneUpdateWithPlaceholders() {
    Update update =
        CounterUpdate.of("t", KEY)
            .add("count", 1)
            .add("confidenceSum", new BigDecimal("0.82"))
            .build()
            .update();
    assertThat(update.tableName()).isEqualTo("t");
    assertThat(update.key()).isEqualTo(KEY);
    assertThat(update.updateExpression()).isEqualTo("ADD #a0 :a0, #a1 :a1");
    assertThat(update.expressionAttributeNames())
        .isEqualTo(Map.of("#a0", "count", "#a1", "confidenceSum"));
    assertThat(update.expressionAttributeValues())
        .isEqualTo(Map.of(":a0", AttributeValue.fromN("1"), ":a1", AttributeValue.fromN("0.82")));
  }

  @Test
  void sumsTheAmountsOfOneAttributeExactly() {
    Update update =
        CounterUpdate.of("t", KEY)
            .add("sum", new BigDecimal("0.1"))
            .add("sum", new BigDecimal("0.2"))
            .add("sum", 3)
            .build()
            .update();
    assertThat(update.updateExpression()).isEqualTo("ADD #a0 :a0");
    assertThat(update.expressionAttributeValues())
        .isEqualTo(Map.of(":a0", AttributeValue.fromN("3.3")));
  }

  @Test
  void writesPlainNumbers() {
    Update update = CounterUpdate.of("t", KEY).add("n", new BigDecimal("1E+3")).build().update();
    assertThat(update.expressionAttributeValues())
        .isEqualTo(Map.of(":a0", AttributeValue.fromN("1000")));
  }

  @Test
  void refusesAKeyAttributeAndAnEmptyUpdate() {
    assertThatThrownBy(() -> CounterUpdate.of("t", KEY).add("pk", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pk is a key attribute");
    assertThatThrownBy(() -> CounterUpdate.of("t", KEY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a counter update adds to at least one attribute");
  }
}
