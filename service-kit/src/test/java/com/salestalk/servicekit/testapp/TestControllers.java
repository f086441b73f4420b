package com.salestalk.servicekit.testapp;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.AdminApi;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.PublicApi;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.servicekit.problem.FieldViolation;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.RequestValidationException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exercise every service-kit feature. */
final class TestControllers {
  private TestControllers() {}

  @RestController
  @AdminApi
  static class Admin {
    @PostMapping(path = "/api/test/widgets", consumes = MediaType.APPLICATION_JSON_VALUE)
    Widget create(@RequestBody Widget widget) {
      if (widget.name() == null || widget.name().isBlank()) {
        throw new RequestValidationException(List.of(new FieldViolation("name", "is required")));
      }
      return widget;
    }

    @GetMapping("/api/test/widgets/{id}")
    Map<String, Object> get(@PathVariable String id, @RequestParam(defaultValue = "1") int size) {
      if (!id.equals("w-1")) {
        throw ProblemException.notFound("No widget with id " + id);
      }
      return Map.of("id", id, "size", size);
    }

    @GetMapping("/api/test/boom")
    Map<String, Object> boom() {
      throw new IllegalStateException("secret internal detail");
    }
  }

  @RestController
  @TenantApi
  static class Tenant {
    @GetMapping("/api/test/me")
    Map<String, Object> me(@AuthenticatedTenant TenantId tenant) {
      return Map.of("tenantId", tenant.value());
    }
  }

  @RestController
  @PublicApi
  static class Public {
    @GetMapping("/api/test/flow")
    Map<String, Object> flow(Flow flow) {
      return Map.of(
          "correlationId",
          flow.correlationId().toString(),
          "traceId",
          String.valueOf(flow.traceId()));
    }
  }
}
