package com.salestalk.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The target for a benchmark method: at most {@link #maxRatio()} times the time of its class's
 * {@code floor} benchmark and, when set, at least {@link #minOpsPerSecond()} operations per second
 * per thread (one thread per core). {@link RatioReport} prints the measurements beside it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Goal {
  /** Largest acceptable ratio to the floor. */
  double maxRatio();

  /** Fewest acceptable operations per second per thread; 0 for no such goal. */
  double minOpsPerSecond() default 0;
}
