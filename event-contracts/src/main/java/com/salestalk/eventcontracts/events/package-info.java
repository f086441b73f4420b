/** Typed payloads of the catalog's event types: one record per type's {@code data}. */
package com.salestalk.eventcontracts.events;
