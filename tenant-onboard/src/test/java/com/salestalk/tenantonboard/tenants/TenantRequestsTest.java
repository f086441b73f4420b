package com.salestalk.tenantonboard.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.salestalk.servicekit.problem.FieldViolation;
import com.salestalk.servicekit.problem.RequestValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantRequestsTest {

  private final TenantRequests requests =
      new TenantRequests(
          new TenantsProperties("t", "us-east-1", "USD", "UTC", 100, Duration.ofHours(24)));

  private static CreateTenantRequest request(
      String name, String plan, String region, String currency, String timezone) {
    return new CreateTenantRequest(name, plan, region, currency, timezone);
  }

  private List<FieldViolation> violations(CreateTenantRequest request) {
    return catchThrowableOfType(RequestValidationException.class, () -> requests.validate(request))
        .violations();
  }

  @Test
  void trimsTheNameAndAppliesDefaults() {
    NewTenant tenant = requests.validate(request("  Acme  ", "trial", null, null, null));
    assertThat(tenant).isEqualTo(new NewTenant("Acme", Plan.TRIAL, "us-east-1", "USD", "UTC"));
  }

  @Test
  void keepsGivenOptionalFields() {
    NewTenant tenant =
        requests.validate(
            request(
                "Acme", "enterprise", "us-gov-west-1", "JPY", "America/Argentina/Buenos_Aires"));
    assertThat(tenant)
        .isEqualTo(
            new NewTenant(
                "Acme", Plan.ENTERPRISE, "us-gov-west-1", "JPY", "America/Argentina/Buenos_Aires"));
  }

  @Test
  void nameOfExactly200CharactersIsAccepted() {
    assertThat(requests.validate(request("é".repeat(200), "trial", null, null, null)).name())
        .hasSize(200);
  }

  @Test
  void nameLengthCountsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
    assertThat(requests.validate(request(emoji.repeat(200), "trial", null, null, null)).name())
        .hasSize(400);
    assertThat(violations(request(emoji.repeat(201), "trial", null, null, null)))
        .containsExactly(new FieldViolation("name", "must be at most 200 characters, got 201"));
  }

  @Test
  void refusesControlSeparatorBidiAndUnpairedSurrogateCharacters() {
    for (String bad : new String[] {"a\nb", "a\u0000b", "a\u2028b", "a\u202Eb", "a\uD800b"}) {
      assertThat(violations(request(bad, "trial", null, null, null)))
          .as(bad)
          .containsExactly(new FieldViolation("name", "must not contain control characters"));
    }
  }

  @Test
  void planIsCaseSensitive() {
    assertThat(violations(request("A", "Trial", null, null, null)))
        .containsExactly(new FieldViolation("plan", "must be one of trial, standard, enterprise"));
  }

  @Test
  void missingRequiredFieldsAreBothReported() {
    assertThat(violations(request(null, null, null, null, null)))
        .containsExactly(
            new FieldViolation("name", "is required"), new FieldViolation("plan", "is required"));
  }

  @Test
  void currencyMustBeARealUppercaseIso4217Code() {
    for (String bad : new String[] {"usd", "US", "ABC", "EURO", ""}) {
      assertThat(violations(request("A", "trial", null, bad, null)))
          .as(bad)
          .containsExactly(
              new FieldViolation("currency", "must be an ISO 4217 currency code such as USD"));
    }
  }

  @Test
  void timezoneMustBeAnIanaRegionZone() {
    for (String bad :
        new String[] {"Mars/Olympus", "+02:00", "GMT+2", "EST5EDT", "europe/berlin", ""}) {
      assertThat(violations(request("A", "trial", null, null, bad)))
          .as(bad)
          .containsExactly(
              new FieldViolation("timezone", "must be an IANA time zone such as Europe/Berlin"));
    }
    for (String good : new String[] {"UTC", "Europe/Berlin", "Etc/GMT+5", "Asia/Kolkata"}) {
      assertThat(requests.validate(request("A", "trial", null, null, good)).timezone())
          .isEqualTo(good);
    }
  }

  @Test
  void regionMustLookLikeAnAwsRegion() {
    for (String bad : new String[] {"moon-1", "US-EAST-1", "us-east", "us-east-12", ""}) {
      assertThat(violations(request("A", "trial", bad, null, null)))
          .as(bad)
          .containsExactly(
              new FieldViolation("region", "must be an AWS region name such as us-east-1"));
    }
  }

  @Test
  void canonicalFormSeparatesFieldsUnambiguously() {
    NewTenant a = new NewTenant("ab", Plan.TRIAL, "us-east-1", "USD", "UTC");
    NewTenant b = new NewTenant("a", Plan.TRIAL, "us-east-1", "USD", "UTC");
    assertThat(a.canonical()).isNotEqualTo(b.canonical());
    assertThat(a.canonical())
        .isEqualTo(new NewTenant("ab", Plan.TRIAL, "us-east-1", "USD", "UTC").canonical());
  }
}
