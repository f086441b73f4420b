package com.salestalk.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void generatedKeysAreWellFormedAndDistinct() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String key = ApiKeys.generate();
      assertThat(key).startsWith("stk_").hasSize(47);
      assertThat(ApiKeys.wellFormed(key)).isTrue();
      keys.add(key);
    }
    assertThat(keys).hasSize(1000);
  }

  @Test
  void hashIsLowercaseHexSha256() {
    assertThat(ApiKeys.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void rejectsStringsThatAreNotKeys() {
    assertThat(ApiKeys.wellFormed(null)).isFalse();
    assertThat(ApiKeys.wellFormed("")).isFalse();
    assertThat(ApiKeys.wellFormed("stk_short")).isFalse();
    assertThat(ApiKeys.wellFormed("xyz_" + "a".repeat(43))).isFalse();
    assertThat(ApiKeys.wellFormed("stk_" + "a".repeat(42) + "!")).isFalse();
    assertThat(ApiKeys.wellFormed("stk_" + "a".repeat(44))).isFalse();
  }
}
