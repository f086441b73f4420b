package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs test classes with the Jupiter engine to see which contexts and stacks they got. */
class ContextLifecycleIT {

  /** The context and stack each fixture test saw, in order. */
  static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

  record Seen(ConfigurableApplicationContext context, TestStack stack) {}

  @SpringBootConfiguration
  static class App {}

  @ServiceIntegrationTest(classes = App.class)
  static class FirstFixture {
    @Autowired ConfigurableApplicationContext context;
    @Autowired TestStack stack;

    @Test
    void outer() {
      SEEN.add(new Seen(context, stack));
    }

    @Nested
    class Inner {
      @Test
      void inner() {
        SEEN.add(new Seen(context, stack));
      }
    }
  }

  @ServiceIntegrationTest(classes = App.class)
  static class SecondFixture {
    @Autowired ConfigurableApplicationContext context;
    @Autowired TestStack stack;

    @Test
    void outer() {
      SEEN.add(new Seen(context, stack));
    }
  }

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  @Test
  void aClassAndItsNestedClassesShareOneContextAndStackClosedWhenTheClassEnds() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(FirstFixture.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(1).context()).isSameAs(SEEN.get(0).context());
    assertThat(SEEN.get(1).stack()).isSameAs(SEEN.get(0).stack());
    assertThat(SEEN.get(0).context().isActive()).isFalse();
  }

  @Test
  void everyTestClassGetsAStackOfItsOwn() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(SEEN).hasSize(3);
    assertThat(SEEN.get(2).context()).isNotSameAs(SEEN.get(0).context());
    assertThat(SEEN.get(2).stack().env()).isNotEqualTo(SEEN.get(0).stack().env());
    assertThat(SEEN).allSatisfy(seen -> assertThat(seen.context().isActive()).isFalse());
  }
}
