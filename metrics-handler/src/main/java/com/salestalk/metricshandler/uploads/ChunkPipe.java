package com.salestalk.metricshandler.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes handed from the thread that receives a file to the thread that parses it, a chunk at a time
 * through a bounded queue: the receiver runs at most {@code capacity} chunks ahead, so the memory
 * it holds is bounded whatever the file. Each side learns of the other's failure: the receiver's
 * next {@link #put} throws once the parser {@link #stop}ped, the parser's next read throws once the
 * receiver {@link #fail}ed.
 */
final class ChunkPipe {

  /** A chunk of bytes: {@code length} bytes of {@code bytes}. */
  private record Chunk(byte[] bytes, int length) {}

  private static final Chunk END = new Chunk(new byte[0], -1);

  private final BlockingQueue<Chunk> queue;
  private final BufferPool chunks;
  private volatile boolean stopped;
  private volatile IOException failure;

  /**
   * @param chunks where chunks come from and go back to
   * @param capacity chunks the receiver may be ahead
   */
  ChunkPipe(BufferPool chunks, int capacity) {
    this.chunks = chunks;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** An empty chunk for the receiver to fill. */
  byte[] chunk() {
    return chunks.take();
  }

  /**
   * Hands {@code length} bytes of a chunk (from {@link #chunk()}) to the parser.
   *
   * @return false when the parser stopped reading: the receiver stops too
   */
  boolean put(byte[] chunk, int length) throws InterruptedIOException {
    if (stopped) {
      chunks.give(chunk);
      return false;
    }
    offer(new Chunk(chunk, length));
    return !stopped;
  }

  /** The receiver read the whole file. */
  void end() throws InterruptedIOException {
    offer(END);
  }

  /** The receiver failed: the parser's reads throw {@code cause}. */
  void fail(IOException cause) {
    failure = cause;
    queue.clear();
    queue.offer(END);
  }

  /** The parser will read no more: the receiver's next put returns false. */
  void stop() {
    stopped = true;
    queue.clear();
  }

  private void offer(Chunk chunk) throws InterruptedIOException {
    try {
      while (!stopped && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        // the parser is behind; stop() ends the wait
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the file was received");
    }
  }

  /** The parser's side: the bytes in order, then the end, or the receiver's failure. */
  InputStream input() {
    return new InputStream() {
      private Chunk current;
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        if (current == END) {
          return end();
        }
        while (current == null || position == current.length()) {
          if (current != null) {
            chunks.give(current.bytes());
          }
          current = take();
          position = 0;
          if (current == END) {
            return end();
          }
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, buffer, offset, n);
        position += n;
        return n;
      }

      private int end() throws IOException {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }

      private Chunk take() throws IOException {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while the file was parsed");
        }
      }
    };
  }
}
