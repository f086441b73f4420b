package com.salestalk.eventaws.consume;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A write that adds numbers to attributes of one item ({@code UpdateItem ... ADD a :x, b :y}),
 * creating the item and the attributes at zero when they do not exist yet. Additions commute, so
 * concurrent events' counts never need a read or a condition; added to {@link Effects}, each
 * event's addition is applied exactly once.
 *
 * <pre>{@code
 * effects.add(
 *     CounterUpdate.of(table, Map.of("tenantId", AttributeValue.fromS(tenant), "sk",
 *             AttributeValue.fromS("day#2025-01-15")))
 *         .add("classifications", 1)
 *         .add("confidenceSum", new BigDecimal("0.82"))
 *         .build());
 * }</pre>
 */
public final class CounterUpdate {

  private final String table;
  private final Map<String, AttributeValue> key;
  private final Map<String, String> additions = new LinkedHashMap<>();

  private CounterUpdate(String table, Map<String, AttributeValue> key) {
    this.table = Objects.requireNonNull(table, "table");
    this.key = Map.copyOf(key);
  }

  /**
   * An update of the item with {@code key} in {@code table} that adds nothing yet.
   *
   * @param table the table's name
   * @param key the item's key attributes
   */
  public static CounterUpdate of(String table, Map<String, AttributeValue> key) {
    return new CounterUpdate(table, key);
  }

  /**
   * Adds {@code amount} to {@code attribute} (to what it adds already, if named before).
   *
   * @return this
   */
  public CounterUpdate add(String attribute, long amount) {
    return add(attribute, BigDecimal.valueOf(amount));
  }

  /**
   * Adds {@code amount} to {@code attribute} exactly (DynamoDB numbers are decimals of up to 38
   * digits), to what it adds already if named before.
   *
   * @return this
   */
  public CounterUpdate add(String attribute, BigDecimal amount) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(amount, "amount");
    if (key.containsKey(attribute)) {
      throw new IllegalArgumentException(attribute + " is a key attribute");
    }
    additions.merge(
        attribute,
        amount.toPlainString(),
        (before, more) -> new BigDecimal(before).add(amount).toPlainString());
    return this;
  }

  /**
   * The write, for {@link Effects#add}.
   *
   * @throws IllegalStateException when nothing is added
   */
  public TransactWriteItem build() {
    if (additions.isEmpty()) {
      throw new IllegalStateException("a counter update adds to at least one attribute");
    }
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    StringBuilder expression = new StringBuilder("ADD ");
    int i = 0;
    for (Map.Entry<String, String> addition : additions.entrySet()) {
      // placeholders for every name: counters are often called like reserved words (count, day)
      names.put("#a" + i, addition.getKey());
      values.put(":a" + i, AttributeValue.fromN(addition.getValue()));
      expression.append(i == 0 ? "" : ", ").append("#a").append(i).append(" :a").append(i);
      i++;
    }
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key)
                    .updateExpression(expression.toString())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values))
        .build();
  }
}
