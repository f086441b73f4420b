package com.salestalk.benchmarks.system;

import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventaws.consume.EventHandler;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventaws.consume.SqsEventListener;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.EventPayloads;
import com.salestalk.eventcontracts.validation.EventValidator;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events/s through a consumer: the kit's real {@link SqsEventListener} and {@link EventConsumer}
 * (tolerant validation, dedupe in a DynamoDB idempotency table, a handler that only counts) against
 * the emulator.
 *
 * <p>Each round fills a new queue with {@code events} valid sample events of every catalog type,
 * each with its own eventId, in the body shape an EventBridge rule delivers to SQS. They are sent
 * with SendMessageBatch (10 per call) rather than PutEvents through a rule: the fill is not
 * measured, and this way every message is in the queue, exactly once, before the clock starts. The
 * time runs from the listener's start to the last event handled; the CPU time this JVM and the
 * emulator spent meanwhile is reported per event. After the rounds, the tolerant validation of the
 * same events is timed in-process, to show its share of the time per event.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * com.salestalk.benchmarks.system.ConsumerThroughput [events=400] [rounds=3]} (or {@code
 * -Devents=... -Drounds=...}); {@code AWS_ENDPOINT_URL} points it at a running emulator instead of
 * starting moto.
 */
public final class ConsumerThroughput {

  private static final String RATE = "consumer events/s";
  private static final Duration MAX_ROUND = Duration.ofMinutes(5);

  private ConsumerThroughput() {}

  /** Runs the rounds and prints the result block. */
  public static void main(String[] args) {
    Rounds rounds = Rounds.from(args, 400, 3);
    try (EmulatedAws aws = EmulatedAws.start();
        DynamoDbClient dynamo = aws.dynamo();
        SqsClient sqs = aws.sqs();
        SqsAsyncClient sqsAsync = aws.sqsAsync()) {
      String table = EmulatedAws.createIdempotencyTable(dynamo);
      Counter counter = new Counter();
      EventHandlers.Builder handlers = EventHandlers.builder();
      EventPayloads.all().keySet().forEach(type -> handlers.on(type, counter));
      EventHandlers built = handlers.build();
      // the defaults, but short polls so that stopping an idle listener takes no 10 s
      SqsMessageListenerContainerFactory<Object> listening =
          SqsMessageListenerContainerFactory.builder()
              .sqsAsyncClient(sqsAsync)
              .configure(
                  options ->
                      options
                          .maxConcurrentMessages(10)
                          .maxMessagesPerPoll(10)
                          .pollTimeout(Duration.ofSeconds(1))
                          .listenerShutdownTimeout(Duration.ofSeconds(20)))
              .build();
      System.out.printf(
          "ConsumerThroughput: %d events x %d rounds after a warm-up, %s%n",
          rounds.events(), rounds.rounds(), aws.describe());

      Map<String, List<Double>> results =
          rounds.run(
              round -> {
                List<String> bodies = bodies(rounds);
                String queue = EmulatedAws.createQueueWithDlq(sqs);
                fill(sqs, queue, bodies);
                ConsumerProperties properties =
                    new ConsumerProperties(
                        "bench",
                        queue,
                        table,
                        Duration.ofSeconds(30),
                        Duration.ofDays(7),
                        Duration.ofMinutes(1));
                EventConsumer consumer =
                    new EventConsumer(
                        properties, built, dynamo, new SimpleMeterRegistry(), Clock.systemUTC());
                Rounds.CpuTime cpu = Rounds.CpuTime.now();
                long nanos =
                    consume(listening, sqsAsync, properties, consumer, counter, bodies.size());
                Map<String, Double> measured = new LinkedHashMap<>();
                measured.put(RATE, Rounds.perSecond(bodies.size(), nanos));
                Rounds.CpuTime.now().putSince(cpu, bodies.size(), measured);
                return measured;
              });

      EventValidator validator = EventValidator.tolerant();
      List<JsonNode> details =
          bodies(rounds).stream()
              .map(b -> EnvelopeJson.mapper().readTree(b).get("detail"))
              .toList();
      double validateMicros = Rounds.microsPerItem(details, validator::validateTree);
      double medianRate = Rounds.median(results.get(RATE));
      System.out.println();
      System.out.println("== RESULT ConsumerThroughput ==");
      results.forEach((name, values) -> System.out.println(Rounds.summary(name, values)));
      System.out.printf(
          "tolerant validateTree in-process: %.1f us/event = %.2f %% of the %.0f us per event"
              + " at the median rate%n",
          validateMicros, validateMicros * medianRate / 1e4, 1e6 / medianRate);
    }
  }

  /** The round's events as an EventBridge rule delivers them to SQS. */
  private static List<String> bodies(Rounds rounds) {
    List<String> bodies = new ArrayList<>(rounds.events());
    for (EventEnvelope event : rounds.sampleEvents()) {
      ObjectNode body = EnvelopeJson.mapper().createObjectNode();
      body.put("version", "0")
          .put("id", UUID.randomUUID().toString())
          .put("detail-type", event.eventType().toString())
          .put("source", EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + event.source())
          .put("account", "123456789012")
          .put("time", event.timestamp().toString())
          .put("region", "us-east-1")
          .putArray("resources");
      body.set("detail", EnvelopeJson.mapper().valueToTree(event));
      bodies.add(EnvelopeJson.mapper().writeValueAsString(body));
    }
    return bodies;
  }

  private static void fill(SqsClient sqs, String queue, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
      for (int i = from; i < Math.min(from + 10, bodies.size()); i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
      }
      SendMessageBatchResponse response =
          sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
      if (!response.failed().isEmpty()) {
        throw new IllegalStateException("SendMessageBatch failed: " + response.failed());
      }
    }
  }

  /** Nanoseconds from the listener's start until {@code count} events were handled. */
  private static long consume(
      SqsMessageListenerContainerFactory<Object> containers,
      SqsAsyncClient sqs,
      ConsumerProperties properties,
      EventConsumer consumer,
      Counter counter,
      int count) {
    CountDownLatch done = counter.expect(count);
    SqsEventListener listener =
        new SqsEventListener(containers, sqs, consumer, properties, new SimpleMeterRegistry());
    long start = System.nanoTime();
    listener.start();
    try {
      if (!done.await(MAX_ROUND.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "only "
                + (count - done.getCount())
                + " of "
                + count
                + " events handled in "
                + MAX_ROUND);
      }
      return System.nanoTime() - start;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      listener.stop();
    }
  }

  /** The handler: counts the events of the current round. */
  private static final class Counter implements EventHandler<EventPayload> {
    private volatile CountDownLatch latch = new CountDownLatch(0);

    CountDownLatch expect(int count) {
      latch = new CountDownLatch(count);
      return latch;
    }

    @Override
    public void handle(EventEnvelope event, EventPayload payload) {
      latch.countDown();
    }
  }
}
