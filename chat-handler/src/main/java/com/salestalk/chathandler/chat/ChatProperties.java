package com.salestalk.chathandler.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chat feature.
 *
 * @param table the conversations table (the stack output ConversationsTableName)
 * @param tenantsTable the tenants table, for each tenant's currency and timezone (TenantsTableName)
 * @param cellsTable aggregation's cells table (MetricCellsTableName)
 * @param maxMessageLength most characters of a message
 * @param maxMessagesPerSession most messages one session holds (its transcript is one item)
 * @param idleTimeout how long after its last message an active session completes by itself
 * @param idleSweepInterval how often the idle sweeper looks for such sessions
 */
@ConfigurationProperties(ChatProperties.PREFIX)
record ChatProperties(
    String table,
    String tenantsTable,
    String cellsTable,
    @DefaultValue("2000") int maxMessageLength,
    @DefaultValue("50") int maxMessagesPerSession,
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("PT1M") Duration idleSweepInterval) {

  /** Property prefix. */
  static final String PREFIX = "salestalk.chat";

  /** Requires the tables; the message limit fits the event's utterance (2,000 characters). */
  ChatProperties {
    required(table, "table", "ConversationsTableName", "conversations-table-name");
    required(tenantsTable, "tenants-table", "TenantsTableName", "tenants-table-name");
    required(cellsTable, "cells-table", "MetricCellsTableName", "metric-cells-table-name");
    if (maxMessageLength < 1 || maxMessageLength > 2000) {
      throw new IllegalArgumentException(
          PREFIX + ".max-message-length must be 1 to 2000 (classification.performed.v1's limit)");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(PREFIX + ".idle-timeout must be positive");
    }
    if (maxMessagesPerSession < 1) {
      throw new IllegalArgumentException(PREFIX + ".max-messages-per-session must be at least 1");
    }
  }

  private static void required(String value, String name, String output, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + "."
              + name
              + " must be set (the stack output "
              + output
              + ", salestalk.aws."
              + property
              + ")");
    }
  }
}
