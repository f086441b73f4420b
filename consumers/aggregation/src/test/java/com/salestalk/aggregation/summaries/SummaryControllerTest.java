package com.salestalk.aggregation.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.metricdata.cells.Breakdown;
import com.salestalk.metricdata.cells.CellStats;
import com.salestalk.metricdata.cells.DimensionFigures;
import com.salestalk.metricdata.cells.MetricCells;
import com.salestalk.metricdata.cells.MetricCoverage;
import com.salestalk.metricdata.cells.Period;
import com.salestalk.metricdata.cells.PeriodFigures;
import com.salestalk.metricdata.cells.Summary;
import com.salestalk.metricdata.cells.TenantCoverage;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summaries API's parameters, its problem bodies and its JSON, with service-kit's problem
 * handling and authentication in front; the cells reader is a mock. The flow against the emulator
 * is {@code AggregationIT}'s.
 */
@WebMvcTest(
    controllers = SummaryController.class,
    properties = {
      "salestalk.aggregation.table=slice-cells",
      "salestalk.aggregation.bucket=slice-bucket"
    })
@Import(SummaryControllerTest.Fakes.class)
@ActiveProfiles("local")
class SummaryControllerTest {

  static final String SUMMARIES = "/api/v1/summaries";
  static final String API_KEY = ApiKeys.generate();
  static final String TENANT = "tenant-k3x9q2m4p7w8r5t1v6y0";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TestConfiguration
  static class Fakes {
    @Bean
    TenantApiKeyLookup tenantApiKeyLookup() {
      return hash ->
          hash.equals(ApiKeys.hash(API_KEY)) ? Optional.of(TenantId.of(TENANT)) : Optional.empty();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Clock clock;
  @MockitoBean MetricCells cells;

  MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  MockHttpServletResponse summaries(String query) throws Exception {
    return send(get(URI.create(SUMMARIES + query)).header("X-Api-Key", API_KEY));
  }

  /** The answer is exactly this problem and no cell was read. */
  void assertProblem(
      MockHttpServletResponse response,
      int status,
      String type,
      String detail,
      Map<String, String> errors)
      throws Exception {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("type", "https://salestalk.dev/problems/" + type);
    expected.put("title", status == 400 ? "Invalid parameter" : "Not found");
    expected.put("status", status);
    expected.put("detail", detail);
    expected.put("instance", SUMMARIES);
    if (errors != null) {
      expected.put(
          "errors",
          errors.entrySet().stream()
              .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
              .toList());
    }
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(JSON.valueToTree(expected));
  }

  void assertInvalid(String query, String parameter, String message) throws Exception {
    assertProblem(
        summaries(query),
        400,
        "invalid-parameter",
        "Invalid " + parameter + ": " + message,
        Map.of(parameter, message));
  }

  static MetricCoverage revenue() {
    return new MetricCoverage(
        "revenue",
        List.of(YearMonth.of(2025, 6), YearMonth.of(2025, 7), YearMonth.of(2025, 9)),
        List.of("product", "region"));
  }

  @Nested
  class Refusals {

    @Test
    void withoutAKeyTheAnswerIsUnauthorized() throws Exception {
      MockHttpServletResponse response = send(get(SUMMARIES + "?metric=revenue&period=2025"));

      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
      verifyNoInteractions(cells);
    }

    @Test
    void aMissingParameterIsNamed() throws Exception {
      assertInvalid("?metric=revenue", "period", "is required");
      assertInvalid("?period=2025", "metric", "is required");
      verifyNoInteractions(cells);
    }

    @Test
    void aPeriodOfNoKnownFormIsRefusedNamingTheForms() throws Exception {
      for (String period : new String[] {"2025-13", "Q3", "2025-Q5", "last-year", "2025-7"}) {
        assertInvalid(
            "?metric=revenue&period=" + period,
            "period",
            "must be " + Period.FORMS + "; got '" + period + "'");
      }
      verifyNoInteractions(cells);
    }

    @Test
    void aBlankOrOverlongMetricIsRefused() throws Exception {
      assertInvalid("?metric=%20&period=2025", "metric", "must not be blank");
      assertInvalid(
          "?metric=" + "m".repeat(129) + "&period=2025",
          "metric",
          "must be at most 128 characters");
      verifyNoInteractions(cells);
    }

    @Test
    void anEmptyOrOverlongDimensionIsRefused() throws Exception {
      assertInvalid(
          "?metric=revenue&period=2025&dimension=", "dimension", "must be 1 to 256 characters");
      assertInvalid(
          "?metric=revenue&period=2025&dimension=" + "d".repeat(257),
          "dimension",
          "must be 1 to 256 characters");
      verifyNoInteractions(cells);
    }

    @Test
    void aMetricTheTenantHasNoDataForIsNotFound() throws Exception {
      when(cells.metric(TENANT, "bookings")).thenReturn(Optional.empty());

      assertProblem(
          summaries("?metric=bookings&period=2025-Q3"),
          404,
          "not-found",
          "No data for metric 'bookings' (GET /api/v1/summaries/metrics lists the tenant's metrics)",
          null);
    }

    @Test
    void aDimensionTheMetricDoesNotHaveIsRefusedListingItsDimensions() throws Exception {
      when(cells.metric(TENANT, "revenue")).thenReturn(Optional.of(revenue()));
      when(cells.metric(TENANT, "units"))
          .thenReturn(
              Optional.of(new MetricCoverage("units", List.of(YearMonth.of(2025, 7)), List.of())));

      assertInvalid(
          "?metric=revenue&period=2025&dimension=country",
          "dimension",
          "metric 'revenue' has no dimension 'country' (its dimensions: product, region)");
      assertInvalid(
          "?metric=units&period=2025&dimension=region",
          "dimension",
          "metric 'units' has no dimension 'region' (it has none)");
    }

    @Test
    void theSummariesAreOnlyRead() throws Exception {
      MockHttpServletResponse response =
          send(post(SUMMARIES + "?metric=revenue&period=2025").header("X-Api-Key", API_KEY));

      assertThat(response.getStatus()).isEqualTo(405);
      verifyNoInteractions(cells);
    }
  }

  @Nested
  class Answers {

    @Test
    void aSummaryCarriesEveryFigureOfThePeriodAndItsBreakdown() throws Exception {
      Period q3 = Period.quarter(2025, 3);
      when(cells.metric(TENANT, "revenue")).thenReturn(Optional.of(revenue()));
      when(cells.summary(TENANT, "revenue", q3, "region"))
          .thenReturn(
              new Summary(
                  "revenue",
                  new PeriodFigures(
                      q3,
                      List.of(YearMonth.of(2025, 7), YearMonth.of(2025, 9)),
                      new CellStats(
                          new BigDecimal("300.50"),
                          4,
                          new BigDecimal("-10"),
                          new BigDecimal("200"))),
                  new PeriodFigures(
                      q3.previous(),
                      List.of(YearMonth.of(2025, 6)),
                      new CellStats(
                          new BigDecimal("200"), 2, new BigDecimal("50"), new BigDecimal("150"))),
                  new BigDecimal("0.5025"),
                  Instant.parse("2025-10-01T08:00:00.123Z"),
                  List.of("upl-0199a0000000-aaaaaaaaaa"),
                  new Breakdown(
                      "region",
                      List.of(
                          new DimensionFigures(
                              "EU",
                              new CellStats(
                                  new BigDecimal("300.50"),
                                  3,
                                  BigDecimal.ONE,
                                  new BigDecimal("200")),
                              new BigDecimal("200"),
                              new BigDecimal("0.5025"))),
                      List.of(YearMonth.of(2025, 9)))));

      MockHttpServletResponse response =
          summaries("?metric=revenue&period=2025-q3&dimension=region");

      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsString())
          .isEqualTo(
              "{\"metric\":\"revenue\",\"period\":\"2025-Q3\",\"from\":\"2025-07\",\"to\":\"2025-09\","
                  + "\"monthsWithData\":[\"2025-07\",\"2025-09\"],\"total\":300.50,\"count\":4,"
                  + "\"min\":-10,\"max\":200,\"average\":75.125,\"monthlyAverage\":150.25,"
                  + "\"previousPeriod\":{\"period\":\"2025-Q2\",\"from\":\"2025-04\",\"to\":\"2025-06\","
                  + "\"monthsWithData\":[\"2025-06\"],\"total\":200,\"count\":2},"
                  + "\"growth\":0.5025,\"dataAsOf\":\"2025-10-01T08:00:00.123Z\","
                  + "\"uploadIds\":[\"upl-0199a0000000-aaaaaaaaaa\"],"
                  + "\"byDimension\":{\"dimension\":\"region\",\"values\":[{\"value\":\"EU\","
                  + "\"total\":300.50,\"count\":3,\"min\":1,\"max\":200,"
                  + "\"average\":100.1666666666667,\"previousTotal\":200,\"growth\":0.5025}],"
                  + "\"monthsWithout\":[\"2025-09\"]}}");
    }

    @Test
    void aPeriodWithoutDataAnswersNullFiguresAndNoBreakdownUnlessAsked() throws Exception {
      Period month = Period.month(YearMonth.of(2024, 1));
      when(cells.metric(TENANT, "revenue")).thenReturn(Optional.of(revenue()));
      when(cells.summary(TENANT, "revenue", month, null))
          .thenReturn(
              new Summary(
                  "revenue",
                  new PeriodFigures(month, List.of(), null),
                  null,
                  null,
                  null,
                  List.of(),
                  null));

      MockHttpServletResponse response = summaries("?metric=revenue&period=2024-01");

      assertThat(response.getContentAsString())
          .isEqualTo(
              "{\"metric\":\"revenue\",\"period\":\"2024-01\",\"from\":\"2024-01\",\"to\":\"2024-01\","
                  + "\"monthsWithData\":[],\"total\":null,\"count\":0,\"min\":null,\"max\":null,"
                  + "\"average\":null,\"monthlyAverage\":null,\"previousPeriod\":null,\"growth\":null,"
                  + "\"dataAsOf\":null,\"uploadIds\":[]}");
    }

    @Test
    void yearToDateRunsThroughTheCurrentMonth() throws Exception {
      Period ytd = Period.yearToDate(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
      when(cells.metric(TENANT, "revenue")).thenReturn(Optional.of(revenue()));
      when(cells.summary(anyString(), anyString(), any(), any()))
          .thenReturn(
              new Summary(
                  "revenue",
                  new PeriodFigures(ytd, List.of(), null),
                  null,
                  null,
                  null,
                  List.of(),
                  null));

      summaries("?metric=revenue&period=YTD");

      verify(cells).summary(TENANT, "revenue", ytd, null);
    }

    @Test
    void aProvisionedTenantWithoutUploadsHasNoDataYet() throws Exception {
      when(cells.coverage(TENANT)).thenReturn(Optional.of(new TenantCoverage(true, List.of())));

      MockHttpServletResponse response =
          send(get(SUMMARIES + "/metrics").header("X-Api-Key", API_KEY));

      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsString())
          .isEqualTo("{\"state\":\"NO_DATA_YET\",\"metrics\":[]}");
    }

    @Test
    void theMetricsListNamesThePeriodsWithData() throws Exception {
      when(cells.coverage(TENANT))
          .thenReturn(Optional.of(new TenantCoverage(false, List.of(revenue()))));

      MockHttpServletResponse response =
          send(get(SUMMARIES + "/metrics").header("X-Api-Key", API_KEY));

      assertThat(response.getContentAsString())
          .isEqualTo(
              "{\"state\":\"HAS_DATA\",\"metrics\":[{\"metric\":\"revenue\","
                  + "\"months\":[\"2025-06\",\"2025-07\",\"2025-09\"],"
                  + "\"quarters\":[\"2025-Q2\",\"2025-Q3\"],\"years\":[2025],"
                  + "\"dimensions\":[\"product\",\"region\"]}]}");
    }

    @Test
    void aTenantAggregationKnowsNothingOfIsNotFound() throws Exception {
      when(cells.coverage(TENANT)).thenReturn(Optional.empty());

      MockHttpServletResponse response =
          send(get(SUMMARIES + "/metrics").header("X-Api-Key", API_KEY));

      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString())
          .isEqualTo(
              "Aggregation knows nothing of this tenant yet: neither its provisioning nor an upload"
                  + " has been processed");
    }
  }
}
