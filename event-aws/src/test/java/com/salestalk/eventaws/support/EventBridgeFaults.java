package com.salestalk.eventaws.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults for a real EventBridge client talking to the emulator, added with {@code
 * overrideConfiguration(c -> c.addExecutionInterceptor(faults))}:
 *
 * <ul>
 *   <li>{@link #fail(String, String...)}: the next sends of an event fail with the given entry
 *       error codes. The entry is redirected to a bus without rules (so the emulator really does
 *       not deliver it) and its result is replaced by the error, exactly as EventBridge reports a
 *       partially failed PutEvents.
 *   <li>{@link #unreachable(boolean)}: every HTTP request goes to a closed loopback port, so the
 *       client gets real connection errors until it is reachable again.
 *   <li>{@link #hanging(boolean)}: every HTTP request goes to a loopback port that accepts the
 *       connection and never answers, so only the client's timeouts end the call.
 *   <li>Records the eventIds of every PutEvents call and counts HTTP requests.
 * </ul>
 */
public final class EventBridgeFaults implements ExecutionInterceptor, AutoCloseable {

  private static final ExecutionAttribute<Map<Integer, String>> INJECTED =
      new ExecutionAttribute<>("salestalk.injectedFaults");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String blackholeBus;
  private final int closedPort;
  private final Map<String, Deque<String>> planned = new ConcurrentHashMap<>();
  private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger httpRequests = new AtomicInteger();
  private volatile boolean unreachable;
  private volatile SilentServer silent;

  /**
   * @param blackholeBus an existing bus without rules, where failed entries are sent
   */
  public EventBridgeFaults(String blackholeBus) {
    this.blackholeBus = blackholeBus;
    this.closedPort = closedPort();
  }

  /** The next {@code codes.length} sends of {@code eventId} fail, one code each. */
  public EventBridgeFaults fail(String eventId, String... codes) {
    planned.computeIfAbsent(eventId, k -> new ArrayDeque<>()).addAll(List.of(codes));
    return this;
  }

  /** Makes EventBridge unreachable (connection refused) or reachable again. */
  public void unreachable(boolean down) {
    this.unreachable = down;
  }

  /** Makes EventBridge accept connections and never answer, or answer again. */
  public void hanging(boolean hang) {
    if (hang && silent == null) {
      silent = new SilentServer();
    }
    if (!hang && silent != null) {
      silent.close();
      silent = null;
    }
  }

  /** Stops the silent server of {@link #hanging}, if one runs. */
  @Override
  public void close() {
    hanging(false);
  }

  /** The eventIds of each PutEvents call, in order (one list per call, retries excluded). */
  public List<List<String>> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** HTTP requests sent (or attempted) for PutEvents, SDK retries included. */
  public int httpRequests() {
    return httpRequests.get();
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof PutEventsRequest request)) {
      return context.request();
    }
    List<String> ids = new ArrayList<>();
    Map<Integer, String> injected = new HashMap<>();
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < request.entries().size(); i++) {
      PutEventsRequestEntry entry = request.entries().get(i);
      String id = JSON.readTree(entry.detail()).path("eventId").asString("");
      ids.add(id);
      Deque<String> codes = planned.get(id);
      String code = codes == null ? null : codes.poll();
      if (code != null) {
        injected.put(i, code);
        entries.add(entry.toBuilder().eventBusName(blackholeBus).build());
      } else {
        entries.add(entry);
      }
    }
    calls.add(List.copyOf(ids));
    attributes.putAttribute(INJECTED, injected);
    return request.toBuilder().entries(entries).build();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (context.request() instanceof PutEventsRequest) {
      httpRequests.incrementAndGet();
    }
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    SilentServer hang = silent;
    if (hang != null) {
      return context.httpRequest().toBuilder().host("127.0.0.1").port(hang.port()).build();
    }
    if (!unreachable) {
      return context.httpRequest();
    }
    return context.httpRequest().toBuilder().host("127.0.0.1").port(closedPort).build();
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    Map<Integer, String> injected = attributes.getAttribute(INJECTED);
    if (!(context.response() instanceof PutEventsResponse response)
        || injected == null
        || injected.isEmpty()) {
      return context.response();
    }
    List<PutEventsResultEntry> results = new ArrayList<>(response.entries());
    injected.forEach(
        (index, code) ->
            results.set(
                index,
                PutEventsResultEntry.builder()
                    .errorCode(code)
                    .errorMessage("injected " + code)
                    .build()));
    int failed = (int) results.stream().filter(r -> r.errorCode() != null).count();
    return response.toBuilder().entries(results).failedEntryCount(failed).build();
  }

  /** A loopback server that accepts connections, reads nothing and answers nothing. */
  private static final class SilentServer {
    private final ServerSocket socket;
    private final List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());

    SilentServer() {
      try {
        socket = new ServerSocket(0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    accepted.add(socket.accept());
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              },
              "silent-eventbridge");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    void close() {
      try {
        socket.close();
        synchronized (accepted) {
          for (Socket s : accepted) {
            s.close();
          }
        }
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
