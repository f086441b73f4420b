/**
 * Default wiring of a producer's properties to the stack outputs {@code ./salestalk up} provides.
 */
package com.salestalk.servicekit.defaults;
