package com.salestalk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's exec jar running as a child process, started as {@code ./salestalk up} starts it
 * (profile {@code local}, the JVM options of {@link #LOCAL_JVM_OPTIONS} unless others are given)
 * with the properties of a stack ({@link TestStack#applicationProperties()}), on a free port. Its
 * output goes to a log file and its garbage collections to a GC log, from which {@link #heap()}
 * reads how much heap it used. For what only a separate JVM shows: its own heap limit, its own CPU
 * time.
 */
public final class ServiceProcess implements AutoCloseable {

  /** The JVM options {@code ./salestalk up} gives every service (SALESTALK_JAVA_OPTS). */
  public static final List<String> LOCAL_JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int PORT_ATTEMPTS = 3;
  private static final Pattern GC_LINE =
      Pattern.compile("Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private final Process process;
  private final int port;
  private final Path log;
  private final Path gcLog;

  private ServiceProcess(Process process, int port, Path log, Path gcLog) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.gcLog = gcLog;
  }

  /**
   * The newest {@code <artifactId>-*-exec.jar} in a module's {@code target} directory.
   *
   * @throws IllegalStateException when there is none (the module was not packaged)
   */
  public static Path execJar(Path targetDirectory, String artifactId) {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(targetDirectory, artifactId + "-*-exec.jar")) {
      found.forEach(jars::add);
    } catch (IOException e) {
      // no such directory: reported below
    }
    return jars.stream()
        .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no "
                        + artifactId
                        + "-*-exec.jar in "
                        + targetDirectory.toAbsolutePath()
                        + "; package the module first"));
  }

  /**
   * Starts the jar and waits until {@code /actuator/health} answers {@code UP}.
   *
   * @param execJar the service's exec jar
   * @param jvmOptions JVM options, e.g. {@link #LOCAL_JVM_OPTIONS}
   * @param properties application properties, given as {@code --name=value} arguments
   * @param startTimeout how long it may take to become healthy
   * @throws IllegalStateException when it exits or is not healthy in time (the log's end says why)
   */
  public static ServiceProcess start(
      Path execJar,
      List<String> jvmOptions,
      Map<String, String> properties,
      Duration startTimeout) {
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try {
        return startOnce(execJar, jvmOptions, properties, startTimeout);
      } catch (PortTaken e) {
        failure = e;
      }
    }
    throw failure;
  }

  private static ServiceProcess startOnce(
      Path execJar,
      List<String> jvmOptions,
      Map<String, String> properties,
      Duration startTimeout) {
    int port = freePort();
    Path directory;
    try {
      directory = Files.createTempDirectory("salestalk-service-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path log = directory.resolve("service.log");
    Path gcLog = directory.resolve("gc.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-jar");
    command.add(execJar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.add("--spring.profiles.active=local");
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + execJar, e);
    }
    ServiceProcess service = new ServiceProcess(process, port, log, gcLog);
    try {
      service.awaitHealthy(startTimeout);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = logTail();
        if (tail.contains("Port " + port + " was already in use")) {
          throw new PortTaken(tail);
        }
        throw new IllegalStateException(
            "the service exited (" + process.exitValue() + ") before it was healthy:\n" + tail);
      }
      try {
        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the service started", e);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the service started", e);
      }
    }
    throw new IllegalStateException(
        "the service was not healthy after " + timeout + ":\n" + logTail());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on (loopback). */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The process, e.g. for its CPU time. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** The file receiving its output. */
  public Path log() {
    return log;
  }

  /** The last 40 lines of its output. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * What its collections so far say about its heap (in MB).
   *
   * @param collections collections logged
   * @param fullCollections full collections among them
   * @param peakUsed the most the heap held, measured before a collection
   * @param maxLive the most it still held after a full collection (what was live then); 0 when
   *     there was none
   * @param committed the heap size at the last collection (at most the {@code -Xmx} limit)
   */
  public record Heap(
      int collections, int fullCollections, long peakUsed, long maxLive, long committed) {}

  /** Its heap use so far, from its GC log. */
  public Heap heap() {
    List<String> lines;
    try {
      lines = Files.readAllLines(gcLog, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int collections = 0;
    int full = 0;
    long peak = 0;
    long live = 0;
    long committed = 0;
    for (String line : lines) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        collections++;
        peak = Math.max(peak, megabytes(m.group(1), m.group(2)));
        if (line.contains("Pause Full")) {
          full++;
          live = Math.max(live, megabytes(m.group(3), m.group(4)));
        }
        committed = megabytes(m.group(5), m.group(6));
      }
    }
    return new Heap(collections, full, peak, live, committed);
  }

  private static long megabytes(String amount, String unit) {
    long value = Long.parseLong(amount);
    return switch (unit) {
      case "K" -> value / 1024;
      case "G" -> value * 1024;
      default -> value;
    };
  }

  /** Stops the process (SIGTERM, then SIGKILL after 20 s) and deletes its log files. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(log);
      Files.deleteIfExists(gcLog);
      Files.deleteIfExists(log.getParent());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  /** The port chosen was taken before the service bound it: another attempt picks another. */
  private static final class PortTaken extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTaken(String logTail) {
      super("the port was taken:\n" + logTail);
    }
  }
}
