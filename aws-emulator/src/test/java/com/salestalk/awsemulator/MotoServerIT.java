package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Starts its own servers (not the shared one) to check start, reset, stop and start failures. */
class MotoServerIT {

  @TempDir Path temp;

  @Test
  void startsThroughTheLauncherWithTheJsonpathCacheActive() throws IOException {
    try (MotoServer moto = MotoServer.start()) {
      assertThat(moto.isRunning()).isTrue();
      assertThat(moto.endpoint().toString()).isEqualTo("http://127.0.0.1:" + moto.port());
      assertThat(Files.readAllLines(moto.logFile()))
          .contains("moto_launcher: jsonpath cache active for EventBridge input templates");
    }
  }

  @Test
  void resetDeletesAllStateAndCloseStopsTheServer() {
    MotoServer moto = MotoServer.builder().logFile(temp.resolve("moto.log")).start();
    AwsEndpoint endpoint = AwsEndpoint.forEmulator(moto.endpoint());
    try (SqsClient sqs = endpoint.configure(SqsClient.builder()).build()) {
      sqs.createQueue(b -> b.queueName("before-reset"));
      assertThat(sqs.listQueues().queueUrls()).hasSize(1);

      moto.reset();

      assertThat(sqs.listQueues().queueUrls()).isEmpty();
    } finally {
      moto.close();
    }

    assertThat(moto.isRunning()).isFalse();
    assertThatThrownBy(() -> connect(moto.port())).isInstanceOf(ConnectException.class);
    moto.close();
  }

  @Test
  void failsWithGuidanceWhenPythonIsMissing() {
    EmulatorUnavailableException failure =
        catchThrowableOfType(
            EmulatorUnavailableException.class,
            () ->
                MotoServer.builder()
                    .python("/nonexistent/python3")
                    .logFile(temp.resolve("missing-python.log"))
                    .start());

    assertThat(failure)
        .hasMessage(
            """
            No AWS endpoint for the tests: the Python command '/nonexistent/python3' could not be run.
            To get one, either
              - install moto server: pip install "moto[server]" (for the Python run as \
            '/nonexistent/python3'; set SALESTALK_PYTHON to use another one), or
              - set AWS_ENDPOINT_URL to a running emulator such as LocalStack \
            (e.g. http://127.0.0.1:4566) or to AWS; then no moto is started.
            moto log %s: (empty)"""
                .formatted(temp.resolve("missing-python.log")));
    assertThat(failure.getCause()).isInstanceOf(IOException.class);
  }

  @Test
  void failsWithGuidanceAndTheLogTailWhenPythonHasNoMoto() throws IOException {
    // A real Python without site-packages: neither moto nor jsonpath_ng can be imported.
    Path python = script("python-without-moto", "exec python3 -S \"$@\"");
    int port = freePort();
    Path log = temp.resolve("no-moto.log");

    assertThatThrownBy(
            () -> MotoServer.builder().python(python.toString()).port(port).logFile(log).start())
        .isInstanceOf(EmulatorUnavailableException.class)
        .hasMessageStartingWith(
            """
            No AWS endpoint for the tests: moto server exited with code 1 before answering \
            GET http://127.0.0.1:%d/moto-api/.
            To get one, either
              - install moto server: pip install "moto[server]" (for the Python run as '%s'; \
            set SALESTALK_PYTHON to use another one), or
              - set AWS_ENDPOINT_URL to a running emulator such as LocalStack \
            (e.g. http://127.0.0.1:4566) or to AWS; then no moto is started.
            moto log %s, last lines:
            """
                .formatted(port, python, log))
        .hasMessageContaining("moto_launcher: WARNING jsonpath_ng missing")
        .hasMessageEndingWith("ModuleNotFoundError: No module named 'moto'");
  }

  @Test
  void failsWithGuidanceAndStopsTheProcessWhenMotoDoesNotAnswerInTime() throws IOException {
    Path python = script("silent-python", "exec sleep 60");
    int port = freePort();
    Path log = temp.resolve("silent.log");

    assertThatThrownBy(
            () ->
                MotoServer.builder()
                    .python(python.toString())
                    .port(port)
                    .logFile(log)
                    .startupTimeout(Duration.ofSeconds(1))
                    .start())
        .isInstanceOf(EmulatorUnavailableException.class)
        .hasMessage(
            """
            No AWS endpoint for the tests: moto server did not answer \
            GET http://127.0.0.1:%d/moto-api/ within 1 s.
            To get one, either
              - install moto server: pip install "moto[server]" (for the Python run as '%s'; \
            set SALESTALK_PYTHON to use another one), or
              - set AWS_ENDPOINT_URL to a running emulator such as LocalStack \
            (e.g. http://127.0.0.1:4566) or to AWS; then no moto is started.
            moto log %s: (empty)"""
                .formatted(port, python, log));
    assertThat(ProcessHandle.current().descendants())
        .noneMatch(
            process ->
                process.info().commandLine().map(line -> line.contains("sleep 60")).orElse(false));
  }

  @Test
  void refusesAFixedPortThatIsAlreadyInUse() throws IOException {
    Path log = temp.resolve("busy.log");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();

      assertThatThrownBy(() -> MotoServer.builder().port(port).logFile(log).start())
          .isInstanceOf(EmulatorUnavailableException.class)
          .hasMessageStartingWith(
              "No AWS endpoint for the tests: port %d on 127.0.0.1 is already in use.\n"
                  .formatted(port));
    }
  }

  private Path script(String name, String body) throws IOException {
    Path script = temp.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }
}
