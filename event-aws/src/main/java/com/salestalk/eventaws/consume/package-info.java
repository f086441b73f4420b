/** Consuming EventBridge events from SQS: unwrap, tolerant validation, idempotent dispatch, DLQ. */
package com.salestalk.eventaws.consume;
