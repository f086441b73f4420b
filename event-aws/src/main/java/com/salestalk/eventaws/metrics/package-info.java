/** Exporting the SalesTalk metrics to CloudWatch and resolving the meter registry the kit uses. */
package com.salestalk.eventaws.metrics;
