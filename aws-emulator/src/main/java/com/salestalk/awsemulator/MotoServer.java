package com.salestalk.awsemulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A moto server process started through the project's launcher ({@code moto_launcher.py}, which
 * caches jsonpath parsing so EventBridge delivery is fast), listening on a loopback port. Output
 * goes to a log file. {@link #close()} stops the process and its children; a JVM shutdown hook does
 * the same if nobody closes it.
 *
 * <p>The Python command is {@code python3} unless system property or environment variable {@value
 * #PYTHON_SETTING} names another. When the server cannot be started, or does not answer within the
 * startup timeout, {@link #start()} throws an {@link EmulatorUnavailableException} that says how to
 * get an endpoint and shows the end of the log.
 */
public final class MotoServer implements AutoCloseable {

  /** System property and environment variable naming the Python command. */
  public static final String PYTHON_SETTING = "SALESTALK_PYTHON";

  /** Python command used when {@value #PYTHON_SETTING} is not set. */
  public static final String DEFAULT_PYTHON = "python3";

  /** Classpath location of the launcher, relative to this class. */
  static final String LAUNCHER_RESOURCE = "moto_launcher.py";

  private static final String HOST = "127.0.0.1";
  private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 20;
  private static final int PORT_ATTEMPTS = 3;

  private static final Map<String, Path> EXTRACTED_LAUNCHERS = new HashMap<>();

  private final Process process;
  private final int port;
  private final Path logFile;
  private final HttpClient http;
  private final Thread shutdownHook;
  private boolean closed;

  private MotoServer(Process process, int port, Path logFile, HttpClient http) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.http = http;
    this.shutdownHook = new Thread(this::stopProcess, "moto-server-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts moto on a free loopback port with the default settings.
   *
   * @return the running server
   * @throws EmulatorUnavailableException if it cannot be started or does not answer in time
   */
  public static MotoServer start() {
    return builder().start();
  }

  /**
   * Settings for starting a server.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Python command from {@value #PYTHON_SETTING} (system property, then environment), else
   * {@value #DEFAULT_PYTHON}.
   *
   * @return the command
   */
  public static String defaultPython() {
    return python(Environment.system());
  }

  static String python(Environment environment) {
    return environment.value(PYTHON_SETTING, PYTHON_SETTING).orElse(DEFAULT_PYTHON);
  }

  /**
   * Where clients reach the server.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return URI.create("http://" + HOST + ":" + port);
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The file that receives the server's output.
   *
   * @return the log file
   */
  public Path logFile() {
    return logFile;
  }

  /**
   * Whether the server process is still alive.
   *
   * @return true while it runs
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Deletes all emulated state ({@code POST /moto-api/reset}).
   *
   * @throws IllegalStateException if the server does not confirm the reset
   */
  public void reset() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "moto reset at %s answered %d: %s"
                .formatted(request.uri(), response.statusCode(), response.body()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moto reset at " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resetting moto", e);
    }
  }

  /** Stops the server process and its children. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
  }

  @Override
  public String toString() {
    return "MotoServer[" + endpoint() + ", log=" + logFile + "]";
  }

  private void stopProcess() {
    stop(process);
  }

  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  /** Builds the guidance message every start failure carries. */
  static String unavailableMessage(String reason, String python, Path log, String logTail) {
    return "No AWS endpoint for the tests: "
        + reason
        + ".\n"
        + "To get one, either\n"
        + "  - install moto server: pip install \"moto[server]\" (for the Python run as '"
        + python
        + "'; set "
        + PYTHON_SETTING
        + " to use another one), or\n"
        + "  - set AWS_ENDPOINT_URL to a running emulator such as LocalStack"
        + " (e.g. http://127.0.0.1:4566) or to AWS; then no moto is started.\n"
        + "moto log "
        + log
        + (logTail.isBlank() ? ": (empty)" : ", last lines:\n" + logTail);
  }

  private static Path launcher() {
    URL resource = MotoServer.class.getResource(LAUNCHER_RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(
          LAUNCHER_RESOURCE + " is missing from the classpath next to " + MotoServer.class);
    }
    return launcher(resource);
  }

  /** The launcher as a file: the resource itself when it is one, else a copy (e.g. from a jar). */
  static synchronized Path launcher(URL resource) {
    if ("file".equals(resource.getProtocol())) {
      try {
        return Path.of(resource.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // fall through and extract a copy
      }
    }
    Path copy = EXTRACTED_LAUNCHERS.get(resource.toExternalForm());
    if (copy == null || !Files.isRegularFile(copy)) {
      try (InputStream in = resource.openStream()) {
        copy = Files.createTempFile("salestalk-moto-launcher-", ".py");
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        EXTRACTED_LAUNCHERS.put(resource.toExternalForm(), copy);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not extract " + resource, e);
      }
    }
    return copy;
  }

  /** Settings for {@link MotoServer#start()}. */
  public static final class Builder {

    private String python;
    private int port;
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
    private Path logFile;

    private Builder() {}

    /**
     * The Python command that has moto installed.
     *
     * @param python command name or path; default {@link MotoServer#defaultPython()}
     * @return this builder
     */
    public Builder python(String python) {
      this.python = Objects.requireNonNull(python, "python");
      return this;
    }

    /**
     * A fixed port.
     *
     * @param port the port, or 0 (default) for a free one
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * How long to wait for the server to answer.
     *
     * @param startupTimeout the bound; default 30 s
     * @return this builder
     */
    public Builder startupTimeout(Duration startupTimeout) {
      if (startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive");
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /**
     * Where the server's output goes.
     *
     * @param logFile the file; default {@code target/moto-<port>-*.log} when {@code target/} exists
     *     in the working directory, else a temporary file
     * @return this builder
     */
    public Builder logFile(Path logFile) {
      this.logFile = Objects.requireNonNull(logFile, "logFile");
      return this;
    }

    /**
     * Starts the server and waits until {@code GET /moto-api/} answers.
     *
     * @return the running server
     * @throws EmulatorUnavailableException if it cannot be started or does not answer in time
     */
    public MotoServer start() {
      String command = python != null ? python : defaultPython();
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .proxy(HttpClient.Builder.NO_PROXY)
              .build();
      Path script = launcher();
      for (int attempt = 1; ; attempt++) {
        int chosenPort = port != 0 ? port : freePort();
        Path log = logFile != null ? logFile : defaultLogFile(chosenPort);
        if (port != 0 && !isFree(port)) {
          // Otherwise the probe could get its answer from whatever already listens there.
          throw unavailable(
              "port " + port + " on " + HOST + " is already in use", command, log, null);
        }
        try {
          return launch(command, script, chosenPort, log, http);
        } catch (PortTaken e) {
          if (port != 0 || attempt == PORT_ATTEMPTS) {
            throw e.failure;
          }
        }
      }
    }

    private MotoServer launch(
        String command, Path script, int chosenPort, Path log, HttpClient http) {
      ProcessBuilder processBuilder =
          new ProcessBuilder(
                  command, script.toString(), "-H", HOST, "-p", Integer.toString(chosenPort))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      processBuilder.environment().put("PYTHONUNBUFFERED", "1");
      processBuilder.environment().put("MOTO_PORT", Integer.toString(chosenPort));
      Process process;
      try {
        process = processBuilder.start();
      } catch (IOException e) {
        throw unavailable("the Python command '" + command + "' could not be run", command, log, e);
      }
      URI probe = URI.create("http://" + HOST + ":" + chosenPort + "/moto-api/");
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      try {
        while (true) {
          if (!process.isAlive()) {
            EmulatorUnavailableException failure =
                unavailable(
                    "moto server exited with code "
                        + process.exitValue()
                        + " before answering GET "
                        + probe,
                    command,
                    log,
                    null);
            if (tail(log).contains("Address already in use")) {
              throw new PortTaken(failure);
            }
            throw failure;
          }
          if (answers(http, probe)) {
            return new MotoServer(process, chosenPort, log, http);
          }
          if (System.nanoTime() - deadline > 0) {
            stop(process);
            throw unavailable(
                "moto server did not answer GET "
                    + probe
                    + " within "
                    + startupTimeout.toSeconds()
                    + " s",
                command,
                log,
                null);
          }
          process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop(process);
        throw unavailable("interrupted while waiting for moto server", command, log, e);
      } catch (RuntimeException e) {
        if (process.isAlive()) {
          stop(process);
        }
        throw e;
      }
    }

    private static boolean answers(HttpClient http, URI probe) throws InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    }

    private static EmulatorUnavailableException unavailable(
        String reason, String command, Path log, Throwable cause) {
      return new EmulatorUnavailableException(
          unavailableMessage(reason, command, log, tail(log)), log, cause);
    }

    private static String tail(Path log) {
      try {
        if (!Files.isRegularFile(log)) {
          return "";
        }
        List<String> lines =
            new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join(
            "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
      } catch (IOException e) {
        return "(could not read the log: " + e.getMessage() + ")";
      }
    }

    private static boolean isFree(int candidate) {
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getByName(HOST))) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("No free loopback port", e);
      }
    }

    private static Path defaultLogFile(int chosenPort) {
      try {
        Path target = Path.of("target");
        Path directory =
            Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createTempFile(directory, "moto-" + chosenPort + "-", ".log");
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create a moto log file", e);
      }
    }
  }

  /** The chosen free port was taken before moto could bind it. */
  private static final class PortTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient EmulatorUnavailableException failure;

    PortTaken(EmulatorUnavailableException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }
}
