package com.salestalk.tenantonboard.tenants;

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
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's API keys: issue (rotate), list, revoke. Admin bearer token only. The services that
 * accept the keys see a change within their key cache's lifetime.
 */
@RestController
@AdminApi
@RequestMapping(
    path = TenantController.BASE + "/{tenantId}/api-keys",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API keys", description = "A tenant's API keys (admin bearer token)")
@SecurityRequirement(name = "adminToken")
class TenantApiKeyController {

  private static final Pattern KEY_ID = Pattern.compile("key-[a-z0-9]{1,40}");

  private final TenantApiKeys keys;
  private final Clock clock;

  TenantApiKeyController(TenantApiKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Operation(
      summary = "Issue a new API key (rotate)",
      description =
          "Issues a key, shown only in this response and stored only as a SHA-256 hash. The keys"
              + " that worked until now keep working for the grace period"
              + " (salestalk.tenants.api-key-grace, 24 h by default), then are refused; revoke"
              + " one to end it at once. With an Idempotency-Key, a retry answers 200 with the"
              + " key id (not the key) and how to get a new key.")
  @ApiResponse(
      responseCode = "201",
      description = "Issued",
      content = @Content(schema = @Schema(implementation = IssuedApiKeyView.class)))
  @ApiResponse(
      responseCode = "200",
      description = "Replayed: the key an earlier request with this Idempotency-Key issued",
      headers = @Header(name = TenantController.REPLAYED_HEADER, description = "true"),
      content = @Content(schema = @Schema(implementation = ReplayedApiKeyView.class)))
  @ProblemResponses.IssueKey
  @PostMapping
  ResponseEntity<Object> issue(
      @PathVariable String tenantId,
      @Parameter(
              in = ParameterIn.HEADER,
              description =
                  "Makes retries safe: 1 to 255 printable ASCII characters, remembered for 24 h")
          @RequestHeader(name = HttpIdempotency.HEADER, required = false)
          String idempotencyKey) {
    TenantId tenant = TenantController.tenantIdOr404(tenantId);
    TenantApiKeys.IssueOutcome outcome = keys.issue(tenant, idempotencyKey);
    if (outcome instanceof TenantApiKeys.Issued issued) {
      return ResponseEntity.status(HttpStatus.CREATED).body(IssuedApiKeyView.of(issued));
    }
    return ResponseEntity.ok()
        .header(TenantController.REPLAYED_HEADER, "true")
        .body(ReplayedApiKeyView.of(tenant, outcome.keyId()));
  }

  @Operation(
      summary = "List a tenant's API keys",
      description =
          "Key ids, states and times, oldest first: the keys that work and those that stopped"
              + " working since a key was last issued (issuing removes them). Never a key or its"
              + " hash.")
  @ApiResponse(responseCode = "200", description = "The keys")
  @ProblemResponses.ByTenant
  @GetMapping
  ApiKeyList list(@PathVariable String tenantId) {
    Instant now = clock.instant();
    return keys.list(TenantController.tenantIdOr404(tenantId))
        .map(all -> new ApiKeyList(all.stream().map(k -> ApiKeyView.of(k, now)).toList()))
        .orElseThrow(TenantController.notFound(tenantId));
  }

  @Operation(
      summary = "Revoke an API key",
      description =
          "The key is refused from now on by every service, within their key cache's lifetime"
              + " (salestalk.auth.tenant-api-keys.cache-ttl, 60 s by default). Revoking a revoked"
              + " key changes nothing.")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @ProblemResponses.ByTenant
  @DeleteMapping("/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable String tenantId, @PathVariable String keyId) {
    TenantId tenant = TenantController.tenantIdOr404(tenantId);
    if (!KEY_ID.matcher(keyId).matches()) {
      throw ProblemException.notFound("No API key " + keyId + " of tenant " + tenantId);
    }
    keys.revoke(tenant, keyId);
  }
}
