package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TestStackContextCustomizerFactoryTest {

  private final TestStackContextCustomizerFactory factory = new TestStackContextCustomizerFactory();

  @ServiceIntegrationTest
  static class AnnotatedTest {
    @Nested
    class Inner {
      @Nested
      class Deeper {}
    }
  }

  static class PlainTest {}

  @Test
  void aTestWithoutTheAnnotationGetsNoStack() {
    assertThat(factory.createContextCustomizer(PlainTest.class, List.of())).isNull();
  }

  @Test
  void nestedClassesShareTheirTopLevelClassesStack() {
    assertThat(factory.createContextCustomizer(AnnotatedTest.Inner.Deeper.class, List.of()))
        .isEqualTo(factory.createContextCustomizer(AnnotatedTest.class, List.of()))
        .isEqualTo(new TestStackContextCustomizer(AnnotatedTest.class));
  }

  @Test
  void aStaticMemberClassIsATestClassOfItsOwn() {
    assertThat(TestStackContextCustomizerFactory.topLevel(AnnotatedTest.class))
        .isEqualTo(AnnotatedTest.class);
  }
}
