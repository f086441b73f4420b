/**
 * Test fixtures: AWS resources as DATA_CONTRACTS.md describes them, fault injection, and sample
 * events with the bodies EventBridge delivers for them.
 */
package com.salestalk.eventaws.support;
