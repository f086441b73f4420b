/** Benchmarks of the AWS kit: publishing with batching, and consuming, against their floors. */
package com.salestalk.benchmarks.aws;
