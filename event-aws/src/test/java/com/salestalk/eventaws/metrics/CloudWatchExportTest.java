package com.salestalk.eventaws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.junit.jupiter.api.Test;

class CloudWatchExportTest {

  @Test
  void exportsOnlyTheSalesTalkMetrics() {
    var filter = CloudWatchExport.onlySalesTalkMetrics();

    assertThat(filter.accept(id(SalesTalkMetrics.PROCESSED.name())))
        .isEqualTo(MeterFilterReply.NEUTRAL);
    assertThat(filter.accept(id(SalesTalkMetrics.PROCESSING_LATENCY.name())))
        .isEqualTo(MeterFilterReply.NEUTRAL);
    assertThat(filter.accept(id("salestalk.consume.latency.percentile")))
        .isEqualTo(MeterFilterReply.NEUTRAL);
    assertThat(filter.accept(id("jvm.memory.used"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("salestalk.consume.processed.percentile")))
        .isEqualTo(MeterFilterReply.NEUTRAL);
    assertThat(filter.accept(id("http.server.requests"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("salestalk.something.else"))).isEqualTo(MeterFilterReply.DENY);
  }

  private static Meter.Id id(String name) {
    return new Meter.Id(name, Tags.empty(), null, null, Meter.Type.COUNTER);
  }
}
