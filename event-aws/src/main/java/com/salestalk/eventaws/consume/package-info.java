/**
 * Consuming EventBridge events from SQS: unwrap, tolerant validation, owned dedupe leases kept by a
 * visibility heartbeat, typed handlers whose DynamoDB effects commit with the done record, DLQ.
 */
package com.salestalk.eventaws.consume;
