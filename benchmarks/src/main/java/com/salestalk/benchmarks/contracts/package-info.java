/** Benchmarks of building, validating and serializing event envelopes. */
package com.salestalk.benchmarks.contracts;
