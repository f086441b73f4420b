/**
 * Runs the JMH benchmarks and reports each one as a ratio to the floor measured in the same run.
 */
package com.salestalk.benchmarks;
