/**
 * Seconds-long load drivers that measure events/s through the kit's real consumer and outbox relay
 * against an AWS emulator, each against a floor measured in the same run.
 */
package com.salestalk.benchmarks.system;
