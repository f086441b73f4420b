package com.salestalk.eventcontracts.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The catalog event type whose {@code data} an {@link EventPayload} record is. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

  /** The event type, {@code domain.action.vN}, as listed in the catalog. */
  String value();
}
