package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/tenants}, as received (validated by {@link TenantRequests}).
 *
 * @param name display name
 * @param plan {@code trial}, {@code standard} or {@code enterprise}
 * @param region AWS region the tenant's data lives in
 * @param currency ISO 4217 code of the tenant's money metrics
 * @param timezone IANA time zone the tenant's periods are in
 */
@Schema(name = "CreateTenantRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record CreateTenantRequest(
    @Schema(
            description = "Display name; trimmed, 1 to 200 characters, no control characters",
            example = "Acme Corp",
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 200)
        String name,
    @Schema(
            description = "Subscription plan",
            example = "standard",
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"trial", "standard", "enterprise"})
        String plan,
    @Schema(
            description = "AWS region name; defaults to the service's configured region",
            example = "eu-west-1",
            pattern = "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")
        String region,
    @Schema(
            description = "ISO 4217 currency code; defaults to the configured currency (USD)",
            example = "EUR",
            pattern = "^[A-Z]{3}$")
        String currency,
    @Schema(
            description = "IANA time zone; defaults to the configured zone (UTC)",
            example = "Europe/Berlin")
        String timezone) {}
