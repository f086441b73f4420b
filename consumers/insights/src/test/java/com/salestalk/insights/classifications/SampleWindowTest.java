package com.salestalk.insights.classifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWindowTest {

  @Test
  void keepsANewSampleWhileTheDayHasRoom() {
    assertThat(SampleWindow.trim(List.of("s#10:00", "s#09:00"), "s#11:00", 3))
        .isEqualTo(new SampleWindow.Trim(true, List.of()));
  }

  @Test
  void aNewerSamplePushesTheOldestOut() {
    assertThat(SampleWindow.trim(List.of("s#10:00", "s#09:00", "s#08:00"), "s#11:00", 3))
        .isEqualTo(new SampleWindow.Trim(true, List.of("s#08:00")));
  }

  @Test
  void aSampleOlderThanAFullDaysSamplesIsNotKept() {
    assertThat(SampleWindow.trim(List.of("s#10:00", "s#09:00", "s#08:00"), "s#07:00", 3))
        .isEqualTo(new SampleWindow.Trim(false, List.of()));
  }

  @Test
  void aLateSampleInTheMiddleIsKeptAndPushesTheOldestOut() {
    assertThat(SampleWindow.trim(List.of("s#10:00", "s#08:00", "s#07:00"), "s#09:00", 3))
        .isEqualTo(new SampleWindow.Trim(true, List.of("s#07:00")));
  }

  @Test
  void trimsWhatConcurrentWritesLeftBeyondTheSize() {
    assertThat(SampleWindow.trim(List.of("s#10:00", "s#09:00", "s#08:00", "s#07:00"), "s#11:00", 3))
        .isEqualTo(new SampleWindow.Trim(true, List.of("s#07:00", "s#08:00")));
  }

  @Test
  void aKeyHeldAlreadyIsKeptAndNotDeleted() {
    assertThat(SampleWindow.trim(List.of("s#10:00", "s#09:00"), "s#10:00", 2))
        .isEqualTo(new SampleWindow.Trim(true, List.of()));
  }
}
