package com.salestalk.metricshandler.uploads;

import java.io.OutputStream;

/**
 * An object being written. It becomes visible only with {@link #complete()}; {@link #discard()}
 * removes whatever was written (also after completion). {@code close()} does neither, so wrapping
 * streams can be closed freely.
 */
abstract class ObjectSink extends OutputStream {

  /** Stores the object; returns its version id, or null on a bucket without versioning. */
  abstract String complete();

  /** Removes the object or its unfinished parts; never throws. */
  abstract void discard();

  @Override
  public void close() {}
}
