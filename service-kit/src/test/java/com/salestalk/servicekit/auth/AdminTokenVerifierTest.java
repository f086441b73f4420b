package com.salestalk.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminTokenVerifierTest {

  private static final String TOKEN = "0123456789abcdef-token";

  @Test
  void matchesOnlyTheConfiguredToken() {
    AdminTokenVerifier verifier = new AdminTokenVerifier(new AdminProperties(TOKEN));
    assertThat(verifier.configured()).isTrue();
    assertThat(verifier.matches(TOKEN)).isTrue();
    assertThat(verifier.matches(TOKEN + " ")).isFalse();
    assertThat(verifier.matches(TOKEN.substring(1))).isFalse();
    assertThat(verifier.matches("")).isFalse();
    assertThat(verifier.matches(null)).isFalse();
  }

  @Test
  void surroundingWhitespaceOfTheConfiguredTokenIsIgnored() {
    AdminTokenVerifier verifier = new AdminTokenVerifier(new AdminProperties("  " + TOKEN + "\n"));
    assertThat(verifier.matches(TOKEN)).isTrue();
  }

  @Test
  void missingOrShortTokenMatchesNothing() {
    for (String token : new String[] {null, "", "   ", "short-token"}) {
      AdminTokenVerifier verifier = new AdminTokenVerifier(new AdminProperties(token));
      assertThat(verifier.configured()).as(String.valueOf(token)).isFalse();
      assertThat(verifier.matches(token)).isFalse();
      assertThat(verifier.matches("")).isFalse();
    }
  }
}
