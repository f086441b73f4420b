/** Test helpers other services reuse through the service-kit test jar. */
package com.salestalk.servicekit.testing;
