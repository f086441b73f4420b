/** The DynamoDB transactional outbox and the relay that publishes its entries to EventBridge. */
package com.salestalk.eventaws.outbox;
