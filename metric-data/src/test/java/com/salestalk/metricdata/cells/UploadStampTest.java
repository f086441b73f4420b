package com.salestalk.metricdata.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UploadStampTest {

  @Test
  void theUploadTimeIsReadFromTheId() {
    UploadStamp stamp = UploadStamp.of("upl-01a22c0dd777-8nd9q4ntwk");

    assertThat(stamp.uploadedAt()).isEqualTo(Instant.ofEpochMilli(0x01a22c0dd777L));
  }

  @Test
  void aLaterUploadIsNewerAndTheSameMillisecondIsDecidedByTheRandomPart() {
    UploadStamp earlier = UploadStamp.of("upl-01a22c0dd777-zzzzzzzzzz");
    UploadStamp later = UploadStamp.of("upl-01a22c0dd778-aaaaaaaaaa");
    UploadStamp sameMillisecond = UploadStamp.of("upl-01a22c0dd778-aaaaaaaaab");

    assertThat(later.isNewerThan(earlier)).isTrue();
    assertThat(earlier.isNewerThan(later)).isFalse();
    assertThat(sameMillisecond.isNewerThan(later)).isTrue();
    assertThat(later.isNewerThan(later)).isFalse();
  }

  @Test
  void anIdWithoutItsTimeIsRefused() {
    for (String id :
        new String[] {"upl-1-abc", "upload-01a22c0dd777-x", "upl-01A22C0DD777-x", ""}) {
      assertThatThrownBy(() -> UploadStamp.of(id))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("upload id '" + id + "' is not upl-{12 hex digits of epoch ms}-{random}");
    }
    assertThatThrownBy(() -> new UploadStamp("upl-01a22c0dd777-x", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
