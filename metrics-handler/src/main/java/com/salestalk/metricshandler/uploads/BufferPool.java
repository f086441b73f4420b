package com.salestalk.metricshandler.uploads;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Buffers of one size kept for the next upload (S3 part buffers, received chunks): allocated anew
 * for each one, a million-row upload's four 8 MB part buffers are copied by every young collection
 * while they last and then fill the old generation with garbage, until a full collection.
 */
final class BufferPool {

  private final int size;
  private final BlockingQueue<byte[]> kept;

  /**
   * @param size the size of every buffer
   * @param keep how many returned buffers are kept at most (more are left to the collector)
   */
  BufferPool(int size, int keep) {
    this.size = size;
    this.kept = new ArrayBlockingQueue<>(keep);
  }

  /** A kept buffer, or a new one. */
  byte[] take() {
    byte[] buffer = kept.poll();
    return buffer == null ? new byte[size] : buffer;
  }

  /** Returns a buffer nothing reads or writes any more. */
  void give(byte[] buffer) {
    kept.offer(buffer);
  }
}
