package com.salestalk.chathandler.chat;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A tenant's currency and timezone, from its item in the tenants table. */
class TenantProfiles {

  /**
   * @param timezone the tenant's "today" is in it
   * @param currency its money figures are in it
   */
  record TenantProfile(ZoneId timezone, Currency currency) {}

  static final TenantProfile DEFAULT =
      new TenantProfile(ZoneOffset.UTC, Currency.getInstance("USD"));

  private final DynamoDbClient dynamoDb;
  private final String table;

  TenantProfiles(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The tenant's profile; UTC and USD for what its item does not say. */
  TenantProfile of(TenantId tenant) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(table)
                        .key(Map.of("tenantId", AttributeValue.fromS(tenant.value())))
                        // both are DynamoDB reserved words
                        .projectionExpression("#c, #z")
                        .expressionAttributeNames(Map.of("#c", "currency", "#z", "timezone")))
            .item();
    ZoneId zone = DEFAULT.timezone();
    Currency currency = DEFAULT.currency();
    try {
      if (item != null && item.containsKey("timezone")) {
        zone = ZoneId.of(item.get("timezone").s());
      }
      if (item != null && item.containsKey("currency")) {
        currency = Currency.getInstance(item.get("currency").s());
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      // tenant-onboard validates both; an unreadable value falls back to the default
    }
    return new TenantProfile(zone, currency);
  }
}
