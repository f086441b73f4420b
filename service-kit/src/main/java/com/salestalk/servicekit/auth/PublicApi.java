package com.salestalk.servicekit.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated controller (or handler method) under the API prefix needs no credentials; the
 * explicit opt-out from authentication (every {@code /api/} endpoint must declare its access).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicApi {}
