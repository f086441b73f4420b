package com.salestalk.servicekit.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.servicekit.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestFlowResolverTest {

  @Test
  void acceptsAUuidCorrelationIdInAnyCase() {
    UUID id = UUID.randomUUID();
    assertThat(RequestFlowResolver.correlation(id.toString().toUpperCase())).isEqualTo(id);
    assertThat(RequestFlowResolver.correlation(" " + id + " ")).isEqualTo(id);
  }

  @Test
  void createsACorrelationIdWhenNoneIsGiven() {
    assertThat(RequestFlowResolver.correlation(null)).isNotNull();
    assertThat(RequestFlowResolver.correlation("")).isNotNull();
  }

  @Test
  void refusesWhatIsNotAUuid() {
    for (String bad : new String[] {"abc", "1-2-3-4-5", UUID.randomUUID() + "x"}) {
      assertThatThrownBy(() -> RequestFlowResolver.correlation(bad))
          .as(bad)
          .isInstanceOf(ProblemException.class)
          .hasMessage(
              "400 https://salestalk.dev/problems/invalid-parameter: Invalid X-Correlation-Id:"
                  + " must be a UUID");
    }
  }

  @Test
  void traceIdFromTraceparentThenAmazonTraceHeader() {
    MockHttpServletRequest both = new MockHttpServletRequest();
    both.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    both.addHeader("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    assertThat(RequestFlowResolver.trace(both)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

    MockHttpServletRequest amazon = new MockHttpServletRequest();
    amazon.addHeader("X-Amzn-Trace-Id", "Self=1-abc;Root=1-5759e988-bd862e3fe1be46a994272793");
    assertThat(RequestFlowResolver.trace(amazon)).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");

    MockHttpServletRequest malformed = new MockHttpServletRequest();
    malformed.addHeader("traceparent", "garbage");
    assertThat(RequestFlowResolver.trace(malformed)).isNull();
  }
}
