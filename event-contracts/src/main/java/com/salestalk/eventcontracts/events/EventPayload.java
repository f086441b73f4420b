package com.salestalk.eventcontracts.events;

/**
 * The {@code data} of one catalog event type, as a record tied to its type by {@link
 * EventContract}. Build events from it with {@code EnvelopeFactory.create(tenant, payload, flow)};
 * read it back with {@code EventEnvelope.payload(Type.class)}.
 */
public sealed interface EventPayload
    permits ClassificationPerformed,
        NarrativeGenerated,
        ConversationCompleted,
        MetricsIngested,
        TenantProvisioned {}
