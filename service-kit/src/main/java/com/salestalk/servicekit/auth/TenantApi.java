package com.salestalk.servicekit.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated controller (or handler method) serves tenants: requests need a valid {@code
 * X-Api-Key}, else 401. The tenant is injected into {@link AuthenticatedTenant} parameters.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantApi {}
