package com.salestalk.servicekit.openapi;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.openapi.*}: what a service's OpenAPI document says about the service. Nothing is
 * defined unless {@code title} is set (and springdoc is on the class path).
 *
 * @param title the document's title, e.g. {@code SalesTalk insights}
 * @param summary what the API is for, one sentence; the document's description adds where errors
 *     are described
 * @param credentials the credentials the API accepts, declared as security schemes
 */
@ConfigurationProperties(OpenApiProperties.PREFIX)
public record OpenApiProperties(
    String title, String summary, @DefaultValue("api-key") Set<Credential> credentials) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.openapi";

  /** A credential of the SalesTalk APIs (service-kit's auth). */
  public enum Credential {
    /** The tenant's API key in {@code X-Api-Key}: scheme {@code apiKey}. */
    API_KEY,
    /** The admin token as a bearer token: scheme {@code adminToken}. */
    ADMIN_TOKEN
  }
}
