package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.AdminApi;
import com.salestalk.servicekit.idempotency.HttpIdempotency;
import com.salestalk.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant admin API (docs/ARCHITECTURE.md#http-apis): create, get, list, suspend, resume. Admin
 * bearer token only. The tenant's API keys are {@link TenantApiKeyController}'s.
 */
@RestController
@AdminApi
@RequestMapping(path = TenantController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenants", description = "Tenant administration (admin bearer token)")
@SecurityRequirement(name = "adminToken")
class TenantController {

  static final String BASE = "/api/v1/tenants";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Logger log = LoggerFactory.getLogger(TenantController.class);

  private final TenantRequests requests;
  private final TenantProvisioning provisioning;
  private final TenantStore store;
  private final TenantsProperties properties;

  TenantController(
      TenantRequests requests,
      TenantProvisioning provisioning,
      TenantStore store,
      TenantsProperties properties) {
    this.requests = requests;
    this.provisioning = provisioning;
    this.store = store;
    this.properties = properties;
  }

  @Operation(
      summary = "Create a tenant",
      description =
          "Creates the tenant and announces it with tenant.provisioned.v1. The response carries"
              + " the tenant's API key; it is shown only here and stored only as a SHA-256 hash."
              + " With an Idempotency-Key, a retry with the same body answers 200 with the same"
              + " tenant (without the key, but with how to get a new one) and emits no second"
              + " event; the same key with another body is a 422, and while the first request"
              + " is still in progress a 409 with Retry-After.")
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      headers = @Header(name = "Location", description = "URL of the new tenant"),
      content = @Content(schema = @Schema(implementation = CreatedTenantView.class)))
  @ApiResponse(
      responseCode = "200",
      description = "Replayed: the tenant an earlier request with this Idempotency-Key created",
      headers = {
        @Header(name = "Location", description = "URL of the tenant"),
        @Header(name = REPLAYED_HEADER, description = "true")
      },
      content = @Content(schema = @Schema(implementation = ReplayedTenantView.class)))
  @ProblemResponses.Create
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> create(
      @RequestBody CreateTenantRequest body,
      @Parameter(
              in = ParameterIn.HEADER,
              description =
                  "Makes retries safe: 1 to 255 printable ASCII characters, remembered for 24 h")
          @RequestHeader(name = HttpIdempotency.HEADER, required = false)
          String idempotencyKey,
      @Parameter(hidden = true) Flow flow) {
    NewTenant request = requests.validate(body);
    TenantProvisioning.Outcome outcome = provisioning.create(request, idempotencyKey, flow);
    URI location = URI.create(BASE + "/" + outcome.tenant().id().value());
    if (outcome instanceof TenantProvisioning.Created created) {
      return ResponseEntity.created(location).body(CreatedTenantView.of(created));
    }
    return ResponseEntity.ok()
        .location(location)
        .header(REPLAYED_HEADER, "true")
        .body(ReplayedTenantView.of(outcome.tenant()));
  }

  @Operation(summary = "Get a tenant")
  @ApiResponse(responseCode = "200", description = "The tenant")
  @ProblemResponses.Read
  @GetMapping("/{tenantId}")
  TenantView get(@PathVariable String tenantId) {
    return store.find(tenantIdOr404(tenantId)).map(TenantView::of).orElseThrow(notFound(tenantId));
  }

  @Operation(
      summary = "Suspend a tenant",
      description =
          "None of the tenant's API keys authenticate any more: the tenant-facing services refuse"
              + " them with the same 401 as an unknown key, within their key cache's lifetime"
              + " (salestalk.auth.tenant-api-keys.cache-ttl, 60 s by default). The keys are kept;"
              + " suspending a suspended tenant changes nothing.")
  @ApiResponse(responseCode = "200", description = "The tenant, suspended")
  @ProblemResponses.ByTenant
  @PostMapping("/{tenantId}/suspend")
  TenantView suspend(@PathVariable String tenantId) {
    return setStatus(tenantId, TenantStatus.SUSPENDED);
  }

  @Operation(
      summary = "Resume a suspended tenant",
      description =
          "The tenant's usable API keys authenticate again, within the services' cache lifetime"
              + " for refused keys (salestalk.auth.tenant-api-keys.negative-cache-ttl, 5 s by"
              + " default). Resuming an active tenant changes nothing.")
  @ApiResponse(responseCode = "200", description = "The tenant, active")
  @ProblemResponses.ByTenant
  @PostMapping("/{tenantId}/resume")
  TenantView resume(@PathVariable String tenantId) {
    return setStatus(tenantId, TenantStatus.ACTIVE);
  }

  private TenantView setStatus(String tenantId, TenantStatus status) {
    TenantView tenant =
        store
            .setStatus(tenantIdOr404(tenantId), status)
            .map(TenantView::of)
            .orElseThrow(notFound(tenantId));
    log.info("tenant {} is {}", tenantId, status.wire());
    return tenant;
  }

  /** The tenant id of a path, or a 404: a malformed id cannot exist. */
  static TenantId tenantIdOr404(String tenantId) {
    try {
      return TenantId.of(tenantId);
    } catch (IllegalArgumentException e) {
      throw notFound(tenantId).get();
    }
  }

  static Supplier<ProblemException> notFound(String tenantId) {
    return () -> ProblemException.notFound("No tenant with id " + tenantId);
  }

  @Operation(
      summary = "List tenants",
      description =
          "Pages through all tenants in table order (a DynamoDB Scan). Pass nextPageToken as"
              + " pageToken to get the next page; the last page has no nextPageToken.")
  @ApiResponse(responseCode = "200", description = "A page of tenants")
  @ProblemResponses.Read
  @GetMapping
  TenantPage list(
      @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int size,
      @Parameter(description = "nextPageToken of the previous page") @RequestParam(required = false)
          String pageToken) {
    if (size < 1 || size > properties.maxPageSize()) {
      throw ProblemException.invalidParameter(
          "size", "must be between 1 and " + properties.maxPageSize());
    }
    String after = null;
    if (pageToken != null) {
      after =
          TenantStore.PageTokens.decode(pageToken)
              .orElseThrow(
                  () ->
                      ProblemException.invalidParameter(
                          "pageToken", "is not a token this API issued"));
    }
    TenantStore.Page page = store.page(size, after);
    return new TenantPage(
        page.tenants().stream().map(TenantView::of).toList(), page.nextPageToken());
  }
}
