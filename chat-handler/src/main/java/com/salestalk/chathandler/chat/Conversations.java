package com.salestalk.chathandler.chat;

import com.salestalk.chathandler.answering.Answer;
import com.salestalk.chathandler.answering.Answerer;
import com.salestalk.chathandler.answering.CellReader;
import com.salestalk.chathandler.understanding.QueryPlan;
import com.salestalk.chathandler.understanding.QuestionUnderstanding;
import com.salestalk.chathandler.understanding.TenantVocabulary;
import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.MessageId;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.eventcontracts.events.NarrativeId;
import com.salestalk.metricdata.cells.MetricCoverage;
import com.salestalk.metricdata.cells.TenantCoverage;
import com.salestalk.servicekit.problem.FieldViolation;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import com.salestalk.servicekit.problem.RequestValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A message in a session: understood against the tenant's own metric names, answered from its
 * cells, appended to the session's transcript, and announced by {@code classification.performed.v1}
 * then {@code narrative.generated.v1} (caused by the classification) — the transcript and both
 * events in one DynamoDB transaction through the outbox.
 */
class Conversations {

  static final String SERVICE = "chat-handler";
  static final Component CLASSIFIER = new Component("rules-and-lexicon", "1");
  static final Component GENERATOR = new Component("templates", "1");
  static final Pattern SESSION_ID = Pattern.compile("session-[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  static final Pattern USER_ID = Pattern.compile("user-[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final QuestionUnderstanding understanding;
  private final Answerer answerer;
  private final CellReader cells;
  private final TenantProfiles profiles;
  private final SessionStore sessions;
  private final Outbox outbox;
  private final EnvelopeFactory events;
  private final ChatProperties properties;
  private final Clock clock;

  Conversations(
      QuestionUnderstanding understanding,
      CellReader cells,
      TenantProfiles profiles,
      SessionStore sessions,
      Outbox outbox,
      EnvelopeFactory events,
      ChatProperties properties,
      Clock clock) {
    this.understanding = understanding;
    this.answerer = new Answerer(cells);
    this.cells = cells;
    this.profiles = profiles;
    this.sessions = sessions;
    this.outbox = outbox;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  MessageReply post(TenantId tenant, Flow flow, String userId, MessageRequest request) {
    String message = validMessage(request.message());
    if (userId != null && !USER_ID.matcher(userId).matches()) {
      throw ProblemException.invalidParameter(
          "X-User-Id", "must be user- followed by 1 to 64 letters, digits, _ or -");
    }
    SessionStore.Session session = null;
    String sessionId = request.sessionId();
    if (sessionId != null) {
      session = existing(tenant, sessionId);
    } else {
      sessionId = newSessionId();
    }

    TenantProfiles.TenantProfile profile = profiles.of(tenant);
    Optional<TenantCoverage> coverage = cells.coverage(tenant.value());
    long started = System.nanoTime();
    QueryPlan plan = understanding.understand(message, vocabulary(coverage, profile));
    long classified = System.nanoTime();
    Answer answer = answerer.answer(tenant.value(), profile.currency(), plan, coverage);
    long answered = System.nanoTime();

    String messageId = "msg-" + random(20);
    Flow sessionFlow = flow.withSession(sessionId);
    if (userId != null) {
      sessionFlow = sessionFlow.withUser(userId);
    }
    EventEnvelope classification =
        events.create(
            tenant,
            new ClassificationPerformed(
                new MessageId(messageId),
                message,
                plan.intent(),
                plan.confidence(),
                entities(plan),
                CLASSIFIER,
                millis(started, classified)),
            sessionFlow);
    EventEnvelope narrative =
        events.create(
            tenant,
            new NarrativeGenerated(
                new NarrativeId("nar-" + random(20)),
                new MessageId(messageId),
                plan.intent(),
                answer.narrative(),
                answer.metricsUsed().stream()
                    .map(f -> new NarrativeGenerated.MetricUsed(f.metric(), f.period(), f.value()))
                    .toList(),
                answer.dataAsOf() == null ? null : answer.dataAsOf().toString(),
                answer.grounded(),
                GENERATOR,
                millis(classified, answered)),
            Flow.causedBy(classification));

    SessionStore.Exchange exchange =
        new SessionStore.Exchange(
            messageId,
            message,
            plan.intent().wire(),
            plan.confidence(),
            answer.narrative(),
            answer.metricsUsed(),
            answer.grounded(),
            flow.correlationId().toString(),
            clock.instant());
    try {
      outbox.write(
          List.of(
              session == null
                  ? sessions.start(tenant, sessionId, exchange)
                  : sessions.append(tenant, session, exchange)),
          List.of(classification, narrative));
    } catch (TransactionCanceledException e) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          ProblemTypes.CONFLICT,
          "The session changed while this message was answered (another message, or it was"
              + " completed); send the message again");
    }
    return new MessageReply(
        sessionId,
        messageId,
        plan.intent(),
        plan.confidence(),
        plan.entities(),
        answer.narrative(),
        answer.metricsUsed(),
        answer.grounded(),
        flow.correlationId());
  }

  private String validMessage(String message) {
    if (message == null || message.isBlank()) {
      throw new RequestValidationException(
          List.of(new FieldViolation("message", "must not be empty or only whitespace")));
    }
    if (message.length() > properties.maxMessageLength()) {
      throw new RequestValidationException(
          List.of(
              new FieldViolation(
                  "message",
                  "must be at most "
                      + properties.maxMessageLength()
                      + " characters, not "
                      + message.length())));
    }
    return message;
  }

  /** The tenant's active session; 404 for an unknown id or another tenant's. */
  private SessionStore.Session existing(TenantId tenant, String sessionId) {
    SessionStore.Session session =
        SESSION_ID.matcher(sessionId).matches()
            ? sessions.find(tenant, sessionId).orElse(null)
            : null;
    if (session == null) {
      throw ProblemException.notFound("No session with id " + quoted(sessionId));
    }
    if (!SessionStore.ACTIVE.equals(session.status())) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          ProblemTypes.CONFLICT,
          "Session " + sessionId + " is " + session.status() + "; start a new one");
    }
    if (session.messageCount() >= properties.maxMessagesPerSession()) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          ProblemTypes.CONFLICT,
          "Session "
              + sessionId
              + " holds its "
              + properties.maxMessagesPerSession()
              + " messages; start a new one");
    }
    return session;
  }

  private static TenantVocabulary vocabulary(
      Optional<TenantCoverage> coverage, TenantProfiles.TenantProfile profile) {
    List<MetricCoverage> metrics = coverage.map(TenantCoverage::metrics).orElse(List.of());
    Set<String> dimensions = new TreeSet<>();
    metrics.forEach(m -> dimensions.addAll(m.dimensions()));
    return new TenantVocabulary(
        metrics.stream().map(MetricCoverage::metric).collect(Collectors.toSet()),
        dimensions,
        profile.timezone());
  }

  private static ClassificationPerformed.Entities entities(QueryPlan plan) {
    ClassificationPerformed.Period period =
        plan.periods().isEmpty()
            ? null
            : new ClassificationPerformed.Period(
                plan.periods().get(0).start(),
                plan.periods().get(0).end(),
                plan.periods().get(0).label());
    if (plan.metrics().isEmpty() && period == null) {
      return null;
    }
    return new ClassificationPerformed.Entities(
        plan.metrics().isEmpty() ? null : plan.metrics(), period, null);
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static String quoted(String value) {
    return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
  }

  /**
   * {@code session-} + 9 base-36 digits of the creation millisecond + 11 random characters: ids of
   * one tenant sort by creation time, so the newest sessions are a descending key query.
   */
  private String newSessionId() {
    String millis = Long.toString(clock.millis(), 36);
    return "session-" + "0".repeat(Math.max(0, 9 - millis.length())) + millis + random(11);
  }

  static String random(int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
