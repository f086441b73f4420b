package com.salestalk.eventaws.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class EntrySizeTest {

  @Test
  void countsUtf8BytesOfSourceDetailTypeDetailAndResourcesPlus14ForTime() {
    PutEventsRequestEntry entry =
        PutEventsRequestEntry.builder()
            .source("salestalk.chat-handler") // 22
            .detailType("a.b.v1") // 6
            .detail("{\"t\":\"é€\"}") // 10 chars, é = 2 bytes, € = 3 bytes -> 13
            .resources("arn:x") // 5
            .eventBusName("salestalk") // not counted
            .time(Instant.EPOCH) // 14
            .build();

    assertThat(EntrySize.of(entry)).isEqualTo(22 + 6 + 13 + 5 + 14);
  }

  @Test
  void billsEachStarted64KbChunk() {
    assertThat(EntrySize.billableChunks(1)).isEqualTo(1);
    assertThat(EntrySize.billableChunks(64 * 1024)).isEqualTo(1);
    assertThat(EntrySize.billableChunks(64 * 1024 + 1)).isEqualTo(2);
    assertThat(EntrySize.billableChunks(256 * 1024)).isEqualTo(4);
  }
}
