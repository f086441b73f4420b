/**
 * Consuming EventBridge events from SQS: unwrap, tolerant validation, dedupe, typed handlers, DLQ.
 */
package com.salestalk.eventaws.consume;
